//! A list of records (the plan's people, medications, triggers, steps, kits…), each edited
//! through a table of fields: add, edit in place, move, delete with undo, saved at once.
//!
//! The fields are data (label, kind of input, how to read and write the value), so one
//! piece of view code serves every form: each `view!` is code in the download, a table is
//! not.

use crate::domain::{Id, Plan};
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;

/// What kind of input a field is.
#[derive(Clone, Copy)]
pub enum Input {
    /// Text, with an example as placeholder.
    Text(&'static str),
    /// Text with ideas to pick from (a list under the field); the person may type anything.
    Idea(&'static str, &'static [&'static str]),
    /// Longer text, in a box that shows several lines.
    Long(&'static str),
    /// A phone number (the phone's number pad).
    Tel,
    Date,
    /// A time of day.
    Time,
    /// Words about the record, not edited (e.g. how often the person has been).
    Note,
    /// A date and time of day.
    DateTime,
    Number,
    /// A yes/no box; the value is "true" or "false".
    Check,
    /// One of some choices: (saved word, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// Links to other records (a coping strategy to the triggers it answers): the value is
    /// the linked ids separated by spaces; a change is written "id true" or "id false".
    Links(fn(&Plan) -> Vec<(Id, String)>),
}

/// One field of a record: read and written as text, so one view serves all kinds.
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub input: Input,
    /// Reads the field of the record with this id (the key is the field's own).
    pub get: fn(&Plan, &Id, &str) -> String,
    /// Writes it: (plan, id, key, value).
    pub set: fn(&mut Plan, &Id, &str, &str),
}

/// Puts a deleted record back.
pub type Restore = Box<dyn FnOnce(&mut Plan)>;

/// Where a list of records lives in the plan and how to add and delete one.
pub struct Records {
    pub ids: fn(&Plan) -> Vec<Id>,
    /// A short name of one record, for the delete button and the undo message.
    pub name: fn(&Plan, &Id) -> String,
    /// Adds a record from the text of the add field.
    pub add: fn(&mut Plan, Id, String),
    pub remove: fn(&mut Plan, &Id) -> Option<Restore>,
    /// Moves a record up (-1) or down (+1), where order matters.
    pub shift: Option<fn(&mut Plan, &Id, isize)>,
    pub fields: &'static [Field],
}

#[component]
pub fn RecordList(
    /// The section's id, for links to it.
    anchor: &'static str,
    title: &'static str,
    hint: &'static str,
    /// The label of the add field.
    add_label: &'static str,
    placeholder: &'static str,
    /// The noun in "Delete this …".
    noun: &'static str,
    records: &'static Records,
    /// Ideas the person can add with one tap (then edit), shown while not yet in the list.
    #[prop(optional)]
    suggestions: &'static [&'static str],
    /// No add form (records are added elsewhere, e.g. slips).
    #[prop(optional)]
    no_add: bool,
    /// Offer "Add all of these" for the ideas (a ready-made list to edit).
    #[prop(optional)]
    add_all: bool,
    /// What follows the list (guidance).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_app_state();
    let draft = RwSignal::new(String::new());
    let undone = RwSignal::new(None::<String>);
    let restore = StoredValue::new_local(None::<Restore>);
    let ids = Memo::new(move |_| state.plan.with(records.ids));
    let add_id = format!("{anchor}-new");
    let heading = format!("{anchor}-heading");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        if !text.is_empty() {
            state.edit(|p| (records.add)(p, crate::web::new_id(), text));
            draft.set(String::new());
        }
    };
    let row = std::sync::Arc::new(move |id: Id| {
        let name = {
            let id = id.clone();
            move || state.plan.with(|p| (records.name)(p, &id))
        };
        let delete = {
            let id = id.clone();
            let name = name.clone();
            move |_| {
                let label = name();
                let mut back = None;
                state.edit(|p| back = (records.remove)(p, &id));
                restore.set_value(back);
                undone.set(Some(label));
            }
        };
        let shift = {
            let id = id.clone();
            move |by: isize| {
                let id = id.clone();
                move |_| {
                    if let Some(shift) = records.shift {
                        state.edit(|p| shift(p, &id, by));
                    }
                }
            }
        };
        let (up, down) = (shift(-1), shift(1));
        let position = {
            let id = id.clone();
            move || ids.with(|v| v.iter().position(|x| *x == id).unwrap_or(0))
        };
        let first = {
            let position = position.clone();
            move || position() == 0
        };
        let last = move || position() + 1 >= ids.with(Vec::len);
        let (name_up, name_down) = (name.clone(), name.clone());
        view! {
            <li class="record">
                {records.fields.iter().map(|f| field(state, id.clone(), f)).collect_view()}
                <div class="record-actions">
                    {records.shift.map(|_| view! {
                        <button type="button" on:click=up disabled=first
                            aria-label=move || format!("Move up: {}", name_up())>"Move up"</button>
                        <button type="button" on:click=down disabled=last
                            aria-label=move || format!("Move down: {}", name_down())>"Move down"</button>
                    })}
                    <button type="button" class="danger" on:click=delete
                        aria-label=move || format!("Delete this {}: {}", noun, name())>{format!("Delete this {noun}")}</button>
                </div>
            </li>
        }
        .into_any()
    }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;
    view! {
        <section class="card" id=anchor aria-labelledby=heading>
            <h2 id=format!("{anchor}-heading")>{title}</h2>
            <p class="hint">{hint}</p>
            <p class="empty" hidden=move || ids.with(|v| !v.is_empty())>"Nothing here yet."</p>
            <ul class="records" class:ordered=records.shift.is_some()>
                {super::keyed_rows(ids, row)}
            </ul>
            {move || undone.get().map(|label| view! {
                <div class="undo" role="status">
                    <span>{format!("Deleted “{label}”.")}</span>
                    <button type="button" on:click=move |_| {
                        if let Some(back) = restore.try_update_value(Option::take).flatten() {
                            state.edit(back);
                        }
                        undone.set(None);
                    }>"Undo"</button>
                </div>
            })}
            <form class="add" on:submit=add hidden=no_add>
                <label for=add_id.clone()>{add_label}</label>
                <div class="row">
                    <input id=add_id type="text" placeholder=placeholder prop:value=draft
                        on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit">"Add"</button>
                </div>
            </form>
            {(!suggestions.is_empty()).then(|| view! {
                <div class="ideas">
                    <p class="small">"Ideas (tap to add, then change as you like):"</p>
                    {suggestions.iter().map(|idea| {
                        let taken = move || state.plan.with(|p| (records.ids)(p).iter().any(|id| (records.name)(p, id) == *idea));
                        view! {
                            <button type="button" class="idea" hidden=taken
                                on:click=move |_| state.edit(|p| (records.add)(p, crate::web::new_id(), idea.to_string()))>
                                {format!("+ {idea}")}
                            </button>
                        }
                    }).collect_view()}
                    {add_all.then(|| view! {
                        <button type="button" class="idea" hidden=move || ids.with(|v| !v.is_empty())
                            on:click=move |_| state.edit(|p| {
                                for idea in suggestions {
                                    (records.add)(p, crate::web::new_id(), idea.to_string());
                                }
                            })>"Add all of these"</button>
                    })}
                </div>
            })}
            {children.map(|c| c())}
        </section>
    }
}

/// One field of one record (or of a single part of the plan, such as the letter to loved
/// ones, when `get` and `set` ignore the id).
pub fn field(state: AppState, id: Id, f: &'static Field) -> AnyView {
    let input_id = format!("{}-{}", f.key, id);
    let value = {
        let id = id.clone();
        move || state.plan.with(|p| (f.get)(p, &id, f.key))
    };
    let record = id.clone();
    let check = matches!(f.input, Input::Check);
    let change = move |ev: leptos::ev::Event| {
        let v = if check {
            event_target_checked(&ev).to_string()
        } else {
            event_target_value(&ev)
        };
        state.edit(|p| (f.set)(p, &id, f.key, &v));
    };
    match f.input {
        Input::Check => view! {
            <label class="check">
                <input type="checkbox" id=input_id prop:checked=move || value() == "true" on:change=change/>
                {f.label}
            </label>
        }
        .into_any(),
        Input::Choice(options) => view! {
            <label for=input_id.clone()>{f.label}</label>
            <select id=input_id on:change=change>
                {options.iter().map(|(word, label)| {
                    let value = value.clone();
                    view! { <option value=*word selected=move || value() == *word>{*label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Input::Idea(example, ideas) => {
            let list = format!("{input_id}-ideas");
            view! {
                <label for=input_id.clone()>{f.label}</label>
                <input id=input_id type="text" list=list.clone() placeholder=example prop:value=value on:change=change/>
                <datalist id=list>{ideas.iter().map(|i| view! { <option value=*i></option> }).collect_view()}</datalist>
            }
            .into_any()
        }
        Input::Note => view! { <p class="small note">{value}</p> }.into_any(),
        Input::Long(example) => view! {
            <label for=input_id.clone()>{f.label}</label>
            <textarea id=input_id rows="3" placeholder=example prop:value=value on:change=change></textarea>
        }
        .into_any(),
        Input::Links(options) => {
            let choices = Memo::new(move |_| state.plan.with(options));
            let ids = Memo::new(move |_| choices.with(|c| c.iter().map(|(i, _)| i.clone()).collect::<Vec<Id>>()));
            let row = std::sync::Arc::new(move |other: Id| {
                let linked = {
                    let other = other.clone();
                    let value = value.clone();
                    move || value().split(' ').any(|x| x == other.as_str())
                };
                let label = {
                    let other = other.clone();
                    move || choices.with(|c| c.iter().find(|(i, _)| *i == other).map(|(_, t)| t.clone()).unwrap_or_default())
                };
                let record = record.clone();
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=linked on:change=move |ev| {
                            let v = format!("{} {}", other, event_target_checked(&ev));
                            state.edit(|p| (f.set)(p, &record, f.key, &v));
                        }/>
                        {label}
                    </label>
                }
                .into_any()
            }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;
            view! {
                <fieldset class="links" hidden=move || ids.with(Vec::is_empty)>
                    <legend>{f.label}</legend>
                    {super::keyed_rows(ids, row)}
                </fieldset>
            }
            .into_any()
        }
        input => {
            let (kind, example) = match input {
                Input::Date => ("date", ""),
                Input::Tel => ("tel", ""),
                Input::DateTime => ("datetime-local", ""),
                Input::Time => ("time", ""),
                Input::Number => ("number", ""),
                Input::Text(example) => ("text", example),
                _ => ("text", ""),
            };
            // Numbers may have a decimal ("7.5" hours of sleep); each field checks its own range.
            let step = (kind == "number").then_some("any");
            view! {
                <label for=input_id.clone()>{f.label}</label>
                <input id=input_id type=kind placeholder=example step=step prop:value=value on:change=change/>
            }
            .into_any()
        }
    }
}
