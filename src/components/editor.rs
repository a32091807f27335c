//! Typed record editors. Each editable field of a record is a [`Field`] of that record's
//! type: its accessors are functions of the concrete type (a field that does not exist does
//! not compile), and a value that cannot be stored (a number out of range, a date that is
//! not one) comes back as a message shown beside the field, with nothing stored.
//!
//! The views see a form through the small object-safe [`Form`] and [`Table`] traits, so one
//! piece of view code serves every record type: each `view!` is code in the download, a
//! table of fields is data.

use crate::domain::list::{HasId, OrderedList};
use crate::domain::{Id, Plan};
use chrono::NaiveDate;
use std::marker::PhantomData;

/// Words of the form in the app's language, looked up when the form is drawn (a table of
/// fields is a constant, and the language is chosen at run time): `|| tr!(editors.x)`.
pub type Text = fn() -> &'static str;

/// No example in an empty field.
pub fn no_example() -> &'static str {
    ""
}

/// What kind of input a field is.
#[derive(Clone, Copy)]
pub enum Input {
    /// Text, with an example as placeholder.
    Text(Text),
    /// Text with ideas to pick from (a list under the field); the person may type anything.
    Idea(Text, &'static [Text]),
    /// Longer text, in a box that shows several lines.
    Long(Text),
    /// A phone number (the phone's number pad).
    Tel,
    Date,
    /// A time of day.
    Time,
    /// A date and time of day.
    DateTime,
    /// A number; the field's accessor says which and what range.
    Number,
    /// A yes/no box; the value is "true" or "false".
    Check,
    /// One of some choices: (saved word, label). The word is stored; only the label is
    /// translated.
    Choice(&'static [(&'static str, Text)]),
    /// Links to other things (a coping strategy to the triggers it answers, a meeting to
    /// its days): the value is the linked ids separated by spaces; a change is written
    /// "id true" or "id false".
    Links(fn(&Plan) -> Vec<(Id, String)>),
    /// Words about the record, not edited (how often the person has been to a meeting).
    Note,
}

/// Why a typed value was not stored, in words for the person.
pub type Refused = String;

/// What a change may need besides the plan: today's date (from the app's clock) and an id
/// for a record the change creates (the guided start's coping strategy).
pub struct Ctx {
    pub today: NaiveDate,
    pub new_id: Id,
}

/// How a field reads and writes its record.
pub enum Access<T: 'static> {
    /// A text field of the record.
    Text(fn(&T) -> &String, fn(&mut T) -> &mut String),
    /// A yes/no field of the record.
    Flag(fn(&T) -> &bool, fn(&mut T) -> &mut bool),
    /// Any other field of the record, through its text in the form.
    Own(fn(&T) -> String, fn(&mut T, &str) -> Result<(), Refused>),
    /// A field that needs the whole plan and the date (links across lists, attendance,
    /// the slip-date rule), for the record with this id.
    Plan(
        fn(&Plan, &Id, NaiveDate) -> String,
        fn(&mut Plan, &Id, &str, &Ctx) -> Result<(), Refused>,
    ),
}

/// One editable field of a record of type `T`.
pub struct Field<T: 'static> {
    /// The field's name in the saved plan ("phone"): `data-field` in the page, so a test
    /// can find the stored value of what it typed.
    pub key: &'static str,
    pub label: Text,
    pub input: Input,
    pub access: Access<T>,
}

impl<T> Field<T> {
    pub const fn text(
        key: &'static str,
        label: Text,
        input: Input,
        get: fn(&T) -> &String,
        get_mut: fn(&mut T) -> &mut String,
    ) -> Self {
        Field {
            key,
            label,
            input,
            access: Access::Text(get, get_mut),
        }
    }

    pub const fn flag(
        key: &'static str,
        label: Text,
        get: fn(&T) -> &bool,
        get_mut: fn(&mut T) -> &mut bool,
    ) -> Self {
        Field {
            key,
            label,
            input: Input::Check,
            access: Access::Flag(get, get_mut),
        }
    }

    pub const fn own(
        key: &'static str,
        label: Text,
        input: Input,
        get: fn(&T) -> String,
        set: fn(&mut T, &str) -> Result<(), Refused>,
    ) -> Self {
        Field {
            key,
            label,
            input,
            access: Access::Own(get, set),
        }
    }

    pub const fn plan(
        key: &'static str,
        label: Text,
        input: Input,
        get: fn(&Plan, &Id, NaiveDate) -> String,
        set: fn(&mut Plan, &Id, &str, &Ctx) -> Result<(), Refused>,
    ) -> Self {
        Field {
            key,
            label,
            input,
            access: Access::Plan(get, set),
        }
    }
}

