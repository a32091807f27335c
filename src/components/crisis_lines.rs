//! The national crisis lines and the lower-tolerance warning, as views: one-tap Call (and
//! Text) links, said to be US numbers, each with its source. The numbers themselves live
//! only in `domain::resources`.

use crate::domain::resources::{
    CrisisLine, NATIONAL_LINES, NEVER_USE_ALONE, TOLERANCE_SOURCE, TOLERANCE_TITLE,
    TOLERANCE_WARNING, US_NUMBERS,
};
use leptos::prelude::*;

/// The national lines after 911, as a card.
#[component]
pub fn NationalLines() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="lines">
            <h2 id="lines">"Crisis lines"</h2>
            <p class="hint" data-testid="us-numbers">{US_NUMBERS}</p>
            <ul class="lines">{NATIONAL_LINES.iter().map(line).collect_view()}</ul>
        </section>
    }
}

fn line(l: &'static CrisisLine) -> impl IntoView {
    view! {
        <li>
            <h3>{l.name}</h3>
            <p>{l.purpose}</p>
            <div class="row">
                <a class="call" href=format!("tel:{}", l.call)>{format!("Call {}", l.display)}</a>
                {l.text.map(|t| view! { <a class="call" href=format!("sms:{t}")>{format!("Text {t}")}</a> })}
            </div>
            <p class="small">"Source: "{l.source}</p>
        </li>
    }
}

/// After a slip, or any time without opioids: tolerance is lower, with Never Use Alone as a
/// one-tap call. `inline`: inside another card (after a slip), else a card of its own.
#[component]
pub fn ToleranceWarning(#[prop(optional)] inline: bool) -> impl IntoView {
    let body = view! {
        <p><strong>{TOLERANCE_TITLE}"."</strong>" "{TOLERANCE_WARNING}</p>
        <p><a class="call" href=format!("tel:{}", NEVER_USE_ALONE.call)>
            {format!("Call {}: {}", NEVER_USE_ALONE.name, NEVER_USE_ALONE.display)}
        </a></p>
        <p class="small">{NEVER_USE_ALONE.purpose}" "{US_NUMBERS}</p>
        <p class="small">"Sources: "{TOLERANCE_SOURCE}"; "{NEVER_USE_ALONE.source}"."</p>
    };
    if inline {
        view! { <div class="warn-text" data-testid="tolerance">{body}</div> }.into_any()
    } else {
        view! { <section class="card warn" data-testid="tolerance">{body}</section> }.into_any()
    }
}
