//! Life-skills goals: work, education, money, housing, health, leisure.

use super::enums::string_enum;
use super::list::impl_has_id;
use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LifeArea {
    Work,
    Education,
    Money,
    Housing,
    Health,
    Leisure,
    Other,
}

string_enum!(LifeArea {
    Work => "work",
    Education => "education",
    Money => "money",
    Housing => "housing",
    Health => "health",
    Leisure => "leisure",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: Id,
    pub area: LifeArea,
    pub goal: String,
    pub next_step: String,
    pub done: bool,
}

impl_has_id!(Goal);
