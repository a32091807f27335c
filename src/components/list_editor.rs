//! An editable list of short texts: add, edit in place, move, delete with undo. Every change
//! saves at once.

use crate::domain::list::{OrderedList, Removed};
use crate::domain::{Entry, Id, Plan};
use crate::state::use_app_state;
use leptos::prelude::*;

/// Where in the plan a list lives.
#[derive(Clone, Copy)]
pub struct ListLens {
    pub get: fn(&Plan) -> &Vec<Entry>,
    pub get_mut: fn(&mut Plan) -> &mut Vec<Entry>,
}

#[component]
pub fn ListEditor(
    /// The section heading.
    title: &'static str,
    /// One line under the heading that says what belongs here.
    hint: &'static str,
    /// The singular noun used in labels: "reason", "warning sign".
    noun: &'static str,
    /// Example text for the add field.
    placeholder: &'static str,
    lens: ListLens,
    /// Whether order matters (then items can be moved).
    #[prop(optional)]
    ordered: bool,
) -> impl IntoView {
    let state = use_app_state();
    let slug: String = noun.replace(' ', "-");
    let heading_id = format!("{slug}-heading");
    let add_id = format!("{slug}-new");
    let draft = RwSignal::new(String::new());
    let undo = RwSignal::new(None::<Removed<Entry>>);
    let ids = Memo::new(move |_| {
        state.plan.with(|p| {
            (lens.get)(p)
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<Id>>()
        })
    });

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        state.edit(|p| (lens.get_mut)(p).push(Entry::new(crate::web::new_id(), text)));
        draft.set(String::new());
    };

    let row = std::sync::Arc::new(move |id: Id| {
        let text = {
            let id = id.clone();
            move || {
                state.plan.with(|p| {
                    (lens.get)(p)
                        .find(&id)
                        .map(|e| e.text.clone())
                        .unwrap_or_default()
                })
            }
        };
        let position = {
            let id = id.clone();
            Memo::new(move |_| ids.with(|v| v.iter().position(|x| *x == id).map_or(0, |i| i + 1)))
        };
        let count = move || ids.with(Vec::len);
        let input_label = move || format!("{} {}", capitalise(noun), position.get());
        let on_change = {
            let id = id.clone();
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev).trim().to_string();
                if value.is_empty() {
                    // An emptied field is not a delete: put the text back.
                    state.plan.update(|_| {});
                    return;
                }
                state.edit(|p| {
                    if let Some(e) = (lens.get_mut)(p).find_mut(&id) {
                        e.text = value;
                    }
                });
            }
        };
        let delete = {
            let id = id.clone();
            move |_| {
                let mut removed = None;
                state.edit(|p| removed = (lens.get_mut)(p).remove_id(&id));
                undo.set(removed);
            }
        };
        let shift = {
            let id = id.clone();
            move |by: isize| {
                let id = id.clone();
                move |_| {
                    state.edit(|p| {
                        (lens.get_mut)(p).shift(&id, by);
                    })
                }
            }
        };
        let text_for_delete = text.clone();
        view! {
            <li class="entry">
                // A text area that grows with its text, so a long reason is read whole.
                <textarea class="entry-text" rows="1" prop:value=text aria-label=input_label on:change=on_change></textarea>
                <div class="entry-actions">
                    {ordered.then(|| view! {
                        <button type="button" class="icon" on:click=shift(-1) disabled=move || { position.get() <= 1 }
                            aria-label=move || format!("Move {} {} up", noun, position.get())>"↑"</button>
                        <button type="button" class="icon" on:click=shift(1) disabled=move || { position.get() >= count() }
                            aria-label=move || format!("Move {} {} down", noun, position.get())>"↓"</button>
                    })}
                    <button type="button" class="icon danger" on:click=delete
                        aria-label=move || format!("Delete {}: {}", noun, text_for_delete())>"✕"</button>
                </div>
            </li>
        }
        .into_any()
    }) as std::sync::Arc<dyn Fn(Id) -> AnyView + Send + Sync>;

    let labelled_by = heading_id.clone();
    view! {
        <section class="card list-editor" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <p class="hint">{hint}</p>
            <Show when=move || ids.with(|v| !v.is_empty())>
                <ul class="entries" class:ordered=ordered>
                    {super::keyed_rows(ids, row.clone())}
                </ul>
            </Show>
            {move || undo.get().map(|r| view! {
                <div class="undo" role="status">
                    <span>"Deleted “"{r.item.text.clone()}"”."</span>
                    <button type="button" on:click=move |_| {
                        if let Some(r) = undo.get_untracked() {
                            state.edit(|p| (lens.get_mut)(p).restore(r));
                        }
                        undo.set(None);
                    }>"Undo"</button>
                </div>
            })}
            <form class="add" on:submit=add>
                <label for=add_id.clone()>{format!("Add a {noun}")}</label>
                <div class="row">
                    <input id=add_id type="text" placeholder=placeholder
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">"Add"</button>
                </div>
            </form>
        </section>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}
