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
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

pub const APP: &str = "safety-net";
/// The version this build writes. Bump it only together with a migration below.
pub const CURRENT_VERSION: u32 = 4;

/// Migrations, in order: `MIGRATIONS[i]` turns version `i + 1` data into version `i + 2`.
/// Each is a pure function of the JSON value; running the chain on already-current data
/// changes nothing.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3, v3_to_v4];

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

/// Version 3 remembers celebrations per streak ("2026-06-11/days-30") and adds three
/// settings (first name and medication for the wallet card, the day the plan started),
/// which take their defaults. A celebration remembered without its streak belongs to the
/// streak that was current when it was saved: the last one, which began the day after the
/// latest slip on or after the recovery date (or on the recovery date). Keys that already
/// name a streak are left as they are, so running it twice changes nothing.
fn v2_to_v3(mut data: Value) -> Result<Value, String> {
    let Some(recovery) = data.get_mut("recovery").and_then(Value::as_object_mut) else {
        return Ok(data);
    };
    let date = |v: &Value| v.as_str().and_then(super::datefmt::parse_date);
    let Some(start) = recovery.get("start_date").and_then(date) else {
        return Ok(data);
    };
    let last_slip = recovery
        .get("slips")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("date").and_then(date))
        .filter(|d| *d >= start)
        .max();
    let streak = last_slip
        .and_then(|d| d.succ_opt())
        .map_or(start, |d| d.max(start));
    let prefix = super::dates::iso(streak);
    if let Some(keys) = recovery.get_mut("celebrated").and_then(Value::as_array_mut) {
        for k in keys.iter_mut() {
            if let Some(s) = k.as_str().filter(|s| !s.contains('/')) {
                *k = Value::String(format!("{prefix}/{s}"));
            }
        }
    }
    Ok(data)
}

/// Version 4 added five settings, which take their defaults: the lock's auto-lock minutes
/// and open crisis contacts, the last backup (none yet), the backup reminder's interval
/// (30 days) and its "Not now" (none). Nothing else changes.
fn v3_to_v4(data: Value) -> Result<Value, String> {
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
            DecodeError::NotJson(e) => f.write_str(&tr!(settings.errors.not_json, error = e)),
            DecodeError::NotSafetyNet => f.write_str(tr!(settings.errors.not_safety_net)),
            DecodeError::FutureVersion(v) => f.write_str(&tr!(
                settings.errors.future,
                version = v,
                current = CURRENT_VERSION
            )),
            DecodeError::Migration(v, e) => {
                f.write_str(&tr!(settings.errors.migration, version = v, error = e))
            }
            DecodeError::Invalid(e) => f.write_str(&tr!(settings.errors.invalid, error = e)),
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

/// The envelope as written: `{"app":"safety-net",["kind":"backup",]"version":N,
/// ["revision":R,"saved_at":"…",]"data":{…}}`, in this order.
#[derive(Serialize)]
struct Envelope<'a> {
    app: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<&'a str>,
    data: &'a Plan,
}

/// Why a plan could not be written as JSON. (The plan's types cannot fail to serialize;
/// this is the error serde's signature allows, passed on rather than unwrapped.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError(pub String);

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The stored form (compact JSON).
pub fn encode_stored(plan: &Plan, revision: u64, saved_at: &str) -> Result<String, EncodeError> {
    encode_stored_sized(plan, revision, saved_at, 0)
}

/// As [`encode_stored`], with room reserved for `expected_len` bytes (the last save's size),
/// so a large plan is written without growing the buffer again and again.
pub fn encode_stored_sized(
    plan: &Plan,
    revision: u64,
    saved_at: &str,
    expected_len: usize,
) -> Result<String, EncodeError> {
    let mut out = String::with_capacity(expected_len + 256);
    write_stored(plan, revision, saved_at, &mut |piece| out.push_str(piece))?;
    Ok(out)
}

/// The stored form, given to `put` a piece of about [`WINDOW`] bytes (whole characters) at
/// a time, as it is written: so a store can put a large plan's text together outside wasm
/// memory (#18).
pub fn write_stored(
    plan: &Plan,
    revision: u64,
    saved_at: &str,
    put: &mut dyn FnMut(&str),
) -> Result<(), EncodeError> {
    let envelope = Envelope {
        app: APP,
        kind: None,
        version: CURRENT_VERSION,
        revision: Some(revision),
        saved_at: Some(saved_at),
        data: plan,
    };
    write_envelope(&envelope, put)
}

/// An envelope as compact JSON, in pieces. (The one writer of a plan in compact JSON, for
/// the stored form and the backup's first pass: a second would be a second copy of the
/// plan's whole writer in the download.)
fn write_envelope(envelope: &Envelope, put: &mut dyn FnMut(&str)) -> Result<(), EncodeError> {
    let mut pieces = Pieces {
        buf: Vec::with_capacity(WINDOW + 1024),
        put,
    };
    serde_json::to_writer(&mut pieces, envelope).map_err(|e| EncodeError(e.to_string()))?;
    pieces.give(pieces.buf.len());
    // All of it given on (serde_json writes only UTF-8): nothing is left out of a save.
    match pieces.buf.is_empty() {
        true => Ok(()),
        false => Err(EncodeError("not UTF-8".into())),
    }
}

