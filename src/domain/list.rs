//! Ordered lists of things with stable ids, and the edits every list editor needs:
//! add, edit, move, delete with undo.

use super::Id;
use serde::{Deserialize, Serialize};

/// A plain item of text: a reason for recovery, a warning sign, a place to avoid, a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: Id,
    pub text: String,
}

impl Entry {
    pub fn new(id: Id, text: impl Into<String>) -> Self {
        Entry {
            id,
            text: text.into(),
        }
    }
}

/// Anything kept in an ordered list with a stable id.
pub trait HasId {
    fn id(&self) -> &Id;
}

/// Implements [`HasId`] for structs with an `id: Id` field.
macro_rules! impl_has_id {
    ($($t:ty),+ $(,)?) => {
        $(impl $crate::domain::list::HasId for $t {
            fn id(&self) -> &$crate::domain::Id {
                &self.id
            }
        })+
    };
}
pub(crate) use impl_has_id;

impl_has_id!(Entry);

/// What a delete returns, so the user can undo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed<T> {
    pub index: usize,
    pub item: T,
}

/// The edits of an ordered list. Implemented for every `Vec` of things with ids.
pub trait OrderedList<T: HasId> {
    fn find(&self, id: &Id) -> Option<&T>;
    fn find_mut(&mut self, id: &Id) -> Option<&mut T>;
    fn position(&self, id: &Id) -> Option<usize>;
    /// Removes the item; what it returns puts it back where it was with [`OrderedList::restore`].
    fn remove_id(&mut self, id: &Id) -> Option<Removed<T>>;
    /// Undoes a removal (at the same place, or at the end if the list got shorter).
    /// Does nothing if an item with that id is already there.
    fn restore(&mut self, removed: Removed<T>);
    /// Moves an item up (`-1`) or down (`+1`); returns whether it moved.
    fn shift(&mut self, id: &Id, by: isize) -> bool;
}

impl<T: HasId> OrderedList<T> for Vec<T> {
    fn find(&self, id: &Id) -> Option<&T> {
        self.iter().find(|t| t.id() == id)
    }
    fn find_mut(&mut self, id: &Id) -> Option<&mut T> {
        self.iter_mut().find(|t| t.id() == id)
    }
    fn position(&self, id: &Id) -> Option<usize> {
        self.iter().position(|t| t.id() == id)
    }
    fn remove_id(&mut self, id: &Id) -> Option<Removed<T>> {
        let index = self.position(id)?;
        Some(Removed {
            index,
            item: self.remove(index),
        })
    }
    fn restore(&mut self, removed: Removed<T>) {
        if self.position(removed.item.id()).is_some() {
            return;
        }
        let at = removed.index.min(self.len());
        self.insert(at, removed.item);
    }
    fn shift(&mut self, id: &Id, by: isize) -> bool {
        let Some(from) = self.position(id) else {
            return false;
        };
        let to = from as isize + by;
        if to < 0 || to as usize >= self.len() {
            return false;
        }
        let item = self.remove(from);
        self.insert(to as usize, item);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(n: u64, t: &str) -> Entry {
        Entry::new(Id::generate(n, n), t)
    }

    #[test]
    fn remove_then_restore_puts_it_back_in_place() {
        let mut v = vec![e(1, "a"), e(2, "b"), e(3, "c")];
        let before = v.clone();
        let removed = v.remove_id(&before[1].id).expect("present");
        assert_eq!(v.len(), 2);
        v.restore(removed.clone());
        assert_eq!(v, before);
        v.restore(removed);
        assert_eq!(v, before, "restoring twice adds nothing");
    }

    #[test]
    fn shift_moves_within_bounds_only() {
        let mut v = vec![e(1, "a"), e(2, "b")];
        let a = v[0].id.clone();
        assert!(!v.shift(&a, -1));
        assert!(v.shift(&a, 1));
        assert_eq!(v[1].text, "a");
        assert!(!v.shift(&a, 1));
    }
}
