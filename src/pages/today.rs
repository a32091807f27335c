//! Today: where the person lands every time.

use crate::components::static_html::esc;
use crate::components::{own_list, reason_texts};
use crate::domain::pillars::{review, Review};
use crate::domain::plan::GuidedStart;
use crate::domain::Plan;
use crate::pages::meetings::MeetingsToday;
use crate::pages::milestones::{contact_links, Celebration};
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    crate::web::set_title("Today");
    let state = use_app_state();
    let today = crate::web::today();
    let date = crate::domain::dates::long_date(today, today);
    let now = crate::web::now_utc();
    // The guided start is offered until it is done or skipped, while the plan is still new.
    let offer_start = move || {
        state
            .plan
            .with(|p| p.settings.guided_start == GuidedStart::NotStarted && p.people.is_empty())
    };
    // Kits that expire within 30 days or have expired; None when the plan has no kit at all.
    let kit_notices = move || {
        state.plan.with(|p| {
            (!p.naloxone_kits.is_empty()).then(|| {
                p.naloxone_kits
                    .iter()
                    .filter_map(|k| k.notice(today))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h1>"Today"</h1>
        <p class="date">{date}</p>
        <Show when=offer_start>
            <section class="card welcome" data-testid="guided-offer">
                <h2>"Welcome to your safety net"</h2>
                <p>"Build your own recovery plan: your people, your triggers and what you'll do instead, where your naloxone is. It takes about five minutes and you can change it any time."</p>
                <p>"Everything you write stays on this device. No account, nothing sent anywhere."</p>
                <a href="/start" class="button primary">"Start my safety net"</a>
                <button type="button" class="link" on:click=move |_| state.edit(|p| p.settings.guided_start = GuidedStart::Skipped)>"Not now"</button>
            </section>
        </Show>
        <div inner_html=move || state.plan.with(|p| review_card(p, today))></div>
        <div inner_html=move || state.plan.with(|p| recovery_card(p, today, now))></div>
        <Celebration/>
        <div inner_html=move || state.plan.with(|p| gentle_notice(p, today))></div>
        <MeetingsToday/>
        <div inner_html=move || kit_cards(kit_notices())></div>
        {own_list("Why I'm doing this", reason_texts)}
        <section class="card quiet">
            <p>"In a hard moment, "<a href="/help">"Get help"</a>" is at the top of every screen."</p>
        </section>
    }
}

/// The naloxone cards: a nudge when the plan has no kit, else a warning per kit that expires
/// within 30 days or has expired. HTML text (escaped), so it costs no view code.
fn kit_cards(notices: Option<Vec<String>>) -> String {
    match notices {
        None => "<section class=\"card\" data-testid=\"no-kit\"><h2>Where is your naloxone?</h2><p>Naloxone reverses an opioid overdose. Note where yours is kept, so you and the people around you can find it fast. Pharmacies sell it without a prescription.</p><a class=\"button\" href=\"/plan/crisis#naloxone\">Add a naloxone kit</a></section>".into(),
        Some(notices) => notices
            .iter()
            .map(|n| format!("<section class=\"card warn\" data-testid=\"kit-notice\"><h2>Naloxone</h2><p>{}</p><a href=\"/plan/crisis#naloxone\">My kits</a></section>", esc(n)))
            .collect(),
    }
}

/// "Review your plan" when it is due.
fn review_card(p: &Plan, today: chrono::NaiveDate) -> String {
    match review(p, today) {
        Review::Due { last } => format!(
            "<section class=\"card\" data-testid=\"review-due\"><h2>Time to review your plan</h2><p>{}</p><a class=\"button\" href=\"/plan/review\">Review my plan</a></section>",
            match last {
                Some(d) => format!("Last reviewed {}. A few minutes to check it still fits your life.", esc(&crate::domain::dates::long_date(d, today))),
                None => "A few minutes to check it still fits your life.".into(),
            }
        ),
        _ => String::new(),
    }
}

/// When craving has been rising, or warning signs from the plan showed up in recent
/// check-ins: said gently, with the person's own coping strategies and their people.
fn gentle_notice(p: &Plan, today: chrono::NaiveDate) -> String {
    let rising = crate::domain::trends::craving_rising(p, today);
    let signs = crate::domain::trends::recent_warning_signs(p, today);
    if !rising && signs.is_empty() {
        return String::new();
    }
    let mut what = Vec::new();
    if rising {
        what.push("your craving has been going up".to_string());
    }
    if !signs.is_empty() {
        what.push(format!("you noticed {}", signs.join(", ")));
    }
    let coping: String = p
        .relapse
        .coping
        .iter()
        .take(3)
        .map(|c| format!("<li>{}</li>", esc(&c.text)))
        .collect();
    let coping = if coping.is_empty() {
        String::new()
    } else {
        format!("<h3>What helps you</h3><ul>{coping}</ul>")
    };
    let people = contact_links(p);
    let people = if people.is_empty() {
        "<p><a href=\"/help\">Get help</a></p>".to_string()
    } else {
        format!("<ul class=\"plain lines\">{people}</ul>")
    };
    format!(
        "<section class=\"card\" data-testid=\"gentle-notice\"><h2>Looking after yourself</h2><p>Over the last few days {}. That's worth noticing, not a failure. This might be a good day to reach out.</p>{coping}{people}</section>",
        esc(&what.join(" and "))
    )
}

/// Days in recovery and the daily check-in. Escaped HTML text.
fn recovery_card(p: &Plan, today: chrono::NaiveDate, now: chrono::NaiveDateTime) -> String {
    let checked = if p.checkins.iter().any(|c| c.date == today) {
        "You checked in today."
    } else {
        "How are you today?"
    };
    format!(
        "<section class=\"card\" data-testid=\"today-recovery\">{}<p><a href=\"/recovery\">My recovery</a></p>\
         <p>{checked}</p><a class=\"button primary\" href=\"/checkin\">Check in (30 seconds)</a></section>",
        crate::pages::milestones::counter(p, today, now)
    )
}
