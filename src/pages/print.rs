//! Print and carry: the whole plan as plain pages (Letter or A4: the page size is the
//! printer's), or a credit-card-size wallet card, through the browser's own print (which
//! also saves as PDF). Built as escaped HTML text from the plan.

use crate::components::static_html::esc;
use crate::domain::dates::full_date;
use crate::domain::pillars::{section_lines, wallet_card, SHARE_SECTIONS};
use crate::domain::resources::{EMERGENCY, NATIONAL_LINES, US_NUMBERS};
use crate::domain::Plan;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    crate::web::set_title("Print my plan");
    let state = use_app_state();
    // What the next print is of: the plan or the wallet card (the other is hidden in print).
    let what = RwSignal::new("plan");
    let print = move |which: &'static str| {
        move |_| {
            what.set(which);
            request_animation_frame(crate::web::print);
        }
    };
    let today = full_date(crate::web::today());
    view! {
        <div class="no-print">
            <p class="crumb"><a href="/plan">"My plan"</a></p>
            <h1>"Print or save as PDF"</h1>
            <p class="lead">"Your phone or computer's print screen can print on paper or save a PDF. The file is made on this device."</p>
            <div class="row">
                <button type="button" class="primary" on:click=print("plan")>"Print my plan"</button>
                <button type="button" on:click=print("card")>"Print a wallet card"</button>
            </div>
            <p class="hint">"Print the card at 100% (actual size), cut it out and fold it in half."</p>
        </div>
        <div class="printable" data-print=what>
            <article class="printout" inner_html=move || state.plan.with(|p| printout(p, &today))></article>
            <div class="wallet" inner_html=move || state.plan.with(wallet)></div>
        </div>
    }
}

/// The whole plan, section by section.
fn printout(p: &Plan, today: &str) -> String {
    let mut out = format!(
        "<h2>My recovery safety net</h2><p class=\"small\">Printed {}. Keep it somewhere private.</p>",
        esc(today)
    );
    for s in &SHARE_SECTIONS {
        let lines = section_lines(p, s.key);
        if lines.is_empty() {
            continue;
        }
        // Steps carry their own numbers.
        let class = if matches!(s.key, "crisis" | "slip") {
            " class=\"numbered\""
        } else {
            ""
        };
        out.push_str(&format!("<section><h3>{}</h3><ul{class}>", esc(s.title)));
        for l in lines {
            out.push_str(&format!("<li>{}</li>", esc(&l)));
        }
        out.push_str("</ul></section>");
    }
    out.push_str(&format!(
        "<section><h3>Crisis lines</h3><p>{}</p><ul>",
        esc(US_NUMBERS)
    ));
    for l in std::iter::once(&EMERGENCY).chain(&NATIONAL_LINES) {
        out.push_str(&format!("<li>{}: {}</li>", esc(l.name), esc(l.display)));
    }
    out.push_str("</ul></section>");
    out
}

/// Both sides of the wallet card (85.6 × 54 mm each).
fn wallet(p: &Plan) -> String {
    let card = wallet_card(p);
    let contacts: String = card
        .contacts
        .iter()
        .map(|(name, phone)| format!("<li>{}: {}</li>", esc(name), esc(phone)))
        .collect();
    let coping: String = card
        .coping
        .iter()
        .map(|c| format!("<li>{}</li>", esc(c)))
        .collect();
    // 988 and the SAMHSA Helpline, then 911: the numbers come from domain::resources.
    let lines: String = NATIONAL_LINES[..2]
        .iter()
        .chain([&EMERGENCY])
        .map(|l| format!("<li>{}: {}</li>", esc(l.short), esc(l.display)))
        .collect();
    format!(
        "<h2 class=\"no-print\">Wallet card</h2>\
         <div class=\"card-side\" data-testid=\"card-front\"><p class=\"card-title\">In an emergency call {}</p>\
         <p class=\"card-sub\">My people</p><ul>{contacts}</ul></div>\
         <div class=\"card-side\" data-testid=\"card-back\"><p class=\"card-sub\">What helps me</p><ul>{coping}</ul>\
         <p class=\"card-sub\">Lines, 24/7</p><ul>{lines}</ul><p class=\"card-note\">{}</p></div>",
        esc(EMERGENCY.display),
        esc(US_NUMBERS)
    )
}