/// What [`write_stored`] writes into: a piece is given on once it is [`WINDOW`] bytes.
struct Pieces<'a> {
    buf: Vec<u8>,
    put: &'a mut dyn FnMut(&str),
}

impl Pieces<'_> {
    /// Gives on the first `n` bytes written, up to where the last whole character ends.
    fn give(&mut self, n: usize) {
        let n = match std::str::from_utf8(&self.buf[..n]) {
            Ok(piece) => {
                (self.put)(piece);
                n
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if let Ok(piece) = std::str::from_utf8(&self.buf[..valid]) {
                    (self.put)(piece);
                }
                valid
            }
        };
        self.buf.drain(..n);
    }
}

/// (Not inlined: the plan's writer calls it from hundreds of places, and a copy of it in
/// each was kilobytes of the download.)
impl std::io::Write for Pieces<'_> {
    #[inline(never)]
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= WINDOW {
            self.give(self.buf.len());
        }
        Ok(bytes.len())
    }
    #[inline(never)]
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.write(bytes).map(|_| ())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The backup form: indented JSON, deterministic for a given plan (no time stamp in the
/// envelope, so export → import → export is byte-identical; the file name carries the date,
/// and the plan's own `settings.last_backup`, recorded just before, when it was made).
pub fn encode_backup(plan: &Plan) -> Result<String, EncodeError> {
    let envelope = Envelope {
        app: APP,
        kind: Some("backup"),
        version: CURRENT_VERSION,
        revision: None,
        saved_at: None,
        data: plan,
    };
    let mut compact = String::new();
    write_envelope(&envelope, &mut |piece| compact.push_str(piece))?;
    let mut out = Vec::with_capacity(compact.len() * 2);
    serde_transcode::transcode(
        &mut serde_json::Deserializer::from_str(&compact),
        &mut serde_json::Serializer::pretty(&mut out),
    )
    .map_err(|e| EncodeError(e.to_string()))?;
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| EncodeError(e.to_string()))
}

/// The envelope's fields; anything else at the top level is an error.
const ENVELOPE: &[&str] = &["app", "kind", "version", "revision", "saved_at", "data"];

/// A serde_json error without its line and column (which mean nothing to the person).
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&at).unwrap_or(&text).to_string()
}

/// Reads the plan from its JSON. serde_json's message says what is wrong (`unknown field
/// `pets``, `invalid type: integer `7`, expected a string`) but not where.
fn read_plan(json: &str) -> Result<Plan, DecodeError> {
    serde_json::from_str(json).map_err(|e| DecodeError::Invalid(message(&e)))
}

/// Reads the plan from its JSON, naming the place of the first problem
/// (`plan.people[0].name: invalid type: …`).
fn read_plan_placed(json: &str) -> Result<Plan, DecodeError> {
    let d = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(d).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let place = if path == "." {
            "plan".to_string()
        } else {
            format!("plan.{path}")
        };
        DecodeError::Invalid(format!("{place}: {}", message(&inner)))
    })
}

/// One value of the envelope, read with serde.
fn field<'a, T: serde::Deserialize<'a>>(raw: Option<&&'a RawValue>) -> Option<T> {
    raw.and_then(|r| serde_json::from_str(r.get()).ok())
}

/// The largest revision read: JavaScript's largest safe integer. A plan counts one a save
/// from 0 and never comes near it; a larger number is a damaged or made copy's, read as
/// this, so the next save's number never overflows or wraps round to 0. (From a copy that
/// says it, the count stops there: every save writes one more, read back as this.)
pub const MAX_REVISION: u64 = (1 << 53) - 1;

fn capped(revision: u64) -> u64 {
    revision.min(MAX_REVISION)
}

/// The revision a stored document says it has (`None` if it says none, or is not a JSON
/// object), its plan passed over unread: a save over another copy needs only this of it,
/// and does not hold a second plan in memory for it (wasm memory never shrinks). Read as it
/// comes, so a document cut short after it (the app writes it before the plan) still gives
/// it: the save over it counts on from it, never back to a number another tab has seen. A
/// number is taken only once what follows it is read (`12` of a `123` cut short is not). As
/// in [`decode`], the last `revision` is the one, and one not a whole number is none.
pub fn stored_revision(text: &str) -> Option<u64> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
    struct Seen<'s>(&'s std::cell::Cell<Option<u64>>);
    impl<'de> Visitor<'de> for Seen<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a Safety Net document")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut read = None;
            loop {
                let key = map.next_key::<String>();
                if let (Some(revision), Ok(_)) = (read.take(), &key) {
                    self.0.set(revision);
                }
                let Some(key) = key? else {
                    return Ok(());
                };
                if key == "revision" {
                    self.0.set(None);
                    read = Some(map.next_value::<Option<u64>>()?.map(capped));
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
    }
    let seen = std::cell::Cell::new(None);
    let _ = serde_json::Deserializer::from_str(text).deserialize_map(Seen(&seen));
    seen.get()
}

