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
    crate::web::set_title(tr!(plan.share.title));
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
                    "share" => crate::web::share_text(tr!(plan.share.share_title), &t).await,
                    "copy" => crate::web::copy_text(&t).await,
                    _ => crate::web::download_text(tr!(plan.share.file), "text/plain", &t)
                        .map_or_else(Handed::Failed, |_| Handed::Done),
                };
                let said: String = match (how, result) {
                    (_, Handed::Cancelled) => return,
                    (_, Handed::Failed(why)) => {
                        tr!(plan.share.failed, why = why)
                    }
                    ("share", _) => tr!(plan.share.shared).into(),
                    ("copy", _) => tr!(plan.share.copied).into(),
                    _ => tr!(plan.share.saved, file = tr!(plan.share.file)),
                };
                toasts.show(said, None);
            });
        }
    };
    view! {
        <p class="crumb"><a href=Route::Plan.path()>{tr!(plan.title)}</a></p>
        <h1>{tr!(plan.share.title)}</h1>
        <p class="lead">{tr!(plan.share.lead)}</p>
        <SectionChoice legend=tr!(plan.share.what) chosen=chosen/>
        <h2>{tr!(plan.share.will_read)}</h2>
        <pre class="share-text" data-testid="share-text">{text}</pre>
        <div class="row">
            {crate::web::can_share().then(|| view! {
                <button type="button" class="primary" on:click=hand("share")>{tr!(plan.share.share)}</button>
            })}
            <button type="button" on:click=hand("copy")>{tr!(plan.share.copy)}</button>
            <button type="button" on:click=hand("download")>{tr!(plan.share.download)}</button>
        </div>
    }
}
