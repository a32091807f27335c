//! The national crisis lines and the lower-tolerance warning, as views: one-tap Call (and
//! Text) links, said to be US numbers, each with its source. The numbers themselves live
//! only in `domain::resources`.

use crate::domain::resources::{
    national_lines, never_use_alone, tolerance, us_numbers, CrisisLine,
};
use leptos::prelude::*;

/// The national lines after 911, as a card.
#[component]
pub fn NationalLines() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="lines">
            <h2 id="lines">{tr!(crisis.help.lines)}</h2>
            <p class="hint" data-testid="us-numbers">{us_numbers()}</p>
            <ul class="lines">{national_lines().into_iter().map(line).collect_view()}</ul>
        </section>
    }
}

fn line(l: CrisisLine) -> impl IntoView {
    view! {
        <li>
            <h3>{l.name}</h3>
            <p>{l.purpose}</p>
            <div class="row">
                <a class="call" href=format!("tel:{}", l.call)>{tr!(crisis.help.call_number, number = l.display)}</a>
                {l.text.zip(l.sms_href()).map(|(t, href)| view! { <a class="call" href=href>{tr!(crisis.help.text_number, number = t)}</a> })}
            </div>
            <p class="small" data-cite="">{tr!(crisis.help.source)}" "{l.source}</p>
        </li>
    }
}

/// After a slip, or any time without opioids: tolerance is lower, with Never Use Alone as a
/// one-tap call. `inline`: inside another card (after a slip), else a card of its own.
#[component]
pub fn ToleranceWarning(#[prop(optional)] inline: bool) -> impl IntoView {
    let (t, nua) = (tolerance(), never_use_alone());
    let body = view! {
        <p><strong>{t.title}"."</strong>" "{t.warning}</p>
        <p><a class="call" href=format!("tel:{}", nua.call)>
            {tr!(crisis.help.call_line, name = nua.name, number = nua.display)}
        </a></p>
        <p class="small">{nua.purpose}" "{us_numbers()}</p>
        <p class="small" data-cite="">{tr!(crisis.help.sources)}" "{t.source}"; "{nua.source}"."</p>
    };
    if inline {
        view! { <div class="warn-text" data-testid="tolerance">{body}</div> }.into_any()
    } else {
        view! { <section class="card warn" data-testid="tolerance">{body}</section> }.into_any()
    }
}