/// The plan's reader, behind one interface (#18): serde's derived readers of every type in
/// the plan, [`decode`] and the reading in turns ([`InTurns`]) are about a sixth of the app's
/// WebAssembly, and a first visit, with no plan stored, never needs them. So code in the
/// first load reaches them only through a `&dyn PlanReader` that a chunk of its own gives
/// (`plan_reader` in src/main.rs); wasm-split puts what only that chunk reaches into it.
pub trait PlanReader {
    /// As [`decode`].
    fn decode(&self, text: &str) -> Result<Decoded, DecodeError>;
    /// As [`InTurns::begin`].
    fn begin(&self, source: Box<dyn Source>) -> Step;
    /// As [`InTurns::step`].
    fn step(&self, turns: InTurns, n: usize) -> Step;
}

/// The plan's reader: [`decode`] and [`InTurns`].
pub struct Reader;

impl PlanReader for Reader {
    fn decode(&self, text: &str) -> Result<Decoded, DecodeError> {
        decode(text)
    }
    fn begin(&self, source: Box<dyn Source>) -> Step {
        InTurns::begin(source)
    }
    fn step(&self, turns: InTurns, n: usize) -> Step {
        turns.step(n)
    }
}

/// Decodes either kind of document, migrating old versions, and checks the plan's rules.
///
/// A document of this version exactly as the app writes it is read in one pass, envelope
/// and plan together ([`decode_in_one_pass`]). Anything else, or anything wrong, is read again
/// by [`decode_in_two_passes`], which gives every error its message: so the one pass can
/// only ever agree with the two (tests/import_fuzz.rs checks they do, on mutated files).
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    decode_in_one_pass(text).unwrap_or_else(|| decode_in_two_passes(text))
}

/// The envelope of this version, with its plan, as the app writes it: the plan is read
/// only if `app` and `version` came before it and are this app's and this version (so an
/// old or foreign file is not read as a plan only to be read again). Any other field, a
/// field twice, a key written with escapes, or a value of another type is an error here,
/// and the two-pass reader reads the file instead.
#[derive(Default)]
struct CurrentEnvelope {
    app: Option<String>,
    kind: Option<Option<String>>,
    version: Option<u32>,
    revision: Option<Option<u64>>,
    saved_at: Option<Option<String>>,
    data: Option<Plan>,
}

impl<'de> serde::Deserialize<'de> for CurrentEnvelope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = CurrentEnvelope;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a Safety Net document")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                use serde::de::Error;
                let mut e = CurrentEnvelope::default();
                let not_current = || A::Error::custom("not a current document");
                while let Some(key) = map.next_key::<&'de str>()? {
                    match key {
                        "app" if e.app.is_none() => e.app = Some(map.next_value()?),
                        "kind" if e.kind.is_none() => e.kind = Some(map.next_value()?),
                        "version" if e.version.is_none() => e.version = Some(map.next_value()?),
                        "revision" if e.revision.is_none() => e.revision = Some(map.next_value()?),
                        "saved_at" if e.saved_at.is_none() => e.saved_at = Some(map.next_value()?),
                        "data"
                            if e.data.is_none()
                                && e.app.as_deref() == Some(APP)
                                && e.version == Some(CURRENT_VERSION) =>
                        {
                            e.data = Some(map.next_value::<Object<Plan>>()?.0)
                        }
                        _ => return Err(not_current()),
                    }
                }
                Ok(e)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A value that must be a JSON object. (serde's derived readers also take a struct written
/// as an array of its fields; the two-pass reader refuses that for the envelope and the
/// plan, and so does this.)
struct Object<T>(T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Only<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Only<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        d.deserialize_map(Only(std::marker::PhantomData))
    }
}

/// The one-pass read: `None` unless the text is a document of this version, whole, that
/// the two-pass reader would read the same; then the plan, or why it breaks the plan's
/// rules (as the two-pass reader would say, without reading it all again).
pub fn decode_in_one_pass(text: &str) -> Option<Result<Decoded, DecodeError>> {
    read_current(text).map(validated)
}

/// The one pass, without the plan's rules: `None` unless the text is a document of this
/// version, whole, that the two-pass reader would read the same.
fn read_current(text: &str) -> Option<Decoded> {
    let e: CurrentEnvelope = serde_json::from_str(text).ok()?;
    // (The plan was read only after this app's name and this version.)
    let plan = e.data?;
    let (kind, revision, saved_at) =
        match (e.kind.flatten(), e.revision.flatten(), e.saved_at.flatten()) {
            (None, Some(revision), Some(saved_at)) => {
                (Kind::Stored, capped(revision), Some(saved_at))
            }
            (Some(k), None, None) if k == "backup" => (Kind::Backup, 0, None),
            _ => return None,
        };
    Some(Decoded {
        plan,
        kind,
        from_version: CURRENT_VERSION,
        revision,
        saved_at,
    })
}

