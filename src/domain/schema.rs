//! The saved form of a plan: a versioned envelope, and migrations from every past version.
//!
//! Stored:  `{"app":"safety-net","version":N,"revision":R,"saved_at":"…","data":{…}}`
//! Backup:  `{"app":"safety-net","kind":"backup","version":N,"data":{…}}`
//!
//! Decoding never guesses: anything that is not exactly a Safety Net document of a known
//! version is an error the caller shows (and, for stored data, quarantines). Unknown fields
//! are errors too, because dropping them on the next save would lose what someone wrote.

use super::json::{write_str, Json};
use super::json_parse::Value;
use super::Plan;

pub const APP: &str = "safety-net";
/// The version this build writes. Bump it only together with a migration below.
pub const CURRENT_VERSION: u32 = 2;

/// Migrations, in order: `MIGRATIONS[i]` turns version `i + 1` data into version `i + 2`.
/// Each is a pure function of the JSON value; running the chain on already-current data
/// changes nothing.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 added the person's own first-meeting checklists (`meetings.first_meeting` and
/// `meetings.after_first_few`); a version-1 plan has none yet. A version-1 app refuses a
/// version-2 plan with "saved by a newer version" instead of reading it as damaged.
fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    if let Some(m) = data.get_mut("meetings").and_then(Value::as_object_mut) {
        for key in ["first_meeting", "after_first_few"] {
            if !m.contains_key(key) {
                m.insert(key.into(), Value::Array(Vec::new()));
            }
        }
    }
    Ok(data)
}

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

/// The stored form (compact JSON).
pub fn encode_stored(plan: &Plan, revision: u64, saved_at: &str) -> String {
    encode_stored_sized(plan, revision, saved_at, 0)
}

/// As [`encode_stored`], with room reserved for `expected_len` bytes (the last save's size),
/// so a large plan is written without growing the buffer again and again.
pub fn encode_stored_sized(
    plan: &Plan,
    revision: u64,
    saved_at: &str,
    expected_len: usize,
) -> String {
    envelope(plan, expected_len + 256, None, |out| {
        out.push_str(",\"revision\":");
        revision.write(out);
        out.push_str(",\"saved_at\":");
        write_str(out, saved_at);
    })
}

/// The backup form: indented JSON, deterministic for a given plan (no time stamp inside,
/// so export → import → export is byte-identical; the file name carries the date).
pub fn encode_backup(plan: &Plan) -> String {
    let mut s = indent_json(&envelope(plan, 0, Some("backup"), |_| {}));
    s.push('\n');
    s
}

/// `{"app":"safety-net",["kind":…,]"version":N,…extra…,"data":{…}}`, compact.
fn envelope(
    plan: &Plan,
    capacity: usize,
    kind: Option<&str>,
    extra: impl FnOnce(&mut String),
) -> String {
    let mut out = String::with_capacity(capacity);
    out.push_str("{\"app\":");
    write_str(&mut out, APP);
    if let Some(kind) = kind {
        out.push_str(",\"kind\":");
        write_str(&mut out, kind);
    }
    out.push_str(",\"version\":");
    u64::from(CURRENT_VERSION).write(&mut out);
    extra(&mut out);
    out.push_str(",\"data\":");
    plan.write(&mut out);
    out.push('}');
    out
}