/// Where the records of a form are: a list of the plan, one part of it (the letter to
/// loved ones), or the check-in of a day.
pub trait Source: 'static {
    type Item: Clone + 'static;
    fn find<'a>(p: &'a Plan, id: &Id) -> Option<&'a Self::Item>;
    /// Puts a changed record back where it was (or, for a check-in, where it belongs).
    fn put(p: &mut Plan, id: &Id, item: Self::Item);
    /// A new record to edit when there is none yet (only the check-in of a day).
    fn blank(_id: &Id) -> Option<Self::Item> {
        None
    }
}

/// A list of the plan.
pub trait List: 'static {
    type Item: HasId + Clone + 'static;
    fn of(p: &Plan) -> &Vec<Self::Item>;
    fn of_mut(p: &mut Plan) -> &mut Vec<Self::Item>;
}

impl<L: List> Source for L {
    type Item = L::Item;
    fn find<'a>(p: &'a Plan, id: &Id) -> Option<&'a L::Item> {
        L::of(p).find(id)
    }
    fn put(p: &mut Plan, id: &Id, item: L::Item) {
        if let Some(r) = L::of_mut(p).find_mut(id) {
            *r = item;
        }
    }
}

/// The fields of a form, as the views see them.
pub trait Form: Sync {
    fn field_count(&self) -> usize;
    /// (key, label, input) of field `i`.
    fn meta(&self, i: usize) -> (&'static str, &'static str, Input);
    fn get(&self, p: &Plan, id: &Id, i: usize, today: NaiveDate) -> String;
    /// Writes field `i` from the form's text; on a refusal the plan is unchanged.
    fn set(&self, p: &mut Plan, id: &Id, i: usize, v: &str, ctx: &Ctx) -> Result<(), Refused>;
}

/// The typed fields of the records of `S`.
pub struct Fields<S: Source> {
    fields: &'static [Field<S::Item>],
    source: PhantomData<fn() -> S>,
}

impl<S: Source> Fields<S> {
    pub const fn new(fields: &'static [Field<S::Item>]) -> Self {
        Fields {
            fields,
            source: PhantomData,
        }
    }
}

impl<S: Source> Form for Fields<S> {
    fn field_count(&self) -> usize {
        self.fields.len()
    }

    fn meta(&self, i: usize) -> (&'static str, &'static str, Input) {
        let f = &self.fields[i];
        (f.key, (f.label)(), f.input)
    }

    fn get(&self, p: &Plan, id: &Id, i: usize, today: NaiveDate) -> String {
        let Some(f) = self.fields.get(i) else {
            return String::new();
        };
        if let Access::Plan(get, _) = f.access {
            return get(p, id, today);
        }
        let Some(r) = S::find(p, id) else {
            return String::new();
        };
        match f.access {
            Access::Text(get, _) => get(r).clone(),
            Access::Flag(get, _) => get(r).to_string(),
            Access::Own(get, _) => get(r),
            Access::Plan(..) => String::new(),
        }
    }

    fn set(&self, p: &mut Plan, id: &Id, i: usize, v: &str, ctx: &Ctx) -> Result<(), Refused> {
        let Some(f) = self.fields.get(i) else {
            return Ok(());
        };
        if let Access::Plan(_, set) = f.access {
            return set(p, id, v, ctx);
        }
        // Changed on a copy, put back only when the whole change is accepted.
        let Some(mut r) = S::find(p, id).cloned().or_else(|| S::blank(id)) else {
            return Ok(());
        };
        match f.access {
            Access::Text(_, get_mut) => *get_mut(&mut r) = v.to_string(),
            Access::Flag(_, get_mut) => *get_mut(&mut r) = v == "true",
            Access::Own(_, set) => set(&mut r, v)?,
            Access::Plan(..) => {}
        }
        S::put(p, id, r);
        Ok(())
    }
}

/// Puts a deleted record back.
pub type Restore = Box<dyn FnOnce(&mut Plan)>;

/// A list of records with its form: what the record list view needs.
pub trait Table: Form {
    fn ids(&self, p: &Plan) -> Vec<Id>;
    /// A short name of one record, for the delete button and the undo message.
    fn name(&self, p: &Plan, id: &Id) -> String;
    /// A few words more for the record's compact row ("Sponsor, 555 010 2030").
    fn detail(&self, p: &Plan, id: &Id) -> String;
    /// Adds a record from the text of the add field.
    fn add(&self, p: &mut Plan, id: Id, text: String, today: NaiveDate);
    fn remove(&self, p: &mut Plan, id: &Id) -> Option<Restore>;
    /// Whether the order matters (then each record can be moved up and down).
    fn ordered(&self) -> bool;
    /// Moves a record up (-1) or down (+1).
    fn shift(&self, p: &mut Plan, id: &Id, by: isize);
}