/// A decoded document, if its plan keeps the plan's rules.
fn validated(d: Decoded) -> Result<Decoded, DecodeError> {
    match d.plan.validate() {
        Ok(()) => Ok(d),
        Err(e) => Err(DecodeError::Invalid(e.to_string())),
    }
}

/// Stored text read a piece at a time (#18): a large plan is copied into wasm memory a
/// window at a time, never whole, so that reading it does not hold its text and its plan
/// at once (wasm memory never shrinks). In the browser the text stays in JavaScript
/// (`storage::browser`); a `String` is one too.
pub trait Source {
    /// Its length, in bytes of UTF-8.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Appends its bytes from `at`, at most `n` of them, to `out`.
    fn copy_to(&self, at: usize, n: usize, out: &mut Vec<u8>);
    /// All of it, as text.
    fn whole(&self) -> String {
        let mut bytes = Vec::with_capacity(self.len());
        self.copy_to(0, self.len(), &mut bytes);
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl Source for String {
    fn len(&self) -> usize {
        str::len(self)
    }
    fn copy_to(&self, at: usize, n: usize, out: &mut Vec<u8>) {
        let bytes = self.as_bytes();
        let from = at.min(bytes.len());
        out.extend_from_slice(&bytes[from..from.saturating_add(n).min(bytes.len())]);
    }
}

/// How much of a [`Source`] a reading takes at a time: 16 KiB (the plan before its
/// check-ins is read from one window, or from a window doubled until it holds it).
pub const WINDOW: usize = 16 * 1024;

/// Some of a [`Source`]'s text, whole characters only: from `at`, then a character cut by
/// the last piece taken, still waiting for the rest of its bytes.
struct Window {
    source: Box<dyn Source>,
    at: usize,
    text: String,
    cut: Vec<u8>,
}

impl Window {
    fn new(source: Box<dyn Source>, at: usize) -> Self {
        Window {
            source,
            at,
            text: String::new(),
            cut: Vec::with_capacity(4),
        }
    }

    /// Where the text taken so far ends in the source.
    fn taken(&self) -> usize {
        self.at + self.text.len() + self.cut.len()
    }

    fn all_taken(&self) -> bool {
        self.taken() >= self.source.len()
    }

    /// Takes more, up to `n` bytes in all (at least one more); false when there is nothing
    /// more (or it is not UTF-8). The window's text keeps its room: one allocation.
    fn more(&mut self, n: usize) -> bool {
        if self.all_taken() {
            return false;
        }
        let from = self.taken();
        let n = n.saturating_sub(self.text.len() + self.cut.len()).max(1);
        self.text.reserve_exact(n + self.cut.len());
        let mut bytes = std::mem::take(&mut self.cut);
        bytes.reserve_exact(n);
        self.source.copy_to(from, n, &mut bytes);
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            // A character cut at the piece's end: the rest of it comes with the next piece.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => return false,
        };
        match std::str::from_utf8(&bytes[..valid]) {
            Ok(whole) => self.text.push_str(whole),
            Err(_) => return false,
        }
        bytes.drain(..valid);
        self.cut = bytes;
        true
    }

    /// Lets go of the text before `from` (where a character begins).
    fn forget_before(&mut self, from: usize) {
        let n = from.saturating_sub(self.at).min(self.text.len());
        if self.text.is_char_boundary(n) {
            self.text.drain(..n);
            self.at += n;
        }
    }

    /// The text from `from` (where a character begins) to the source's end, taken now.
    fn rest_from(&self, from: usize) -> String {
        let mut bytes = Vec::new();
        self.source.copy_to(from, self.source.len(), &mut bytes);
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// A document being read in turns, so that years of check-ins are not one long task that
/// holds the page (#18). [`InTurns::begin`] reads the document up to its first check-in,
/// and no further; each [`InTurns::step`] reads some check-ins from there, one after the
/// other, with serde_json's own reader (of one value at a time); the turn that reads the
/// list's end reads the document once more, this time without its check-ins, so all that
/// comes after them is read too. So no turn passes over all the check-ins (unless many
/// turns are asked for at once, as in a tab in the background, or something is wrong and
/// the whole text is read again the long way).
///
/// The text is taken from its [`Source`] a window at a time: what has been read is let go
/// as the reading goes on, so only the plan before its check-ins, the check-ins read, and
/// a window of text are in memory at once.
///
/// Read to the end, it gives exactly what [`decode`] gives for the same text
/// (tests/import_fuzz.rs checks it on mutated files, with windows of a few bytes): only a
/// document of this version, whole, is read in turns, and anything that goes wrong on the
/// way is read again by [`decode_in_two_passes`], which gives every error its message.
pub struct InTurns {
    window: Window,
    /// How many bytes to take when the window runs out.
    size: usize,
    /// The document before its first check-in (it ends with the list's `[`).
    head: String,
    /// Where the next check-in is in the source.
    next: usize,
    checkins: Vec<super::checkin::CheckIn>,
}

/// What a turn of [`InTurns`] leaves. (A few of these are moved in a reading; the plan is
/// not boxed for them.)
#[allow(clippy::large_enum_variant)]
pub enum Step {
    /// More check-ins to read.
    More(InTurns),
    /// Read: the plan; or why it could not be read, with the whole text (to put aside).
    Done(Result<Decoded, (String, DecodeError)>),
}

thread_local! {
    /// Set while [`InTurns::begin`] reads a document: the text's place in memory, and
    /// where its first check-in is, once found.
    static DEFERRED: std::cell::RefCell<Option<Deferred>> = const { std::cell::RefCell::new(None) };
}

struct Deferred {
    start: usize,
    len: usize,
    first: Option<usize>,
}

impl Deferred {
    /// Notes where `raw`, the first check-in, is (if it is a part of the text: else the
    /// document is read again the long way).
    fn note(&mut self, raw: &str) {
        let at = (raw.as_ptr() as usize).wrapping_sub(self.start);
        if at < self.len && self.first.is_none() {
            self.first = Some(at);
        }
    }
}

/// Clears [`DEFERRED`] however the reading ends.
struct Deferring;

impl Drop for Deferring {
    fn drop(&mut self) {
        DEFERRED.with_borrow_mut(|d| *d = None);
    }
}

/// Reads a plan's check-ins: at once; or, while [`InTurns::begin`] reads, only where the
/// first one is (as JSON text borrowed from the document, which only serde_json's own
/// reader of a whole text gives), and then it stops the reading there.
pub fn read_checkins<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<super::checkin::CheckIn>, D::Error> {
    use serde::Deserialize;
    if DEFERRED.with_borrow(|d| d.is_none()) {
        return Vec::deserialize(d);
    }
    struct First;
    impl<'de> serde::de::Visitor<'de> for First {
        type Value = Vec<super::checkin::CheckIn>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of check-ins")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            use serde::de::Error;
            match seq.next_element::<&'de RawValue>()? {
                // No check-ins: the reading goes on, as at once.
                None => Ok(Vec::new()),
                Some(raw) => {
                    DEFERRED.with_borrow_mut(|d| d.as_mut().map(|d| d.note(raw.get())));
                    Err(A::Error::custom("read in turns"))
                }
            }
        }
    }
    d.deserialize_seq(First)
}

/// How a check-in begins as the app writes it (the date is its first field). In JSON text
/// these bytes begin nothing else: a `"` inside a note or an id is written `\"`.
const CHECKIN_START: &str = "{\"date\":";

/// The fewest bytes a check-in takes as the app writes it, with the `,` or `]` after it:
/// `{"date":"2026-01-01"},`.
const SHORTEST_CHECKIN: usize = 22;

/// How many check-ins the source holds from `from` (its first check-in) on, as the app
/// writes them: room for them all is made at once (a list grown by doubling would hold its
/// old and new room at once). The count is exact for what the app writes; for text written
/// some other way it may be short (then the list grows) or long (what is too much is let
/// go at the end). It is never more than the text could hold as the app writes check-ins,
/// nor than a plan may hold: text made to hurt gets no more room for its size than real
/// check-ins would. The text is counted a window at a time.
fn room_for(source: Box<dyn Source>, from: usize, size: usize) -> (usize, Box<dyn Source>) {
    let cap = (source.len().saturating_sub(from) / SHORTEST_CHECKIN).min(super::plan::MAX_ITEMS);
    let mut scan = Window::new(source, from);
    let mut count = 0;
    while count < cap && scan.more(size) {
        count += scan.text.matches(CHECKIN_START).count();
        // Keep less than a whole start: one cut by the window's end is counted with the
        // next, none twice.
        let mut keep = scan.text.len().saturating_sub(CHECKIN_START.len() - 1);
        while !scan.text.is_char_boundary(keep) {
            keep += 1;
        }
        let at = scan.at + keep;
        scan.forget_before(at);
    }
    (count.min(cap), scan.source)
}

impl InTurns {
    /// Reads `source` up to its first check-in (or all of it, when it is not a document of
    /// this version, whole, or has no check-ins: then it is [`Step::Done`]), taking
    /// [`WINDOW`] bytes at a time.
    pub fn begin(source: Box<dyn Source>) -> Step {
        InTurns::begin_in_windows(source, WINDOW)
    }

