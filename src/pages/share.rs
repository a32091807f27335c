//! Share parts of the plan with loved ones as text: through the phone's share sheet where
//! there is one, else copy it or download it as a file. The app sends nothing itself.

use crate::components::section_choice::{not_private, SectionChoice};
use crate::domain::pillars::share_text;
use crate::router::Route;
use crate::state::use_app_state;
use crate::web::Handed;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn SharePage() -> impl IntoView {
    crate::web::set_title("Share with loved ones");
    let state = use_app_state();
    // Private sections are never chosen by default.
    let chosen = RwSignal::new(not_private());
    let text = Memo::new(move |_| chosen.with(|c| state.plan.with(|p| share_text(p, c))));
    let toasts = crate::components::toast::use_toasts();
    let hand = move |how: &'static str| {
        move |_| {
            let t = text.get_untracked();
            spawn_local(async move {
                let result = match how {
                    "share" => crate::web::share_text("From my safety net", &t).await,
                    "copy" => crate::web::copy_text(&t).await,
                    _ => crate::web::download_text("my-safety-net.txt", "text/plain", &t)
                        .map_or_else(Handed::Failed, |_| Handed::Done),
                };
                let said: String = match (how, result) {
                    (_, Handed::Cancelled) => return,
                    (_, Handed::Failed(why)) => {
                        format!("That didn't work ({why}). Try copying or downloading instead.")
                    }
                    ("share", _) => "Handed to your phone's share sheet.".into(),
                    ("copy", _) => "Copied. Paste it into a message.".into(),
                    _ => "Saved as my-safety-net.txt.".into(),
                };
                toasts.show(said, None);
            });
        }
    };
    view! {
        <p class="crumb"><a href=Route::Plan.path()>"My plan"</a></p>
        <h1>"Share with loved ones"</h1>
        <p class="lead">"Choose what to share. You send it yourself; Safety Net sends nothing."</p>
        <SectionChoice legend="What to share" chosen=chosen/>
        <h2>"What they will read"</h2>
        <pre class="share-text" data-testid="share-text">{text}</pre>
        <div class="row">
            {crate::web::can_share().then(|| view! {
                <button type="button" class="primary" on:click=hand("share")>"Share…"</button>
            })}
            <button type="button" on:click=hand("copy")>"Copy"</button>
            <button type="button" on:click=hand("download")>"Download as a text file"</button>
        </div>
    }
}
