//! The naloxone re-dose timer: started from the overdose steps, shown in the header of every
//! screen while it runs (with a 911 button), and announced to screen readers only when its
//! advice changes.

use crate::domain::naloxone::{clock, DosePrompt, Doses};
use leptos::leptos_dom::helpers::{set_interval_with_handle, IntervalHandle};
use leptos::prelude::*;
use std::time::Duration;

/// The running response: doses given, and the clock the timer last read.
#[derive(Clone, Copy)]
pub struct DoseTimer {
    pub doses: RwSignal<Option<Doses>>,
    now: RwSignal<u64>,
}

fn wall_ms() -> u64 {
    js_sys::Date::now() as u64
}

pub fn use_dose_timer() -> DoseTimer {
    expect_context::<DoseTimer>()
}

impl DoseTimer {
    /// Makes the timer for the app and ticks it once a second while it runs.
    pub fn provide() -> Self {
        let t = DoseTimer {
            doses: RwSignal::new(None),
            now: RwSignal::new(0),
        };
        provide_context(t);
        let ticking = StoredValue::new(None::<IntervalHandle>);
        Effect::new(move |_| {
            let active = t.doses.with(Option::is_some);
            match ticking.get_value() {
                None if active => ticking.set_value(
                    set_interval_with_handle(move || t.now.set(wall_ms()), Duration::from_secs(1))
                        .ok(),
                ),
                Some(h) if !active => {
                    h.clear();
                    ticking.set_value(None);
                }
                _ => {}
            }
        });
        t
    }

    /// "I gave a dose": starts the timer, or counts another dose and starts it again.
    pub fn give(self) {
        let now = wall_ms();
        self.now.set(now);
        self.doses
            .update(|d| d.get_or_insert_with(Doses::default).give(now));
    }

    pub fn active(self) -> bool {
        self.doses.with(Option::is_some)
    }
}

/// The strip under the header while the timer runs.
#[component]
pub fn DoseTimerStrip() -> impl IntoView {
    let t = use_dose_timer();
    let prompt = move || t.doses.get().map(|d| (d, d.prompt(t.now.get())));
    // Changes only when a dose is given or one falls due, so it is read out once each time.
    let announcement = Memo::new(move |_| {
        prompt()
            .map(|(d, p)| d.announcement(matches!(p, DosePrompt::GiveAnother(_))))
            .unwrap_or_default()
    });
    // Built once and updated in place, so a focused button keeps its focus as the seconds
    // change.
    let text = move || match prompt() {
        Some((d, DosePrompt::Watch(left))) => {
            tr!(crisis.timer.watch, n = d.count, left = clock(left))
        }
        Some((d, DosePrompt::GiveAnother(since))) => {
            tr!(crisis.timer.due, since = clock(since), n = d.count)
        }
        None => String::new(),
    };
    let due = move || matches!(prompt(), Some((_, DosePrompt::GiveAnother(_))));
    view! {
        <p class="sr-only" role="status" aria-live="assertive">{announcement}</p>
        <div class="dose-strip" class:due=due hidden=move || !t.active() data-testid="dose-timer">
            <p class="dose-state">{text}</p>
            <div class="row">
                <a class="button help" href="tel:911">{tr!(crisis.help.call_911)}</a>
                <button type="button" class="primary" on:click=move |_| t.give()>{tr!(crisis.timer.another)}</button>
                <button type="button" on:click=move |_| t.doses.set(None)>{tr!(crisis.timer.stop)}</button>
            </div>
        </div>
    }
}