    /// As [`InTurns::begin`], taking `size` bytes (at least one) at a time.
    pub fn begin_in_windows(source: Box<dyn Source>, size: usize) -> Step {
        let size = size.max(1);
        let mut window = Window::new(source, 0);
        // Up to the first check-in: from one window, or one doubled until it holds it.
        let mut want = size;
        let first = loop {
            if !window.more(want) && !window.all_taken() {
                return again(window);
            }
            let (current, first) = {
                let _clear = Deferring;
                DEFERRED.with_borrow_mut(|d| {
                    *d = Some(Deferred {
                        start: window.text.as_ptr() as usize,
                        len: window.text.len(),
                        first: None,
                    })
                });
                let current = read_current(&window.text);
                let first = DEFERRED.with_borrow_mut(Option::take).and_then(|d| d.first);
                (current, first)
            };
            match (current, first) {
                // Read to the end, all of it: there are no check-ins.
                (Some(decoded), None) if window.all_taken() && window.cut.is_empty() => {
                    return Step::Done(validated(decoded).map_err(|e| (window.source.whole(), e)));
                }
                (None, Some(first)) => break first,
                // Not all of it yet: what looked whole, or broken, may be the window's end.
                _ if !window.all_taken() => want = want.saturating_mul(2),
                _ => return again(window),
            }
        };
        let head = window.text[..first].to_owned();
        window.forget_before(first);
        let (room, source) = room_for(window.source, first, size);
        window.source = source;
        Step::More(InTurns {
            window,
            size,
            head,
            next: first,
            // With room for a month more: today's check-in does not move the list.
            checkins: Vec::with_capacity(room + super::checkin::ROOM_AHEAD),
        })
    }

