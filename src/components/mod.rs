//! Small reusable views, named for what the person sees.

pub mod import_backup;
pub mod list_editor;
pub mod save_banner;

use crate::domain::{backup, Plan};

/// Offers the whole plan as a backup file download.
pub fn export_backup(plan: &Plan) -> Result<(), String> {
    crate::web::download_text(
        &backup::file_name(crate::web::today()),
        "application/json",
        &backup::export(plan)?,
    )
}
