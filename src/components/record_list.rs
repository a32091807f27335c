//! A list of records (the plan's people, medications, triggers, steps, kits…), each edited
//! through its typed fields (`components::editor`): add, edit in place, move, delete with
//! undo, saved at once; and the form of one record (the letter to loved ones, a check-in).
//!
//! One piece of view code serves every form: each `view!` is code in the download, a table
//! of fields is data.

use super::editor::{Form, Input, Table};
use crate::domain::Id;
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;

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
    records: &'static dyn Table,
    /// Ideas the person can add with one tap (then edit), shown while not yet in the list.
    #[prop(optional)]
    suggestions: &'static [&'static str],
    /// No add form (records are added elsewhere, e.g. slips).
    #[prop(optional)]
    no_add: bool,
    /// Offer "Add all of these" for the ideas (a ready-made list to edit).
    #[prop(optional)]
    add_all: bool,
    /// Every record open to edit (a short list to fill in, as in the guided start).
    #[prop(optional)]
    open_all: bool,
    /// What follows the list (guidance).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_app_state();
    let draft = RwSignal::new(String::new());
    let toasts = super::toast::use_toasts();
    // Records added here open at once, to be filled in; the others show as compact rows.
    let fresh = StoredValue::new(Vec::<Id>::new());
    let add_one = move |p: &mut crate::domain::Plan, text: String, today| {
        let id = crate::web::new_id();
        fresh.update_value(|f| f.push(id.clone()));
        records.add(p, id, text, today);
    };
    let ids = Memo::new(move |_| state.plan.with(|p| records.ids(p)));
    let add_id = format!("{anchor}-new");
    let heading = format!("{anchor}-heading");
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        if !text.is_empty() {
            let today = state.clock.today.get_untracked();
            state.edit(|p| add_one(p, text, today));
            draft.set(String::new());
        }
    };
    let row = std::sync::Arc::new(move |id: Id| {
        let name = {
            let id = id.clone();
            move || state.plan.with(|p| records.name(p, &id))
        };
        let delete = {
            let id = id.clone();
            let name = name.clone();
            move |_| {
                let label = name();
                let mut back = None;
                state.edit(|p| back = records.remove(p, &id));
                toasts.show(tr!(editors.list.deleted, name = label), back);
            }
        };
        let shift = {
            let id = id.clone();
            move |by: isize| {
                let id = id.clone();
                move |_| state.edit(|p| records.shift(p, &id, by))
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
        let (name_up, name_down, shown) = (name.clone(), name.clone(), name.clone());
        let detail = {
            let id = id.clone();
            move || state.plan.with(|p| records.detail(p, &id))
        };
        let open = open_all || fresh.with_value(|f| f.contains(&id));
        let actions = view! {
            <div class="record-actions">
                {records.ordered().then(|| view! {
                    <button type="button" on:click=up disabled=first
                        aria-label=move || tr!(editors.list.move_up_named, name = name_up())>{tr!(editors.list.move_up)}</button>
                    <button type="button" on:click=down disabled=last
                        aria-label=move || tr!(editors.list.move_down_named, name = name_down())>{tr!(editors.list.move_down)}</button>
                })}
                <button type="button" class="danger" on:click=delete
                    aria-label=move || tr!(editors.list.delete_named, noun = noun, name = name())>{tr!(editors.list.delete, noun = noun)}</button>
            </div>
        };
        // A record of one field (a reason, a step) is its own compact row; a record of
        // several (a person, a meeting) is a row that opens to edit.
        if records.field_count() < 2 {
            return view! {
                <li class="record">
                    {fields(state, records, id.clone())}
                    {actions}
                </li>
            }
            .into_any();
        }
        view! {
            <li class="record">
                <details class="record-details" open=open>
                    <summary>
                        <span class="record-name">{move || {
                            let n = shown();
                            if n.trim().is_empty() { tr!(editors.list.not_named).to_string() } else { n }
                        }}</span>
                        <span class="record-detail">{detail}</span>
                    </summary>
                    {fields(state, records, id.clone())}
                    {actions}
                </details>
            </li>
        }
        .into_any()
    }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;
    view! {
        <section class="card" id=anchor aria-labelledby=heading>
            <h2 id=format!("{anchor}-heading")>{title}</h2>
            <p class="hint">{hint}</p>
            <p class="empty" hidden=move || ids.with(|v| !v.is_empty())>{tr!(editors.list.empty)}</p>
            <ul class="records" class:ordered=records.ordered()>
                {super::keyed_rows(ids, row)}
            </ul>
            <form class="add" on:submit=add hidden=no_add>
                <label for=add_id.clone()>{add_label}</label>
                <div class="row">
                    <input id=add_id type="text" placeholder=placeholder prop:value=draft
                        on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit">{tr!(editors.list.add)}</button>
                </div>
            </form>
            {(!suggestions.is_empty()).then(|| view! {
                <div class="ideas">
                    <p class="small">{tr!(editors.list.ideas)}</p>
                    {suggestions.iter().map(|idea| {
                        let taken = move || state.plan.with(|p| records.ids(p).iter().any(|id| records.name(p, id) == *idea));
                        view! {
                            <button type="button" class="idea" hidden=taken
                                on:click=move |_| {
                                    let today = state.clock.today.get_untracked();
                                    state.edit(|p| add_one(p, idea.to_string(), today))
                                }>
                                {format!("+ {idea}")}
                            </button>
                        }
                    }).collect_view()}
                    {add_all.then(|| view! {
                        <button type="button" class="idea" hidden=move || ids.with(|v| !v.is_empty())
                            on:click=move |_| {
                                let today = state.clock.today.get_untracked();
                                state.edit(|p| {
                                    for idea in suggestions {
                                        add_one(p, idea.to_string(), today);
                                    }
                                })
                            }>{tr!(editors.list.add_all)}</button>
                    })}
                </div>
            })}
            {children.map(|c| c())}
        </section>
    }
}

/// Every field of one record of a form.
pub fn fields(state: AppState, form: &'static dyn Form, id: Id) -> impl IntoView {
    (0..form.field_count())
        .map(|i| field(state, form, id.clone(), i))
        .collect_view()
}

/// One field of one record: its input, and a message beside it when what was typed could
/// not be stored (then nothing is stored and the previous value stays saved).
fn field(state: AppState, form: &'static dyn Form, id: Id, i: usize) -> AnyView {
    let (key, label, input) = form.meta(i);
    let input_id = format!("{key}-{id}");
    let error_id = format!("{input_id}-error");
    let problem = RwSignal::new(String::new());
    let value = {
        let id = id.clone();
        move || {
            let today = state.clock.today.get();
            state.plan.with(|p| form.get(p, &id, i, today))
        }
    };
    let write = {
        let id = id.clone();
        move |v: String| {
            let ctx = super::editor::Ctx {
                today: state.clock.today.get_untracked(),
                new_id: crate::web::new_id(),
            };
            let result = state.try_edit(|p| form.set(p, &id, i, &v, &ctx));
            problem.set(result.err().unwrap_or_default());
        }
    };
    let check = matches!(input, Input::Check);
    let change = {
        let write = write.clone();
        move |ev: leptos::ev::Event| {
            write(if check {
                event_target_checked(&ev).to_string()
            } else {
                event_target_value(&ev)
            })
        }
    };
    let invalid = move || problem.with(|p| (!p.is_empty()).then_some("true"));
    let message = {
        let error_id = error_id.clone();
        view! { <p class="field-error" id=error_id role="alert" hidden=move || problem.with(String::is_empty)>{problem}</p> }
    };
    let describedby = {
        let error_id = error_id.clone();
        move || problem.with(|p| (!p.is_empty()).then(|| error_id.clone()))
    };
    match input {
        Input::Check => view! {
            <label class="check">
                <input type="checkbox" id=input_id data-field=key prop:checked=move || value() == "true" on:change=change/>
                <span>{label}</span>
            </label>
        }
        .into_any(),
        Input::Choice(options) => view! {
            <label for=input_id.clone()>{label}</label>
            <select id=input_id data-field=key on:change=change aria-invalid=invalid aria-describedby=describedby>
                {options.iter().map(|(word, text)| {
                    let value = value.clone();
                    view! { <option value=*word selected=move || value() == *word>{text()}</option> }
                }).collect_view()}
            </select>
            {message}
        }
        .into_any(),
        Input::Idea(example, ideas) => {
            let list = format!("{input_id}-ideas");
            view! {
                <label for=input_id.clone()>{label}</label>
                <input id=input_id type="text" data-field=key list=list.clone() placeholder=example() prop:value=value on:change=change/>
                <datalist id=list>{ideas.iter().map(|i| view! { <option value=i()></option> }).collect_view()}</datalist>
            }
            .into_any()
        }
        Input::Note => view! { <p class="small note" data-field=key>{value}</p> }.into_any(),
        Input::Long(example) => view! {
            <label for=input_id.clone()>{label}</label>
            <textarea id=input_id data-field=key rows="3" placeholder=example() prop:value=value on:change=change></textarea>
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
                let write = write.clone();
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=linked on:change=move |ev| {
                            write(format!("{} {}", other, event_target_checked(&ev)));
                        }/>
                        <span>{label}</span>
                    </label>
                }
                .into_any()
            }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;
            view! {
                <fieldset class="links" data-field=key hidden=move || ids.with(Vec::is_empty)>
                    <legend>{label}</legend>
                    {super::keyed_rows(ids, row)}
                </fieldset>
            }
            .into_any()
        }
        input => {
            let kind = match input {
                Input::Date => "date",
                Input::Tel => "tel",
                Input::DateTime => "datetime-local",
                Input::Time => "time",
                Input::Number => "number",
                _ => "text",
            };
            let example = match input {
                Input::Text(example) => example(),
                _ => "",
            };
            // Numbers may have a decimal ("7.5" hours of sleep); each field checks its own
            // range and says so beside the field.
            let step = (kind == "number").then_some("any");
            view! {
                <label for=input_id.clone()>{label}</label>
                <input id=input_id type=kind data-field=key placeholder=example step=step prop:value=value on:change=change
                    aria-invalid=invalid aria-describedby=describedby/>
                {message}
            }
            .into_any()
        }
    }
}