    /// Reads up to `n` more check-ins.
    pub fn step(mut self, n: usize) -> Step {
        let mut read = 0;
        while read < n {
            // (`next` is where a check-in begins, in the window: the window is let go of
            // only before it.)
            let Some(rest) = self.window.text.get(self.next - self.window.at..) else {
                return self.again();
            };
            let mut one = serde_json::Deserializer::from_str(rest).into_iter();
            let more = match one.next() {
                Some(Ok(c)) if self.checkins.len() < super::plan::MAX_ITEMS => {
                    // Then, as serde_json reads a list: white space, and a comma or the
                    // list's end.
                    let after = &rest[one.byte_offset()..];
                    let sign = after.trim_start_matches([' ', '\n', '\t', '\r']);
                    let at = self.window.at + self.window.text.len() - sign.len();
                    match sign.as_bytes().first() {
                        Some(b',') => {
                            self.checkins.push(c);
                            self.next = at + 1;
                            read += 1;
                            false
                        }
                        Some(b']') => {
                            self.checkins.push(c);
                            return self.end(at);
                        }
                        None => true,
                        Some(_) => return self.again(),
                    }
                }
                Some(Err(e)) if e.is_eof() => true,
                None => true,
                _ => return self.again(),
            };
            // The window ends inside this check-in, or before what follows it: take more.
            if more {
                self.window.forget_before(self.next);
                // (A check-in longer than the window, a long note: the window doubles.)
                let want = self.size.max(2 * self.window.text.len());
                if !self.window.more(want) {
                    return self.again();
                }
            }
        }
        Step::More(self)
    }

    /// The list's end is at `end`: reads the document without its check-ins (all the rest
    /// of it), and gives it the check-ins read.
    fn end(mut self, end: usize) -> Step {
        let without = [self.head.as_str(), &self.window.rest_from(end)].concat();
        match read_current(&without) {
            Some(mut decoded) if decoded.plan.checkins.is_empty() => {
                drop(without);
                // (Room made for more than were read, for text not as the app writes it:
                // let go, but for the month ahead.)
                self.checkins
                    .shrink_to(self.checkins.len() + super::checkin::ROOM_AHEAD);
                decoded.plan.checkins = self.checkins;
                Step::Done(validated(decoded).map_err(|e| (self.window.source.whole(), e)))
            }
            _ => self.again(),
        }
    }

    /// Reads the whole text again, the long way (its check-ins read so far let go first).
    fn again(self) -> Step {
        drop(self.checkins);
        again(self.window)
    }

