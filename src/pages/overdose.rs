//! Someone may be overdosing: the naloxone steps, one at a time or all at once, for a
//! stranger under stress. Works on first open with an empty plan, and even when the saved
//! plan could not be opened. The content is data in `domain::naloxone`, with its sources.

use crate::components::dose_timer::use_dose_timer;
use crate::components::naloxone_where::NaloxoneWhere;
use crate::domain::naloxone::{
    do_not, good_samaritan, on_waking, overdose_signs, sources, steps, Step,
};
use crate::domain::resources::emergency;
use leptos::html::H2;
use leptos::prelude::*;

#[component]
pub fn OverdosePage() -> impl IntoView {
    crate::web::set_title(tr!(crisis.od.title));
    let lang = crate::lang::current();
    // The steps in the app's language, drawn once (a change of language draws again).
    let steps = StoredValue::new(steps(lang));
    let count = steps.with_value(|s| s.len());
    let timer = use_dose_timer();
    let at = RwSignal::new(0usize);
    let all = RwSignal::new(false);
    let heading = NodeRef::<H2>::new();
    // After Next or Back, the new step's heading takes focus so a screen reader reads it.
    let bar = NodeRef::<leptos::html::Div>::new();
    // Brings the step's heading into view above the bar of buttons when it is not (large
    // text on a small phone); with ordinary text everything already fits.
    let show_step = move || {
        request_animation_frame(move || {
            let (Some(h), Some(b)) = (heading.get_untracked(), bar.get_untracked()) else {
                return;
            };
            let (top, bottom) = (h.get_bounding_client_rect(), b.get_bounding_client_rect());
            if top.top() < 0.0 || top.bottom() > bottom.top() {
                // The step's card, so "Step 2 of 6" shows above its heading.
                match h.parent_element() {
                    Some(card) => card.scroll_into_view(),
                    None => h.scroll_into_view(),
                }
            }
        });
    };
    Effect::new(move |_| show_step());
    let go = move |to: usize| {
        at.set(to);
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
        show_step();
    };
    let call = format!("tel:{}", emergency().call);
    view! {
        <div class="od">
            // For a helper who reads Spanish: the same steps on the plain Spanish page. Above
            // the heading, where it is seen first; below it, it would come between Call 911
            // and where the naloxone is, and push the step off a small screen at 200% text.
            <p class="lang"><a href=tr!(crisis.od.other_lang_href) hreflang=tr!(crisis.od.other_lang_code) lang=tr!(crisis.od.other_lang_code)>{tr!(crisis.od.other_lang)}</a></p>
            <h1>{tr!(crisis.od.heading)}</h1>
            <a class="call-911" href=call.clone()>{tr!(crisis.help.call_911)}</a>
            <NaloxoneWhere/>
            <Show when=move || !timer.active()>
                <button type="button" class="primary big wide" on:click=move |_| timer.give()>{tr!(crisis.od.gave)}</button>
                <p class="hint">{tr!(crisis.od.timer_hint)}</p>
            </Show>
            <section class="step card" hidden=all aria-labelledby="step-title">
                <p class="step-count">{move || tr!(crisis.od.step_of, n = at.get() + 1, total = count)}</p>
                <h2 id="step-title" node_ref=heading tabindex="-1">{move || steps.with_value(|s| s[at.get()].title)}</h2>
                // Where the naloxone is, in the step that gives it.
                {move || (at.get() == 1).then(|| view! { <NaloxoneWhere/> })}
                {move || steps.with_value(|s| details(&s[at.get()]))}
            </section>
            // Back, Call 911 and Next stay on the screen (above the navigation) whatever the
            // text size, so the person never has to scroll to go on or to call.
            <div class="od-bar" node_ref=bar hidden=all role="group" aria-label=tr!(crisis.od.steps_group)>
                <button type="button" class="big" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>{tr!(crisis.od.back)}</button>
                <a class="od-call" href=call>{tr!(crisis.help.call_911)}</a>
                <button type="button" class="big primary" disabled=move || at.get() + 1 == count on:click=move |_| go((at.get_untracked() + 1).min(count - 1))>{tr!(crisis.od.next)}</button>
            </div>
            <ol class="steps" hidden=move || !all.get()>
                {steps.with_value(|all| all.iter().map(|s| view! {
                    <li class="card"><h2>{s.title}</h2>{details(s)}</li>
                }).collect_view())}
            </ol>
            <div class="row switch" role="group" aria-label=tr!(crisis.od.show)>
                <button type="button" aria-pressed=move || (!all.get()).to_string() on:click=move |_| all.set(false)>{tr!(crisis.od.one)}</button>
                <button type="button" aria-pressed=move || all.get().to_string() on:click=move |_| all.set(true)>{tr!(crisis.od.all)}</button>
            </div>
            <ListCard title=tr!(crisis.od.signs) items=overdose_signs(lang).to_vec()/>
            <ListCard title=tr!(crisis.od.waking) items=on_waking(lang).to_vec()/>
            <ListCard title=tr!(crisis.od.dont) items=do_not(lang).to_vec()/>
            <section class="card">
                <h2>{tr!(crisis.od.good_samaritan_title)}</h2>
                <p>{good_samaritan(lang)}</p>
            </section>
            <details class="sources">
                <summary>{tr!(crisis.od.sources)}</summary>
                // Where the Spanish is a translation, the list says so first.
                {(lang == crate::lang::Locale::es).then(|| view! { <p class="small">{tr!(crisis.sources.note)}</p> })}
                <ul class="small" data-cite="">
                    {sources::all(lang).into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// What to do in a step, its own Call 911 where it has one, and its sources (behind a small
/// disclosure, so the steps themselves fit the screen).
fn details(s: &Step) -> impl IntoView {
    view! {
        {s.detail.iter().map(|d| view! { <p>{*d}</p> }).collect_view()}
        {s.call_911.then(|| view! { <a class="call-911" href=format!("tel:{}", emergency().call)>{tr!(crisis.help.call_911)}</a> })}
        <details class="source">
            <summary>{tr!(crisis.od.sources)}</summary>
            <p data-cite="">{s.sources.join("; ")}</p>
        </details>
    }
}

/// A card with a heading and a bulleted list of fixed content.
#[component]
fn ListCard(title: &'static str, items: Vec<&'static str>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{title}</h2>
            <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
        </section>
    }
}