/// Indents compact JSON two spaces a level (the same layout as `serde_json::to_string_pretty`).
/// Done on the text so the plan's serialisation code exists once in the app, not twice.
pub fn indent_json(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// The envelope's fields; anything else at the top level is an error.
const ENVELOPE: &[&str] = &["app", "kind", "version", "revision", "saved_at", "data"];

/// Decodes either kind of document, migrating old versions, and checks the plan's rules.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    let top: Value = super::json_parse::parse(text).map_err(DecodeError::NotJson)?;
    let Value::Object(mut top) = top else {
        return Err(DecodeError::NotSafetyNet);
    };
    if top.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(DecodeError::NotSafetyNet);
    }
    if let Some(k) = top.keys().find(|k| !ENVELOPE.contains(&k.as_str())) {
        return Err(DecodeError::Invalid(format!(
            "unknown field \"{}\" in the envelope",
            k.chars().take(40).collect::<String>()
        )));
    }
    let present = |k: &str| top.get(k).is_some_and(|v| !v.is_null());
    let kind = match top.get("kind") {
        None | Some(Value::Null) => Kind::Stored,
        Some(k) if k.as_str() == Some("backup") => Kind::Backup,
        Some(_) => return Err(DecodeError::NotSafetyNet),
    };
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
    let (revision, saved_at) = match kind {
        Kind::Stored => {
            let revision = top.get("revision").and_then(Value::as_u64).ok_or_else(|| {
                DecodeError::Invalid("the revision is missing or not a number".into())
            })?;
            let saved_at = top
                .get("saved_at")
                .and_then(Value::as_str)
                .ok_or_else(|| DecodeError::Invalid("the save time is missing".into()))?;
            (revision, Some(saved_at.to_owned()))
        }
        Kind::Backup => {
            if present("revision") || present("saved_at") {
                return Err(DecodeError::Invalid(
                    "a backup has no revision or save time".into(),
                ));
            }
            (0, None)
        }
    };
    let data = match top.remove("data") {
        None | Some(Value::Null) => {
            return Err(DecodeError::Invalid("the plan itself is missing".into()))
        }
        Some(v) if !v.is_object() => {
            return Err(DecodeError::Invalid("the plan is not an object".into()))
        }
        Some(v) => v,
    };
    let data = if version == CURRENT_VERSION {
        data
    } else {
        migrate(version, data)?
    };
    let plan = Plan::read(&data).map_err(|e| DecodeError::Invalid(format!("plan{e}")))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_cover_every_past_version() {
        assert_eq!(MIGRATIONS.len() as u32, CURRENT_VERSION - 1);
    }

    #[test]
    fn indent_matches_serde_pretty() {
        let v: serde_json::Value = serde_json::from_str(
            r#"{"a":[1,{"b":"x,y:{}[]\\\"q"},[],{}],"c":{"d":null,"e":[true,false]},"f":-1.5e3}"#,
        )
        .expect("json");
        let compact = serde_json::to_string(&v).expect("compact");
        let pretty = serde_json::to_string_pretty(&v).expect("pretty");
        assert_eq!(indent_json(&compact), pretty);
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

    #[test]
    fn errors_name_the_place_in_the_plan() {
        let doc = |data: &str| {
            format!(
                r#"{{"app":"safety-net","version":1,"revision":1,"saved_at":"x","data":{data}}}"#
            )
        };
        let cases = [
            (
                r#"{"people":[{"id":"a","name":"Sam","role":"sponsor","phone":"1","call_in_crisis":true,"best_times":"","crisis_message":"","notes":"","pets":1}]}"#,
                r#"plan.people[0]: unknown field "pets""#,
            ),
            (
                r#"{"people":[{"id":"a","name":7,"role":"sponsor","phone":"1","call_in_crisis":true,"best_times":"","crisis_message":"","notes":""}]}"#,
                "plan.people[0].name: expected text, found a number",
            ),
            (
                r#"{"naloxone_kits":[{"id":"k","kind":"nasal_spray","expires":null,"doses":2,"who_knows":"","others_trained":false,"notes":""}]}"#,
                "plan.naloxone_kits[0].location: missing",
            ),
            (
                r#"{"reviews":["2026-13-01"]}"#,
                r#"plan.reviews[0]: expected a date like 2026-11-23, found "2026-13-01""#,
            ),
            (
                r#"{"settings":{"review_every_days":-3}}"#,
                "plan.settings.review_every_days: expected a whole number",
            ),
            (r#"{"relapse":{"coping":[{"id":"c","text":"walk"}]}}"#, ""),
        ];
        for (data, want) in cases {
            match decode(&doc(data)) {
                Err(DecodeError::Invalid(e)) => {
                    assert!(e.starts_with(want) && !want.is_empty(), "{e}")
                }
                Ok(d) => {
                    assert!(want.is_empty(), "{data} decoded");
                    assert!(d.plan.relapse.coping[0].trigger_ids.is_empty());
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
