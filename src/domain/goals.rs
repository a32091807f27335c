//! Life-skills goals: work, education, money, housing, health, leisure.

use super::list::impl_has_id;
use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    Work,
    Education,
    Money,
    Housing,
    Health,
    Leisure,
    Other,
}

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
