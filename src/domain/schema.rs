//! The saved form of a plan: a versioned envelope, and migrations from every past version.
//!
//! Stored:  `{"app":"safety-net","version":N,"revision":R,"saved_at":"…","data":{…}}`
//! Backup:  `{"app":"safety-net","kind":"backup","version":N,"data":{…}}`
//!
//! Decoding never guesses: anything that is not exactly a Safety Net document of a known
//! version is an error the caller shows (and, for stored data, quarantines). Unknown fields
//! are errors too, because dropping them on the next save would lose what someone wrote.

use super::Plan;
use serde::Serialize;
use serde_json::{Map, Value};

pub const APP: &str = "safety-net";
/// The version this build writes. Bump it only together with a migration below.
pub const CURRENT_VERSION: u32 = 1;

/// Migrations, in order: `MIGRATIONS[i]` turns version `i + 1` data into version `i + 2`.
/// Each is a pure function of the JSON value; running the chain on already-current data
/// changes nothing.
const MIGRATIONS: &[fn(Value) -> Result<Value, String>] = &[];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all, or cut short.
    NotJson(String),
    /// JSON, but not a Safety Net document.
    NotSafetyNet,
    /// Written by a newer app than this one.
    FutureVersion(u32),
    /// A migration could not be applied.
    Migration(u32, String),
    /// The right kind of document, but a part of it is not in the expected form.
    Invalid(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "The data is not readable: it may have been cut short or edited by hand ({e})."),
            DecodeError::NotSafetyNet => f.write_str("This is not a Safety Net plan or backup."),
            DecodeError::FutureVersion(v) => write!(
                f,
                "This was saved by a newer version of Safety Net (format {v}; this app reads up to {CURRENT_VERSION}). Reload the app to update it."
            ),
            DecodeError::Migration(v, e) => write!(f, "The plan from format {v} could not be brought up to date: {e}."),
            DecodeError::Invalid(e) => write!(f, "Part of the plan is not in the expected form: {e}."),
        }
    }
}

/// Which kind of document to expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// What the app keeps in storage (with revision and save time).
    Stored,
    /// An exported backup file.
    Backup,
}

/// A decoded document.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub plan: Plan,
    pub kind: Kind,
    /// The format version it was written in (before migration).
    pub from_version: u32,
    /// Stored documents only: how many times it has been saved.
    pub revision: u64,
    pub saved_at: Option<String>,
}

#[derive(Serialize)]
struct StoredOut<'a> {
    app: &'static str,
    version: u32,
    revision: u64,
    saved_at: &'a str,
    data: &'a Plan,
}

#[derive(Serialize)]
struct BackupOut<'a> {
    app: &'static str,
    kind: &'static str,
    version: u32,
    data: &'a Plan,
}

/// The stored form (compact JSON).
pub fn encode_stored(plan: &Plan, revision: u64, saved_at: &str) -> String {
    serde_json::to_string(&StoredOut {
        app: APP,
        version: CURRENT_VERSION,
        revision,
        saved_at,
        data: plan,
    })
    .unwrap_or_default()
}

/// The backup form: indented JSON, deterministic for a given plan (no time stamp inside,
/// so export → import → export is byte-identical; the file name carries the date).
pub fn encode_backup(plan: &Plan) -> String {
    let mut s = serde_json::to_string_pretty(&BackupOut {
        app: APP,
        kind: "backup",
        version: CURRENT_VERSION,
        data: plan,
    })
    .unwrap_or_default();
    s.push('\n');
    s
}

/// Decodes either kind of document, migrating old versions, and checks the plan's rules.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let Value::Object(mut top) = value else {
        return Err(DecodeError::NotSafetyNet);
    };
    if top.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(DecodeError::NotSafetyNet);
    }
    let kind = match top.get("kind") {
        None => Kind::Stored,
        Some(Value::String(k)) if k == "backup" => Kind::Backup,
        Some(_) => return Err(DecodeError::NotSafetyNet),
    };
    let allowed: &[&str] = match kind {
        Kind::Stored => &["app", "version", "revision", "saved_at", "data"],
        Kind::Backup => &["app", "kind", "version", "data"],
    };
    if let Some(k) = top.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(DecodeError::Invalid(format!("unexpected field {k:?}")));
    }
    let version = top
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v >= 1)
        .ok_or_else(|| {
            DecodeError::Invalid("the format version is missing or not a positive number".into())
        })?;
    if version > CURRENT_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    let revision = match (kind, top.get("revision")) {
        (Kind::Stored, Some(r)) => r
            .as_u64()
            .ok_or_else(|| DecodeError::Invalid("the revision is not a number".into()))?,
        (Kind::Stored, None) => return Err(DecodeError::Invalid("the revision is missing".into())),
        (Kind::Backup, _) => 0,
    };
    let saved_at = match top.get("saved_at") {
        Some(Value::String(s)) => Some(s.clone()),
        None if kind == Kind::Backup => None,
        _ => return Err(DecodeError::Invalid("the save time is missing".into())),
    };
    let data = top
        .remove("data")
        .ok_or_else(|| DecodeError::Invalid("the plan itself is missing".into()))?;
    if !data.is_object() {
        return Err(DecodeError::Invalid("the plan is not an object".into()));
    }
    let data = migrate(version, data)?;
    let plan: Plan =
        serde_json::from_value(data).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    plan.validate()
        .map_err(|e| DecodeError::Invalid(e.to_string()))?;
    Ok(Decoded {
        plan,
        kind,
        from_version: version,
        revision,
        saved_at,
    })
}

/// Brings plan data of `version` up to [`CURRENT_VERSION`].
pub fn migrate(version: u32, mut data: Value) -> Result<Value, DecodeError> {
    if version == 0 || version > CURRENT_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    for (i, step) in MIGRATIONS.iter().enumerate().skip(version as usize - 1) {
        data = step(data).map_err(|e| DecodeError::Migration(i as u32 + 1, e))?;
    }
    Ok(data)
}

/// The top-level keys of a JSON object, for messages ("this file has …").
pub fn top_level_keys(text: &str) -> Vec<String> {
    match serde_json::from_str::<Map<String, Value>>(text) {
        Ok(m) => m.keys().cloned().collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_cover_every_past_version() {
        assert_eq!(MIGRATIONS.len() as u32, CURRENT_VERSION - 1);
    }

    #[test]
    fn stored_round_trip() {
        let plan = Plan::default();
        let s = encode_stored(&plan, 7, "2026-11-23T10:00:00Z");
        let d = decode(&s).expect("decodes");
        assert_eq!(d.plan, plan);
        assert_eq!(d.revision, 7);
        assert_eq!(d.kind, Kind::Stored);
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(matches!(
            decode("{\"app\":\"safety-net\",\"ver"),
            Err(DecodeError::NotJson(_))
        ));
        assert_eq!(decode("[1,2]"), Err(DecodeError::NotSafetyNet));
        assert_eq!(decode("{\"name\":\"x\"}"), Err(DecodeError::NotSafetyNet));
        let future = r#"{"app":"safety-net","version":99,"revision":1,"saved_at":"x","data":{}}"#;
        assert_eq!(decode(future), Err(DecodeError::FutureVersion(99)));
        let unknown =
            r#"{"app":"safety-net","version":1,"revision":1,"saved_at":"x","data":{"pets":[]}}"#;
        assert!(matches!(decode(unknown), Err(DecodeError::Invalid(_))));
        let extra =
            r#"{"app":"safety-net","version":1,"revision":1,"saved_at":"x","data":{},"x":1}"#;
        assert!(matches!(decode(extra), Err(DecodeError::Invalid(_))));
    }
}