/// A list of the plan, its fields, and how a record is made and named.
pub struct ListTable<L: List> {
    pub fields: Fields<L>,
    pub create: fn(Id, String, NaiveDate) -> L::Item,
    pub name: fn(&L::Item) -> String,
    pub ordered: bool,
    /// A delete that also undoes links to the record (a trigger's coping links).
    pub remove: Option<fn(&mut Plan, &Id) -> Option<Restore>>,
    /// What the compact row says besides the name.
    pub detail: Option<fn(&L::Item) -> String>,
}

impl<L: List> ListTable<L> {
    pub const fn new(
        fields: &'static [Field<L::Item>],
        create: fn(Id, String, NaiveDate) -> L::Item,
        name: fn(&L::Item) -> String,
    ) -> Self {
        ListTable {
            fields: Fields::new(fields),
            create,
            name,
            ordered: false,
            remove: None,
            detail: None,
        }
    }

    /// The same list, with a few words besides the name in each compact row.
    pub const fn detail(mut self, detail: fn(&L::Item) -> String) -> Self {
        self.detail = Some(detail);
        self
    }

    /// The same list, in an order the person sets.
    pub const fn ordered(mut self) -> Self {
        self.ordered = true;
        self
    }
}

impl<L: List> Form for ListTable<L> {
    fn field_count(&self) -> usize {
        self.fields.field_count()
    }
    fn meta(&self, i: usize) -> (&'static str, &'static str, Input) {
        self.fields.meta(i)
    }
    fn get(&self, p: &Plan, id: &Id, i: usize, today: NaiveDate) -> String {
        self.fields.get(p, id, i, today)
    }
    fn set(&self, p: &mut Plan, id: &Id, i: usize, v: &str, ctx: &Ctx) -> Result<(), Refused> {
        self.fields.set(p, id, i, v, ctx)
    }
}

impl<L: List> Table for ListTable<L> {
    fn ids(&self, p: &Plan) -> Vec<Id> {
        L::of(p).iter().map(|r| r.id().clone()).collect()
    }
    fn name(&self, p: &Plan, id: &Id) -> String {
        L::of(p).find(id).map(self.name).unwrap_or_default()
    }
    fn detail(&self, p: &Plan, id: &Id) -> String {
        match (self.detail, L::of(p).find(id)) {
            (Some(detail), Some(r)) => detail(r),
            _ => String::new(),
        }
    }
    fn add(&self, p: &mut Plan, id: Id, text: String, today: NaiveDate) {
        L::of_mut(p).push((self.create)(id, text, today));
    }
    fn remove(&self, p: &mut Plan, id: &Id) -> Option<Restore> {
        if let Some(remove) = self.remove {
            return remove(p, id);
        }
        let r = L::of_mut(p).remove_id(id)?;
        Some(Box::new(move |p: &mut Plan| L::of_mut(p).restore(r)))
    }
    fn ordered(&self) -> bool {
        self.ordered
    }
    fn shift(&self, p: &mut Plan, id: &Id, by: isize) {
        L::of_mut(p).shift(id, by);
    }
}

/// Defines the lists of the plan: `People: SupportPerson = [people];`.
macro_rules! lists {
    ($($m:ident: $t:ty = [$($path:ident).+];)+) => {
        $(
            pub struct $m;
            impl $crate::components::editor::List for $m {
                type Item = $t;
                fn of(p: &Plan) -> &Vec<$t> {
                    &p.$($path).+
                }
                fn of_mut(p: &mut Plan) -> &mut Vec<$t> {
                    &mut p.$($path).+
                }
            }
        )+
    };
}
pub(crate) use lists;

/// `Ok` for a value the record takes; a choice's saved word read into its enum.
pub fn choose<T: serde::de::DeserializeOwned>(slot: &mut T, word: &str) -> Result<(), Refused> {
    match crate::domain::words::from_word(word) {
        Some(v) => {
            *slot = v;
            Ok(())
        }
        None => Err(tr!(editors.errors.choose_option).into()),
    }
}

/// Toggles `id` in a list of links from the form's "id true" / "id false".
pub fn toggle(list: &mut Vec<Id>, v: &str) -> Result<(), Refused> {
    let (id, on) = v.split_once(' ').ok_or(tr!(editors.errors.not_a_choice))?;
    let id = Id::parse(id).map_err(|e| e.to_string())?;
    list.retain(|x| *x != id);
    if on == "true" {
        list.push(id);
    }
    Ok(())
}

/// The ids of a list as the form's text: "a b c".
pub fn ids_text(ids: &[Id]) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(" ")
}
