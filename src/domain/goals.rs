//! Life-skills goals: work, education, money, housing, health, leisure.

use super::enums::string_enum;
use super::json::json_struct;
use super::list::impl_has_id;
use super::Id;

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

#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub id: Id,
    pub area: LifeArea,
    pub goal: String,
    pub next_step: String,
    pub done: bool,
}

json_struct!(Goal {
    id,
    area,
    goal,
    next_step,
    done
});

impl_has_id!(Goal);
