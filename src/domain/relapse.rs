//! Relapse prevention: reasons for recovery, triggers, warning signs, coping strategies
//! (each linkable to the triggers it answers) and places to avoid.

use super::enums::string_enum;
use super::json::{done, json_struct, Json, Obj};
use super::list::{impl_has_id, OrderedList, Removed};
use super::{Entry, Id};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerKind {
    Person,
    Place,
    Feeling,
    Time,
    Thing,
    Other,
}

string_enum!(TriggerKind {
    Person => "person",
    Place => "place",
    Feeling => "feeling",
    Time => "time",
    Thing => "thing",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    pub id: Id,
    pub kind: TriggerKind,
    pub text: String,
}

json_struct!(Trigger { id, kind, text });

#[derive(Clone, Debug, PartialEq)]
pub struct CopingStrategy {
    pub id: Id,
    pub text: String,
    /// The triggers this strategy answers.
    pub trigger_ids: Vec<Id>,
}

impl_has_id!(Trigger, CopingStrategy);

/// Written like any struct; read by hand because `trigger_ids` may be left out (no links).
impl Json for CopingStrategy {
    fn write(&self, out: &mut String) {
        out.push_str("{\"id\":");
        self.id.write(out);
        out.push_str(",\"text\":");
        self.text.write(out);
        out.push_str(",\"trigger_ids\":");
        self.trigger_ids.write(out);
        out.push('}');
    }
    fn read(v: &crate::domain::json_parse::Value) -> Result<Self, String> {
        let o = Obj::new(v, &["id", "text", "trigger_ids"])?;
        let mut err = None;
        let value = CopingStrategy {
            id: o.get("id", &mut err),
            text: o.get("text", &mut err),
            trigger_ids: o.get_or("trigger_ids", Vec::new(), &mut err),
        };
        done(value, err)
    }
    fn fallback() -> Self {
        CopingStrategy {
            id: Id::fallback(),
            text: String::new(),
            trigger_ids: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RelapsePlan {
    pub reasons: Vec<Entry>,
    pub triggers: Vec<Trigger>,
    pub warning_signs: Vec<Entry>,
    pub coping: Vec<CopingStrategy>,
    pub places_to_avoid: Vec<Entry>,
}

json_struct!(RelapsePlan default { reasons, triggers, warning_signs, coping, places_to_avoid });

/// A removed trigger together with the links to it that were removed with it, so undo
/// restores both.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedTrigger {
    pub removed: Removed<Trigger>,
    pub unlinked_from: Vec<Id>,
}

impl RelapsePlan {
    /// Removes a trigger and every coping strategy's link to it.
    pub fn remove_trigger(&mut self, id: &Id) -> Option<RemovedTrigger> {
        let removed = self.triggers.remove_id(id)?;
        let mut unlinked_from = Vec::new();
        for c in &mut self.coping {
            let before = c.trigger_ids.len();
            c.trigger_ids.retain(|t| t != id);
            if c.trigger_ids.len() != before {
                unlinked_from.push(c.id.clone());
            }
        }
        Some(RemovedTrigger {
            removed,
            unlinked_from,
        })
    }

    pub fn restore_trigger(&mut self, r: RemovedTrigger) {
        let tid = r.removed.item.id.clone();
        self.triggers.restore(r.removed);
        for cid in r.unlinked_from {
            if let Some(c) = self.coping.find_mut(&cid) {
                if !c.trigger_ids.contains(&tid) {
                    c.trigger_ids.push(tid.clone());
                }
            }
        }
    }

    /// Links or unlinks a coping strategy and a trigger. Unknown ids change nothing.
    pub fn set_link(&mut self, coping: &Id, trigger: &Id, linked: bool) {
        if self.triggers.find(trigger).is_none() {
            return;
        }
        if let Some(c) = self.coping.find_mut(coping) {
            let has = c.trigger_ids.contains(trigger);
            if linked && !has {
                c.trigger_ids.push(trigger.clone());
            } else if !linked && has {
                c.trigger_ids.retain(|t| t != trigger);
            }
        }
    }

    /// The coping strategies that answer a trigger, in plan order.
    pub fn coping_for<'a>(&'a self, trigger: &'a Id) -> impl Iterator<Item = &'a CopingStrategy> {
        self.coping
            .iter()
            .filter(move |c| c.trigger_ids.contains(trigger))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_trigger_unlinks_it_and_undo_relinks() {
        let t = Id::generate(1, 1);
        let c = Id::generate(2, 2);
        let mut r = RelapsePlan::default();
        r.triggers.push(Trigger {
            id: t.clone(),
            kind: TriggerKind::Feeling,
            text: "Lonely on Sunday nights".into(),
        });
        r.coping.push(CopingStrategy {
            id: c.clone(),
            text: "Call my sponsor".into(),
            trigger_ids: vec![],
        });
        r.set_link(&c, &t, true);
        r.set_link(&c, &t, true);
        assert_eq!(r.coping[0].trigger_ids, vec![t.clone()]);
        let before = r.clone();
        let removed = r.remove_trigger(&t).expect("present");
        assert!(r.coping[0].trigger_ids.is_empty());
        r.restore_trigger(removed);
        assert_eq!(r, before);
        assert_eq!(r.coping_for(&t).count(), 1);
    }

    #[test]
    fn links_to_unknown_triggers_are_refused() {
        let mut r = RelapsePlan::default();
        let c = Id::generate(2, 2);
        r.coping.push(CopingStrategy {
            id: c.clone(),
            text: "Walk".into(),
            trigger_ids: vec![],
        });
        r.set_link(&c, &Id::generate(9, 9), true);
        assert!(r.coping[0].trigger_ids.is_empty());
    }
}
