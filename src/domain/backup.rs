//! Backup files: export the whole plan as JSON, and import one after checking all of it.

use super::schema::{self, DecodeError};
use super::Plan;
use chrono::NaiveDate;

/// Larger files are refused before reading. Ten years of daily check-ins with a full plan
/// is about 1 MB; the browser's storage for the app holds about 5 MB of text, so a larger
/// file could never be kept anyway.
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    Empty,
    NotText,
    Decode(DecodeError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge(n) => f.write_str(&tr!(
                settings.import.too_large,
                size = super::bytes::size_words(*n as u64)
            )),
            ImportError::Empty => f.write_str(tr!(settings.import.empty)),
            ImportError::NotText => f.write_str(tr!(settings.import.not_text)),
            ImportError::Decode(e) => e.fmt(f),
        }
    }
}

/// The backup file's content.
pub fn export(plan: &Plan) -> Result<String, schema::EncodeError> {
    schema::encode_backup(plan)
}

/// A locked backup's file name.
pub fn locked_file_name(today: NaiveDate) -> String {
    format!("safety-net-backup-locked-{}.json", super::dates::iso(today))
}

/// The backup file's name, dated.
pub fn file_name(today: NaiveDate) -> String {
    format!("safety-net-backup-{}.json", super::dates::iso(today))
}

/// Reads a backup (or the app's own stored form, e.g. data downloaded from the recovery
/// screen). Returns the whole plan or an error; never a part of one.
pub fn import_bytes(bytes: &[u8]) -> Result<Plan, ImportError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    import_text(text)
}

/// Why a locked backup could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockedImportError {
    /// Wrong passcode, or the sealed form is damaged.
    Lock(super::lock::LockError),
    /// Opened, but what was inside is not a whole plan (or the file is too large, not text).
    Import(ImportError),
}

impl std::fmt::Display for LockedImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockedImportError::Lock(e) => e.fmt(f),
            LockedImportError::Import(e) => e.fmt(f),
        }
    }
}

/// Reads a locked backup (or the app's own sealed storage) with its passcode: the whole
/// plan (and the keys that opened it) or an error, never a part of one.
pub fn import_locked(
    bytes: &[u8],
    passcode: &str,
) -> Result<(Plan, super::lock::Keys), LockedImportError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(LockedImportError::Import(ImportError::TooLarge(
            bytes.len(),
        )));
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| LockedImportError::Import(ImportError::NotText))?;
    let (keys, plain) = super::lock::open(text, passcode).map_err(LockedImportError::Lock)?;
    let plan = import_text(&plain).map_err(LockedImportError::Import)?;
    Ok((plan, keys))
}

pub fn import_text(text: &str) -> Result<Plan, ImportError> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    schema::decode(text)
        .map(|d| d.plan)
        .map_err(ImportError::Decode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_import_export_is_byte_identical() {
        let plan = Plan::default();
        let a = export(&plan).expect("exports");
        let b = export(&import_text(&a).expect("imports")).expect("exports");
        assert_eq!(a, b);
    }

    #[test]
    fn foreign_files_get_clear_errors() {
        assert_eq!(import_bytes(b""), Err(ImportError::Empty));
        assert_eq!(import_bytes(&[0xff, 0xfe, 0x00]), Err(ImportError::NotText));
        assert_eq!(
            import_text("{\"contacts\":[]}"),
            Err(ImportError::Decode(DecodeError::NotSafetyNet))
        );
        assert!(import_text("name,phone\nDana,555").is_err());
    }
}
