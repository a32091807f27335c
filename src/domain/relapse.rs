//! Relapse prevention: reasons for recovery, triggers, warning signs, coping strategies
//! (each linkable to the triggers it answers) and places to avoid.

use super::list::{impl_has_id, OrderedList, Removed};
use super::{Entry, Id};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    Person,
    Place,
    Feeling,
    Time,
    Thing,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: Id,
    pub kind: TriggerKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopingStrategy {
    pub id: Id,
    pub text: String,
    /// The triggers this strategy answers (may be left out: no links).
    #[serde(default)]
    pub trigger_ids: Vec<Id>,
}

impl_has_id!(Trigger, CopingStrategy);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RelapsePlan {
    pub reasons: Vec<Entry>,
    pub triggers: Vec<Trigger>,
    pub warning_signs: Vec<Entry>,
    pub coping: Vec<CopingStrategy>,
    pub places_to_avoid: Vec<Entry>,
}

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

    /// The guided start's "what I'll do instead" for a trigger: changes the first coping
    /// strategy linked to it, or adds one (with `new_id`) when there is none and the text
    /// is not empty.
    pub fn set_first_coping(&mut self, trigger: &Id, text: &str, new_id: Id) {
        if let Some(c) = self
            .coping
            .iter_mut()
            .find(|c| c.trigger_ids.contains(trigger))
        {
            c.text = text.to_string();
        } else if !text.trim().is_empty() && self.triggers.find(trigger).is_some() {
            self.coping.push(CopingStrategy {
                id: new_id,
                text: text.to_string(),
                trigger_ids: vec![trigger.clone()],
            });
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
