//! Small reusable views, named for what the person sees.

pub mod celebration;
pub mod coming_up;
pub mod contact_links;
pub mod crisis_lines;
pub mod delete_everything;
pub mod dose_timer;
pub mod editor;
pub mod held_changes;
pub mod import_backup;
pub mod kits_editor;
pub mod language_choice;
pub mod lock_screen;
pub mod lock_settings;
pub mod meetings_today;
pub mod naloxone_where;
pub mod pillar_body;
pub mod problem;
pub mod record_list;
pub mod recovery_counter;
pub mod recovery_date;
pub mod safekeeping;
pub mod save_banner;
pub mod section_choice;
pub mod tables;
pub mod toast;
pub mod trend_chart;

use crate::domain::{backup, Plan};

/// Offers the whole plan as a backup file download, as it is (e.g. when saving failed).
pub fn export_backup(plan: &Plan) -> Result<(), String> {
    let text = backup::export(plan).map_err(|e| e.to_string())?;
    crate::web::download_text(
        &backup::file_name(crate::web::today()),
        "application/json",
        &text,
    )
}

/// How a backup left the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupSaved {
    Downloaded,
    Shared,
    /// The share sheet was closed: nothing was sent.
    NotSent,
}

impl BackupSaved {
    pub fn words(self) -> &'static str {
        match self {
            BackupSaved::Downloaded => tr!(settings.backup.downloaded),
            BackupSaved::Shared => tr!(settings.backup.shared),
            BackupSaved::NotSent => tr!(settings.backup.not_sent),
        }
    }
}

/// Makes the backup file (carrying its own record: when, and what it holds) and hands it
/// on; the plan remembers the backup only once it has left (downloaded, or sent).
pub async fn save_backup(state: crate::state::AppState) -> Result<BackupSaved, String> {
    let record = state.backup_record();
    let text = state.backup_text(&record)?;
    let saved = hand_over(&backup::file_name(state.today()), &text).await?;
    if saved != BackupSaved::NotSent {
        state.keep_backup_record(record);
    }
    Ok(saved)
}

/// A backup file to the share sheet where the browser has one for files (email it to
/// yourself, a drive, a message), or else a download.
pub async fn hand_over(name: &str, text: &str) -> Result<BackupSaved, String> {
    if crate::web::can_share_files() {
        return crate::web::share_file(name, "application/json", text)
            .await
            .map(|sent| {
                if sent {
                    BackupSaved::Shared
                } else {
                    BackupSaved::NotSent
                }
            });
    }
    crate::web::download_text(name, "application/json", text).map(|_| BackupSaved::Downloaded)
}

/// A keyed list of rows, one per id, that keeps each row (and what has focus in it) when
/// others are added, moved or deleted. Shared by every editor, so the keyed-list code is in
/// the download once.
pub fn keyed_rows(
    ids: leptos::prelude::Memo<Vec<crate::domain::Id>>,
    row: std::sync::Arc<
        dyn Fn(crate::domain::Id) -> leptos::prelude::AnyView + Send + Sync + 'static,
    >,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    view! { <For each=move || ids.get() key=|id| id.clone() children=move |id| row(id)/> }
}

/// The person's reasons for recovery, as text.
pub fn reason_texts(p: &Plan) -> Vec<String> {
    p.relapse.reasons.iter().map(|r| r.text.clone()).collect()
}

/// One of the person's own lists ("Why I'm doing this", "What helps me"), shown only when it
/// has something in it.
pub fn own_list(
    title: &'static str,
    pick: fn(&Plan) -> Vec<String>,
) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let state = crate::state::use_app_state();
    move || {
        let items = state.plan.with(pick);
        (!items.is_empty()).then(|| {
            view! {
                <section class="card">
                    <h2>{title}</h2>
                    <ul class="reasons">{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </section>
            }
        })
    }
}

/// Where a step-by-step flow is (the review, the guided start), and how to go to a step:
/// the screen moves to the top and the step's heading takes focus, so a screen reader reads
/// it.
pub fn stepper(
    heading: leptos::prelude::NodeRef<leptos::html::H1>,
) -> (
    leptos::prelude::RwSignal<usize>,
    impl Fn(usize) + Copy + 'static,
) {
    use leptos::prelude::*;
    let at = RwSignal::new(0usize);
    let go = move |to: usize| {
        at.set(to);
        request_animation_frame(move || {
            crate::web::scroll_top();
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    };
    (at, go)
}