    /// How many check-ins are read.
    pub fn read(&self) -> usize {
        self.checkins.len()
    }
}

/// The whole text read by [`decode_in_two_passes`].
fn again(window: Window) -> Step {
    let Window {
        source, text, cut, ..
    } = window;
    // (The window let go first: it may be most of the text, doubled to hold the plan
    // before its check-ins, as for a plan of an older version.)
    drop((text, cut));
    let text = source.whole();
    drop(source);
    Step::Done(decode_in_two_passes(&text).map_err(|e| (text, e)))
}

/// Reads `text` in turns of `n` check-ins (at least one), taking `size` bytes at a time,
/// all at once: the same as [`decode`].
pub fn decode_in_turns(text: &str, n: usize, size: usize) -> Result<Decoded, DecodeError> {
    let mut step = InTurns::begin_in_windows(Box::new(text.to_owned()), size);
    loop {
        match step {
            Step::More(t) => step = t.step(n.max(1)),
            Step::Done(result) => return result.map_err(|(_, e)| e),
        }
    }
}

/// [`decode`] the long way: the envelope first, its plan left as unparsed JSON text; then
/// the plan, parsed straight into its types (after migrating an old version), once the
/// envelope says what it is. Every problem gets its own message here.
pub fn decode_in_two_passes(text: &str) -> Result<Decoded, DecodeError> {
    decode_with(text, read_plan)
}

/// [`decode`], but a problem in the plan names its place (`plan.people[0].name: …`).
///
/// Tracking the place is a second copy of the plan's whole reader (measured: 18 KB gzip of
/// the first load), so the app calls this only after [`decode`] has failed, from views in
/// chunks of their own (src/components/problem.rs), to say where.
pub fn decode_placed(text: &str) -> Result<Decoded, DecodeError> {
    decode_with(text, read_plan_placed)
}

fn decode_with(
    text: &str,
    read_plan: impl Fn(&str) -> Result<Plan, DecodeError>,
) -> Result<Decoded, DecodeError> {
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return Err(DecodeError::NotSafetyNet)
        }
        Err(e) => return Err(DecodeError::NotJson(message(&e))),
    };
    if field::<String>(top.get("app")).as_deref() != Some(APP) {
        return Err(DecodeError::NotSafetyNet);
    }
    if let Some(k) = top.keys().find(|k| !ENVELOPE.contains(&k.as_str())) {
        return Err(DecodeError::Invalid(tr!(
            settings.errors.unknown_field,
            name = k.chars().take(40).collect::<String>()
        )));
    }
    let is_null = |k: &str| top.get(k).is_none_or(|v| v.get() == "null");
    let kind = if is_null("kind") {
        Kind::Stored
    } else if field::<String>(top.get("kind")).as_deref() == Some("backup") {
        Kind::Backup
    } else {
        return Err(DecodeError::NotSafetyNet);
    };
    let version = field::<u32>(top.get("version"))
        .filter(|v| *v >= 1)
        .ok_or_else(|| DecodeError::Invalid(tr!(settings.errors.no_version).into()))?;
    if version > CURRENT_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    let (revision, saved_at) = match kind {
        Kind::Stored => {
            let revision = field::<u64>(top.get("revision"))
                .map(capped)
                .ok_or_else(|| DecodeError::Invalid(tr!(settings.errors.no_revision).into()))?;
            let saved_at = field::<String>(top.get("saved_at"))
                .ok_or_else(|| DecodeError::Invalid(tr!(settings.errors.no_save_time).into()))?;
            (revision, Some(saved_at))
        }
        Kind::Backup => {
            if !is_null("revision") || !is_null("saved_at") {
                return Err(DecodeError::Invalid(
                    tr!(settings.errors.backup_revision).into(),
                ));
            }
            (0, None)
        }
    };
    let data = match top.get("data") {
        None => return Err(DecodeError::Invalid(tr!(settings.errors.no_plan).into())),
        Some(v) if v.get() == "null" => {
            return Err(DecodeError::Invalid(tr!(settings.errors.no_plan).into()))
        }
        Some(v) if !v.get().starts_with('{') => {
            return Err(DecodeError::Invalid(tr!(settings.errors.not_object).into()))
        }
        Some(v) => v.get(),
    };
    let plan = if version == CURRENT_VERSION {
        read_plan(data)?
    } else {
        // Migrated data is written out and read like current data: one reader of the plan
        // in the download, not a second one for JSON values.
        let value: Value =
            serde_json::from_str(data).map_err(|e| DecodeError::NotJson(message(&e)))?;
        let migrated = serde_json::to_string(&migrate(version, value)?)
            .map_err(|e| DecodeError::Migration(version, message(&e)))?;
        read_plan(&migrated)?
    };
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
    fn a_check_in_is_written_without_what_was_left_unanswered() {
        use crate::domain::checkin::CheckIn;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        let empty = CheckIn::new(day);
        let text = serde_json::to_string(&empty).expect("writes");
        assert_eq!(text, r#"{"date":"2026-01-01"}"#);
        assert_eq!(serde_json::from_str::<CheckIn>(&text).ok(), Some(empty));
        // What an older build wrote, every field named, reads the same.
        let old = r#"{"date":"2026-01-01","mood":null,"craving":null,"stress":null,"sleep_minutes":null,"medications_taken":[],"went_to_meeting":false,"contacted_support":false,"triggers":[],"warning_signs":[],"coping_used":[],"note":""}"#;
        assert_eq!(
            serde_json::from_str::<CheckIn>(old).ok(),
            Some(CheckIn::new(day))
        );
        // An answer at a scale's low end is not taken for no answer: 0 is written.
        let mut zero = CheckIn::new(day);
        zero.craving = Some(0);
        let text = serde_json::to_string(&zero).expect("writes");
        assert_eq!(text, r#"{"date":"2026-01-01","craving":0}"#);
        assert_eq!(serde_json::from_str::<CheckIn>(&text).ok(), Some(zero));
    }

    #[test]
    fn room_is_made_for_exactly_the_check_ins_written() {
        use crate::domain::checkin::CheckIn;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        let mut plan = Plan::default();
        for (i, note) in [
            "",
            r#"{"date":"2026-01-01"}"#,
            "{\"date\":",
            "a\n{\"date\":1}",
        ]
        .into_iter()
        .enumerate()
        {
            let mut c = CheckIn::new(day + chrono::Days::new(i as u64));
            c.note = note.to_string();
            plan.checkins.push(c);
        }
        let text = encode_stored(&plan, 1, "2026-11-23T10:00:00Z").expect("encodes");
        let first = text.find(r#""checkins":["#).expect("a list") + r#""checkins":["#.len();
        // Counted a window at a time, whatever the window's size: a start cut by a window's
        // end is counted once.
        let room = |text: &str, from: usize, size: usize| {
            room_for(Box::new(text.to_owned()), from, size).0
        };
        for size in [1, 2, 3, 7, 8, 9, 64, WINDOW] {
            assert_eq!(
                room(&text, first, size),
                plan.checkins.len(),
                "windows of {size}"
            );
            assert_eq!(room("", 0, size), 0);
            // Cut inside a character (the notes in Spanish, say).
            let accents = format!("{}{}", CHECKIN_START, "ñé".repeat(4)).repeat(100);
            assert_eq!(room(&accents, 0, size), 100, "windows of {size}");
        }
        // The shortest, many: exact. Text made to hurt (the start of a check-in over and
        // over): no more room than its length would hold in real check-ins.
        let shortest = r#"{"date":"2026-01-01"}"#;
        assert_eq!(shortest.len() + 1, SHORTEST_CHECKIN);
        let many = vec![shortest; 1000].join(",") + "]";
        assert_eq!(room(&many, 0, WINDOW), 1000);
        let hostile = CHECKIN_START.repeat(10_000);
        assert_eq!(room(&hostile, 0, WINDOW), hostile.len() / SHORTEST_CHECKIN);
        assert_eq!(room(&hostile, 0, 5), hostile.len() / SHORTEST_CHECKIN);
    }

    /// A check-in longer than the window (a long note) is read: the window doubles for it,
    /// rather than growing a byte at a time.
    #[test]
    fn a_check_in_longer_than_the_window_is_read() {
        use crate::domain::checkin::CheckIn;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        let mut plan = Plan::default();
        for i in 0..3 {
            let mut c = CheckIn::new(day + chrono::Days::new(i));
            c.note = "ñé, ".repeat(50_000 * i as usize);
            plan.checkins.push(c);
        }
        let text = encode_stored(&plan, 1, "2026-11-23T10:00:00Z").expect("encodes");
        for size in [64, WINDOW] {
            let read = decode_in_turns(&text, 1, size).expect("reads");
            assert_eq!(read.plan, plan);
        }
    }

    /// A window takes whole characters only, whatever the size asked for, and lets go of what
    /// was read.
    #[test]
    fn a_window_takes_whole_characters() {
        let text = "añb€c😀d".to_string();
        for size in 1..=text.len() {
            let mut w = Window::new(Box::new(text.clone()), 0);
            while w.more(size) {
                assert!(w.text.len() + w.cut.len() <= text.len());
            }
            assert_eq!(w.text, text);
            assert!(w.cut.is_empty() && w.all_taken());
            w.forget_before(3);
            assert_eq!((w.at, w.text.as_str()), (3, "b€c😀d"));
            assert_eq!(w.rest_from(4), "€c😀d");
        }
    }

    #[test]
    fn migrations_cover_every_past_version() {
        assert_eq!(MIGRATIONS.len() as u32, CURRENT_VERSION - 1);
    }

    #[test]
    fn stored_round_trip() {
        let plan = Plan::default();
        let s = encode_stored(&plan, 7, "2026-11-23T10:00:00Z").expect("encodes");
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
                "plan.people[0].pets: unknown field `pets`",
            ),
            (
                r#"{"people":[{"id":"a","name":7,"role":"sponsor","phone":"1","call_in_crisis":true,"best_times":"","crisis_message":"","notes":""}]}"#,
                "plan.people[0].name: invalid type: integer `7`, expected a string",
            ),
            (
                r#"{"naloxone_kits":[{"id":"k","kind":"nasal_spray","expires":null,"doses":2,"who_knows":"","others_trained":false,"notes":""}]}"#,
                "plan.naloxone_kits[0]: missing field `location`",
            ),
            (
                r#"{"reviews":["2026-13-01"]}"#,
                r#"plan.reviews[0]: expected a date like 2026-11-23, found "2026-13-01""#,
            ),
            (
                r#"{"settings":{"review_every_days":-3}}"#,
                "plan.settings.review_every_days: invalid value: integer `-3`, expected u16",
            ),
            (r#"{"relapse":{"coping":[{"id":"c","text":"walk"}]}}"#, ""),
        ];
        for (data, want) in cases {
            // The quick reader finds the same problems, without their place.
            let quick = decode(&doc(data)).map(|d| d.plan);
            match (&quick, want.split_once(": ")) {
                (Err(DecodeError::Invalid(e)), Some((_, what))) => {
                    assert!(e.starts_with(what), "{e} / {what}")
                }
                (Ok(_), None) if want.is_empty() => {}
                other => panic!("{other:?}"),
            }
            match decode_placed(&doc(data)) {
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
