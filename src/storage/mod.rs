//! Persistence that never loses a plan. The only code that touches the browser's storage
//! is [`browser`]; everything else here is generic over [`KeyValueStore`] so that its
//! decisions (quarantine, verified writes, conflicts between tabs) are tested natively.
//!
//! Rules:
//! - one document under [`PLAN_KEY`], in the versioned envelope of [`crate::domain::schema`];
//! - what does not decode is copied to a quarantine key and left where it was; the app
//!   shows a recovery screen and writes nothing until the person chooses what to do;
//! - a write is called saved only after it has been read back identical;
//! - a failed write (quota) leaves the last good copy as it was;
//! - before writing, the stored copy must be the one this tab last read or wrote;
//!   otherwise another tab changed it and the person is asked (never a silent overwrite).
//!   This tab keeps no copy of it for that (with years of check-ins it would be a
//!   megabyte of wasm memory for good, which never shrinks), only its [`Stamp`].

pub mod browser;
pub mod memory;

use crate::domain::schema::{self, Decoded};
use crate::domain::Plan;
use std::cell::{Cell, RefCell};

pub const PLAN_KEY: &str = "safety-net:plan";
/// Written when a tab locks, so every other tab locks too (its `storage` event).
pub const LOCK_SIGNAL_KEY: &str = "safety-net:lock-now";
/// Wrong passcodes in a row and when the next try is allowed (nothing personal).
pub const ATTEMPTS_KEY: &str = "safety-net:unlock-attempts";
/// Only when the person chose it: their crisis contacts, readable while the plan is locked.
pub const OPEN_CONTACTS_KEY: &str = "safety-net:crisis-contacts";
/// The language chosen on this device (src/lang.rs); not in the plan or its backups.
pub const LANG_KEY: &str = "safety-net:lang";
pub const QUARANTINE_PREFIX: &str = "safety-net:quarantine:";
/// Every key the app owns starts with this.
pub const KEY_PREFIX: &str = "safety-net:";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Storage is switched off or not available (private mode, blocked by settings).
    Unavailable(String),
    /// The browser's storage for this app is full.
    QuotaExceeded,
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(e) => {
                f.write_str(&tr!(settings.errors.store_unavailable, error = e))
            }
            StoreError::QuotaExceeded => f.write_str(tr!(settings.errors.store_full)),
            StoreError::Failed(e) => f.write_str(&tr!(settings.errors.store_failed, error = e)),
        }
    }
}

/// A string key–value store: the browser's localStorage, or memory in tests.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// Whether what is stored under `key` is still the value stamped `expected` (what this
    /// store last read or wrote there; `None`: nothing). A store may answer without copying
    /// the whole value out.
    fn unchanged(&self, key: &str, expected: Option<Stamp>) -> Result<bool, StoreError> {
        Ok(self.get(key)?.as_deref().map(Stamp::of) == expected)
    }

    /// Reads a value with its [`Stamp`] (a store that stamps what it reads gives its own,
    /// so a large plan's text is hashed once).
    fn get_stamped(&self, key: &str) -> Result<Option<(String, Stamp)>, StoreError> {
        Ok(self.get(key)?.map(|v| {
            let stamp = Stamp::of(&v);
            (v, stamp)
        }))
    }

    /// Reads a value as [`KeyValueStore::get_stamped`] does, in two halves, so a large one
    /// read at start-up is not one long task: this half takes it from the store, and
    /// [`Taking::take`], in a later turn, gives it (as text, or in pieces) and its stamp. A store that cannot
    /// split the work does it all in this half.
    fn take(&self, key: &str) -> Result<Option<Taking>, StoreError> {
        Ok(self
            .get_stamped(key)?
            .map(|(text, stamp)| Taking::new(text.len(), move || Ok(Some((text, stamp))))))
    }

    /// Whether the value stored under `key` begins with `prefix` (`None`: nothing is stored),
    /// without reading it into wasm memory.
    fn starts_with(&self, key: &str, prefix: &str) -> Result<Option<bool>, StoreError> {
        Ok(self.peek(key)?.map(|v| v.starts_with(prefix)))
    }

    /// Reads a value without this store taking it as the one it last read (a store that
    /// remembers values for [`KeyValueStore::unchanged`] keeps what it had): for a look at
    /// the stored plan that is not the repository's own read, such as the lock's keys.
    fn peek(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.get(key)
    }

    /// Writes `value` and reads it back. When what came back is what was written, gives the
    /// value's [`Stamp`] (a store that stamps what it writes gives its own, so a saved plan's
    /// text is hashed once); `None` when it is not.
    fn set_verified(&self, key: &str, value: &str) -> Result<Option<Stamp>, StoreError> {
        self.set(key, value)?;
        Ok((self.get(key)?.as_deref() == Some(value)).then(|| Stamp::of(value)))
    }

    /// As [`KeyValueStore::set_verified`], the value made a piece at a time by `make`, which
    /// gives each piece to the function it is handed: a store may put the pieces together
    /// outside wasm memory (#18: a large plan's text is then never whole in it). When `make`
    /// fails, nothing is written.
    fn set_verified_pieces<E>(
        &self,
        key: &str,
        make: impl FnOnce(&mut dyn FnMut(&str)) -> Result<(), E>,
    ) -> Result<Result<Option<Stamp>, StoreError>, E> {
        let mut value = String::new();
        make(&mut |piece| value.push_str(piece))?;
        Ok(self.set_verified(key, &value))
    }
}

/// A value half read ([`KeyValueStore::take`]).
pub struct Taking {
    size: usize,
    rest: Box<dyn FnOnce() -> StampedTake>,
}

/// A value with its stamp, nothing stored, or the store's error.
pub type StampedRead = Result<Option<(String, Stamp)>, StoreError>;

/// As [`StampedRead`], the value as text or still in the store's hands.
pub type StampedTake = Result<Option<(Taken, Stamp)>, StoreError>;

/// A value taken from a store: its text; or a [`schema::Source`] to take it from a piece at
/// a time (the browser's, which keeps the text in JavaScript).
pub enum Taken {
    Text(String),
    Pieces(Box<dyn schema::Source>),
}

impl Taken {
    pub fn into_text(self) -> String {
        match self {
            Taken::Text(text) => text,
            Taken::Pieces(source) => source.whole(),
        }
    }
}

impl Taking {
    /// `size`: how large the value is, in bytes of UTF-8; `rest`: the other half of the
    /// reading.
    pub fn new(size: usize, rest: impl FnOnce() -> StampedRead + 'static) -> Self {
        Taking::in_pieces(size, move || {
            rest().map(|read| read.map(|(text, stamp)| (Taken::Text(text), stamp)))
        })
    }

    /// As [`Taking::new`], the other half giving the value as it is taken.
    pub fn in_pieces(size: usize, rest: impl FnOnce() -> StampedTake + 'static) -> Self {
        Taking {
            size,
            rest: Box::new(rest),
        }
    }

    /// The value as taken, and its stamp.
    pub fn take(self) -> StampedTake {
        (self.rest)()
    }
}

/// What this tab knows of a stored value without keeping a copy of it: its length in bytes,
/// a 64-bit hash of its text and whether it is sealed by the lock. Two tabs' different
/// plans of the same length are told apart by the hash (and, in the browser, by comparing
/// the JavaScript strings themselves: `storage::browser`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: usize,
    pub hash: u64,
    pub sealed: bool,
}

impl Stamp {
    /// The standard library's hasher (SipHash-1-3 with fixed keys): 64 bits on every target,
    /// wasm32 included (rustc-hash's FxHasher, for one, is 32 bits there). It names a value;
    /// it is not a security hash.
    pub fn of(text: &str) -> Stamp {
        let mut s = Stamping::default();
        s.add(text.as_bytes());
        s.stamp()
    }

    /// The stamp of a [`schema::Source`]'s text, taken a window at a time.
    pub fn of_source(source: &dyn schema::Source) -> Stamp {
        let mut s = Stamping::default();
        let mut piece = Vec::with_capacity(schema::WINDOW);
        let mut at = 0;
        while at < source.len() {
            piece.clear();
            source.copy_to(at, schema::WINDOW, &mut piece);
            if piece.is_empty() {
                break;
            }
            s.add(&piece);
            at += piece.len();
        }
        s.stamp()
    }
}

/// A [`Stamp`] made as a text goes by, a piece at a time: the same as [`Stamp::of`] the
/// whole text (the hasher reads bytes as a stream, wherever they are cut).
#[derive(Default)]
pub struct Stamping {
    hasher: std::hash::DefaultHasher,
    len: usize,
    /// The text's first bytes, as far as [`SEALED_PREFIX`] goes.
    start: Vec<u8>,
}

impl Stamping {
    pub fn add(&mut self, bytes: &[u8]) {
        use std::hash::Hasher;
        self.hasher.write(bytes);
        self.len += bytes.len();
        let wanted = SEALED_PREFIX.len().saturating_sub(self.start.len());
        self.start
            .extend_from_slice(&bytes[..wanted.min(bytes.len())]);
    }

    pub fn stamp(&self) -> Stamp {
        use std::hash::Hasher;
        Stamp {
            len: self.len,
            hash: self.hasher.finish(),
            sealed: self.start == SEALED_PREFIX.as_bytes(),
        }
    }
}

/// Turns the JSON document into what is stored and back: plain, or sealed with the lock's
/// keys ([`LockCodec`]).
///
/// A stored text that does not begin with [`SEALED_PREFIX`] is plain for every codec: it is
/// read as it is (so a large one can be read a piece at a time, without the codec).
pub trait Codec {
    fn encode(&self, plain: String) -> Result<String, String>;
    /// Whether [`Codec::encode`] changes the text (else a plan is saved a piece at a time,
    /// as it is).
    fn seals(&self) -> bool {
        false
    }
    /// The plain text of what is stored: borrowed when it is stored plain, so a large plan
    /// is not copied on every read.
    fn decode<'a>(&self, stored: &'a str) -> Result<std::borrow::Cow<'a, str>, String>;
    /// Whether what is stored is locked and this codec has no keys for it: the person must
    /// unlock it first (it is not damaged).
    fn locked(&self, _stored: &str) -> bool {
        false
    }
}

/// The lock's codec: plain until the person turns the lock on or unlocks, then every save
/// is sealed with the keys held in memory (never stored), and every read opened with them.
#[derive(Default)]
pub struct LockCodec {
    keys: RefCell<Option<Box<dyn Sealer>>>,
}

/// The keys the lock's codec holds, reached only through this trait (#18). Keys are only
/// ever made or given to the codec in chunks (unlocking; Settings: the lock on or off, a
/// new passcode, a locked backup; the import on the lock and recovery screens), and it is
/// there that they become a `dyn Sealer` ([`LockCodec::set`]): so the cipher, base64 and the
/// sealed form's reader are in those chunks, not in the first load, which only calls them
/// through the keys it is given. (Today, Get help and the overdose steps never fetch them.)
pub trait Sealer {
    /// The plan's JSON text, sealed as the stored plan is.
    fn seal(&self, plain: &str) -> Result<String, String>;
    /// A sealed text opened with these keys: the plan's JSON.
    fn open(&self, sealed: &str) -> Result<String, String>;
    /// Whether a sealed text was wrapped by these keys ([`crate::domain::lock::Keys::wrapped_as`]).
    fn wrapped_as(&self, sealed: &str) -> bool;
}

impl Sealer for crate::domain::lock::Keys {
    fn seal(&self, plain: &str) -> Result<String, String> {
        crate::domain::lock::Keys::seal(
            self,
            plain,
            crate::domain::lock::SealedKind::Locked,
            &mut random,
        )
        .map_err(|e| e.to_string())
    }
    fn open(&self, sealed: &str) -> Result<String, String> {
        self.open_with(sealed).map_err(|e| e.to_string())
    }
    fn wrapped_as(&self, sealed: &str) -> bool {
        crate::domain::lock::Keys::wrapped_as(self, sealed)
    }
}

/// How a stored sealed plan begins (the app writes it so): read without parsing it all.
pub const SEALED_PREFIX: &str = "{\"app\":\"safety-net\",\"kind\":\"locked\"";

impl LockCodec {
    /// Holds `keys` (or none), and gives back the keys held before. Only ever called from
    /// chunks, never from first-load code, not even with `None` (use [`LockCodec::forget`]):
    /// its body turns `Keys` into a `dyn Sealer`, which brings the cipher with it.
    pub fn set(&self, keys: Option<crate::domain::lock::Keys>) -> Option<Box<dyn Sealer>> {
        self.swap(keys.map(|k| Box::new(k) as Box<dyn Sealer>))
    }

    /// Holds keys given back by [`LockCodec::set`] (a lock change that did not save), and
    /// gives back those held before: keys are moved back, never copied.
    pub fn swap(&self, keys: Option<Box<dyn Sealer>>) -> Option<Box<dyn Sealer>> {
        self.keys.replace(keys)
    }

    /// Lets the keys go (the plan is put away, or the lock was turned off elsewhere).
    pub fn forget(&self) {
        self.keys.replace(None);
    }

    pub fn is_on(&self) -> bool {
        self.keys.borrow().is_some()
    }

    /// `plain` sealed with the keys held (`None` with no keys).
    pub fn seal(&self, plain: &str) -> Option<Result<String, String>> {
        self.keys.borrow().as_ref().map(|k| k.seal(plain))
    }

    /// A sealed text opened with the keys held (`None` with no keys).
    pub fn open(&self, sealed: &str) -> Option<Result<String, String>> {
        self.keys.borrow().as_ref().map(|k| k.open(sealed))
    }
}

/// Fills `buf` from the browser's (or the system's) cryptographic random source.
pub fn random(buf: &mut [u8]) {
    if getrandom::getrandom(buf).is_err() {
        // No random source at all: zeros, which the lock refuses to use (lock::fill).
        buf.iter_mut().for_each(|b| *b = 0);
    }
}

impl Codec for LockCodec {
    fn seals(&self) -> bool {
        self.is_on()
    }
    fn encode(&self, plain: String) -> Result<String, String> {
        match self.seal(&plain) {
            Some(sealed) => sealed,
            // No keys: the lock is off, and the plan is stored as it is.
            None => Ok(plain),
        }
    }
    fn decode<'a>(&self, stored: &'a str) -> Result<std::borrow::Cow<'a, str>, String> {
        if !stored.starts_with(SEALED_PREFIX) {
            // Plain (the lock is off, or was turned off in another tab).
            return Ok(stored.into());
        }
        match self.open(stored) {
            Some(opened) => opened.map(Into::into),
            None => Err(tr!(settings.errors.plan_locked).into()),
        }
    }
    fn locked(&self, stored: &str) -> bool {
        // Sealed, and no keys here, or keys another tab has since changed (a new passcode):
        // the person unlocks again rather than this tab writing the old wrapping back.
        stored.starts_with(SEALED_PREFIX)
            && !self
                .keys
                .borrow()
                .as_ref()
                .is_some_and(|k| k.wrapped_as(stored))
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PlainCodec;

impl Codec for PlainCodec {
    fn encode(&self, plain: String) -> Result<String, String> {
        Ok(plain)
    }
    fn decode<'a>(&self, stored: &'a str) -> Result<std::borrow::Cow<'a, str>, String> {
        Ok(stored.into())
    }
}

/// Stored data that could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// Exactly what is stored, for the person to download.
    pub raw: String,
    /// Why it could not be opened, in words for the person.
    pub reason: String,
    /// Where a copy was put aside (`None` if even that could not be written).
    pub quarantine_key: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet: a first launch.
    Empty,
    /// The plan is locked: the person's passcode opens it.
    Locked,
    Loaded(Box<Decoded>),
    Damaged(Damaged),
    /// Storage cannot be read at all.
    Unavailable(StoreError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab or window saved since this one last read. Nothing was written.
    Conflict,
    /// The stored plan could not be opened; nothing is written over it until the person
    /// chooses (then [`Repository::save_over`]).
    Damaged,
    /// Nothing was written; the last good copy is as it was.
    Store(StoreError),
    /// The write seemed to succeed but reading it back gave something else.
    NotVerified,
    Codec(String),
    /// The stored plan is locked with a passcode this tab does not hold (another tab turned
    /// the lock on, or changed the passcode): nothing is written over it.
    Locked,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Conflict => f.write_str(tr!(settings.errors.save_conflict)),
            SaveError::Damaged => f.write_str(tr!(settings.errors.save_damaged)),
            SaveError::Store(e) => e.fmt(f),
            SaveError::NotVerified => f.write_str(tr!(settings.errors.not_verified)),
            SaveError::Codec(e) => f.write_str(&tr!(settings.errors.codec, error = e)),
            SaveError::Locked => f.write_str(tr!(settings.errors.locked_elsewhere)),
        }
    }
}

/// A successful, verified save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub revision: u64,
    /// Bytes written (UTF-8).
    pub bytes: usize,
}

/// A copy of damaged data that was put aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantinedCopy {
    pub key: String,
    pub raw: String,
}

/// A stored plan being read in turns: [`Repository::go_on`] reads on.
pub struct Reading {
    turns: Turns,
}

enum Turns {
    /// The stored text, half taken from the browser; the next turn takes the rest of it.
    Taking(Taking),
    /// The stored text (or where to take it from, a piece at a time); the next turn reads
    /// it up to its first check-in.
    Text(Stamp, Box<dyn schema::Source>),
    Begun(Stamp, Box<schema::InTurns>),
}

impl Reading {
    /// How many check-ins are read (`None` before the first is found).
    pub fn checkins_read(&self) -> Option<usize> {
        match &self.turns {
            Turns::Taking(_) | Turns::Text(..) => None,
            Turns::Begun(_, t) => Some(t.read()),
        }
    }
}

/// A stored plan up to this size is read at once, not in turns (at 4× CPU slowdown, about
/// 5 ms).
const READ_AT_ONCE: usize = 64 * 1024;

/// What reading a stored plan without the plan's reader finds. (Never so in the app, which
/// gives the reader before it reads a stored plan: nothing is taken as damaged for it.)
fn no_reader() -> LoadOutcome {
    LoadOutcome::Unavailable(StoreError::Failed(
        tr!(settings.errors.reader_missing).into(),
    ))
}

/// How far [`Repository::open`] got.
pub enum Opening {
    /// Read (or found empty, locked, damaged or unavailable).
    Done(LoadOutcome),
    /// Its text still to take from the store, or check-ins still to read.
    Reading(Reading),
}

/// The plan's repository: load, verified save, quarantine.
pub struct Repository<S: KeyValueStore, C: Codec = PlainCodec> {
    store: S,
    codec: C,
    /// The stamp of what this tab last read or wrote under [`PLAN_KEY`] (`None`: nothing
    /// there).
    base: Cell<Option<Stamp>>,
    revision: Cell<u64>,
    /// When the plan was last saved (as stored, ISO 8601 UTC), by any tab.
    saved_at: RefCell<Option<String>>,
    /// Set when the stored data could not be opened: plain saves are refused.
    damaged: Cell<bool>,
    /// The plan's reader ([`schema::PlanReader`]): in the browser, given once its chunk has
    /// arrived ([`Repository::awaiting_reader`]).
    reader: Cell<Option<&'static dyn schema::PlanReader>>,
}

impl<S: KeyValueStore> Repository<S, PlainCodec> {
    pub fn new(store: S) -> Self {
        Repository::with_codec(store, PlainCodec)
    }
}

impl<S: KeyValueStore, C: Codec> Repository<S, C> {
    pub fn with_codec(store: S, codec: C) -> Self {
        let repo = Repository::awaiting_reader(store, codec);
        repo.reader.set(Some(&schema::Reader));
        repo
    }

    /// A repository that cannot read a stored plan until it is given the plan's reader
    /// ([`Repository::give_reader`]); until then, it says so instead of reading
    /// ([`Repository::needs_reader`]). The app's first load holds one, so that the reader is
    /// in a chunk of its own.
    pub fn awaiting_reader(store: S, codec: C) -> Self {
        Repository {
            store,
            codec,
            base: Cell::new(None),
            revision: Cell::new(0),
            saved_at: RefCell::new(None),
            damaged: Cell::new(false),
            reader: Cell::new(None),
        }
    }

    pub fn give_reader(&self, reader: &'static dyn schema::PlanReader) {
        self.reader.set(Some(reader));
    }

    /// The plan's reader, once given.
    pub fn reader(&self) -> Option<&'static dyn schema::PlanReader> {
        self.reader.get()
    }

    /// Whether reading the store now needs the plan's reader, not yet given: a plan is
    /// stored, plain, or sealed with keys here to open it. With none stored, reading finds
    /// it empty without the reader; with storage that cannot be read, it finds that; and a
    /// plan sealed by the lock, with no keys here, it finds locked (the lock screen, with
    /// the person's crisis contacts, never waits for the reader).
    pub fn needs_reader(&self) -> bool {
        self.reader.get().is_none()
            && match self.store.starts_with(PLAN_KEY, SEALED_PREFIX) {
                Ok(Some(false)) => true,
                // Sealed: with keys here that open it (not keys another tab has since
                // changed: then it is locked again, and read without the reader).
                Ok(Some(true)) => {
                    self.codec.seals()
                        && matches!(self.store.peek(PLAN_KEY), Ok(Some(raw)) if !self.codec.locked(&raw))
                }
                // (Nothing stored, or storage that cannot be read: nothing to read with it.)
                _ => false,
            }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn codec(&self) -> &C {
        &self.codec
    }

    pub fn revision(&self) -> u64 {
        self.revision.get()
    }

    /// Whether what this tab last read or wrote is sealed (the lock is on), without reading
    /// storage again.
    pub fn base_is_sealed(&self) -> bool {
        self.base.get().is_some_and(|b| b.sealed)
    }

    /// When the plan was last saved, as stored ("2026-12-01T16:44:26.000Z").
    pub fn saved_at(&self) -> Option<String> {
        self.saved_at.borrow().clone()
    }

    /// Reads the plan, all at once (as [`Repository::open`] and [`Repository::go_on`] read
    /// it, every turn in one: a large plan stored plain is read a window at a time, so
    /// reading another tab's save does not hold its text, this tab's plan and the new one
    /// at once). Damaged data is quarantined (copied aside) and left in place.
    pub fn load(&self) -> LoadOutcome {
        let mut opening = self.open();
        loop {
            match opening {
                Opening::Done(outcome) => return outcome,
                Opening::Reading(reading) => opening = self.go_on(reading, usize::MAX),
            }
        }
    }

    /// Begins reading the plan, as [`Repository::load`] does; a plan over 64 KiB is taken
    /// from the store in turns ([`Repository::go_on`]), and one stored plain is read in
    /// turns too, so years of check-ins are not one long task.
    pub fn open(&self) -> Opening {
        match self.store.take(PLAN_KEY) {
            // A large plan: taking its text from the browser is two turns of its own.
            Ok(Some(taking)) if taking.size > READ_AT_ONCE => Opening::Reading(Reading {
                turns: Turns::Taking(taking),
            }),
            Ok(Some(taking)) => self.taken(taking.take()),
            Ok(None) => self.taken(Ok(None)),
            Err(e) => self.taken(Err(e)),
        }
    }

    /// What to do with the stored text: a plan stored plain, over 64 KiB, is read in the
    /// turns that follow; anything else at once.
    fn taken(&self, read: StampedTake) -> Opening {
        let read = match read {
            // Plain (not sealed, so every codec reads it as it is) and large: read in turns
            // from the store's pieces, never copied whole.
            Ok(Some((Taken::Pieces(source), stamp)))
                if !stamp.sealed && source.len() > READ_AT_ONCE =>
            {
                return Opening::Reading(Reading {
                    turns: Turns::Text(stamp, source),
                });
            }
            read => read.map(|read| read.map(|(taken, stamp)| (taken.into_text(), stamp))),
        };
        let (raw, stamp) = match self.stored(read) {
            Ok(read) => read,
            Err(outcome) => return Opening::Done(outcome),
        };
        // Plain: what is stored is the document itself.
        if stamp.sealed
            || raw.len() <= READ_AT_ONCE
            || !matches!(self.codec.decode(&raw), Ok(std::borrow::Cow::Borrowed(_)))
        {
            return Opening::Done(self.read_at_once(raw, stamp));
        }
        Opening::Reading(Reading {
            turns: Turns::Text(stamp, Box::new(raw)),
        })
    }

    /// The stored text and its stamp; or, when there is no plan to read (none stored, no
    /// storage, or locked), what that means.
    fn stored(&self, read: StampedRead) -> Result<(String, Stamp), LoadOutcome> {
        let (raw, stamp) = match read {
            Ok(Some(read)) => read,
            Ok(None) => {
                self.damaged.set(false);
                self.base.set(None);
                self.revision.set(0);
                return Err(LoadOutcome::Empty);
            }
            Err(e) => {
                self.damaged.set(false);
                return Err(LoadOutcome::Unavailable(e));
            }
        };
        if self.codec.locked(&raw) {
            self.damaged.set(false);
            self.base.set(Some(stamp));
            return Err(LoadOutcome::Locked);
        }
        Ok((raw, stamp))
    }

    fn read_at_once(&self, raw: String, stamp: Stamp) -> LoadOutcome {
        let Some(reader) = self.reader.get() else {
            return no_reader();
        };
        // Read in place: the stored text is not copied (a large plan would otherwise be in
        // memory three times at once, and wasm memory never shrinks).
        let decoded = self
            .codec
            .decode(&raw)
            .map_err(|e| tr!(settings.errors.not_unlocked, error = e))
            .and_then(|text| reader.decode(&text).map_err(|e| e.to_string()));
        let decoded = match decoded {
            Ok(d) => Ok(d),
            Err(reason) => Err((raw, reason)),
        };
        self.opened(stamp, decoded)
    }

    /// Reads on the plan [`Repository::open`] began to read: the rest of its text from the
    /// store; then up to its first check-in; then up to `n` check-ins a turn, and with the last
    /// of them, all that comes after. (Until it is [`Opening::Done`], what the repository
    /// knows of the stored plan (its stamp, revision and save time, whether it is damaged)
    /// is as it was.)
    pub fn go_on(&self, reading: Reading, n: usize) -> Opening {
        let reader = self.reader.get();
        match (reading.turns, reader) {
            (Turns::Taking(taking), _) => self.taken(taking.take()),
            (Turns::Text(stamp, raw), Some(reader)) => self.read_on(stamp, reader.begin(raw)),
            (Turns::Begun(stamp, turns), Some(reader)) => {
                self.read_on(stamp, reader.step(*turns, n))
            }
            (Turns::Text(..) | Turns::Begun(..), None) => Opening::Done(no_reader()),
        }
    }

    fn read_on(&self, stamp: Stamp, step: schema::Step) -> Opening {
        match step {
            schema::Step::More(turns) => Opening::Reading(Reading {
                turns: Turns::Begun(stamp, Box::new(turns)),
            }),
            schema::Step::Done(decoded) => {
                Opening::Done(self.opened(stamp, decoded.map_err(|(raw, e)| (raw, e.to_string()))))
            }
        }
    }

    /// What is known once the stored text is read: the plan, or damaged data.
    /// (The stored text comes with the reason it could not be read, to put aside.)
    fn opened(&self, stamp: Stamp, decoded: Result<Decoded, (String, String)>) -> LoadOutcome {
        match decoded {
            Ok(d) => {
                // Only the stamp is kept.
                self.damaged.set(false);
                self.base.set(Some(stamp));
                self.revision.set(d.revision);
                self.saved_at.borrow_mut().clone_from(&d.saved_at);
                LoadOutcome::Loaded(Box::new(d))
            }
            Err((raw, reason)) => {
                self.base.set(Some(stamp));
                self.damaged.set(true);
                let quarantine_key = self.quarantine(&raw).ok();
                LoadOutcome::Damaged(Damaged {
                    raw,
                    reason,
                    quarantine_key,
                })
            }
        }
    }

    /// Copies `raw` aside under a key named by its content (so the same data is kept once).
    fn quarantine(&self, raw: &str) -> Result<String, StoreError> {
        let key = format!("{QUARANTINE_PREFIX}{:016x}", fnv1a(raw.as_bytes()));
        if self.store.get(&key)?.as_deref() == Some(raw) {
            return Ok(key);
        }
        self.store.set(&key, raw)?;
        if self.store.get(&key)?.as_deref() != Some(raw) {
            return Err(StoreError::Failed(
                tr!(settings.errors.copy_not_read).into(),
            ));
        }
        Ok(key)
    }

    /// Saves the plan if the stored copy is still the one this tab knows; reads it back.
    pub fn save(&self, plan: &Plan, saved_at: &str) -> Result<Saved, SaveError> {
        if self.damaged.get() {
            return Err(SaveError::Damaged);
        }
        let unchanged = self
            .store
            .unchanged(PLAN_KEY, self.base.get())
            .map_err(SaveError::Store)?;
        if !unchanged {
            return Err(SaveError::Conflict);
        }
        // (Read at most `schema::MAX_REVISION`: this never overflows.)
        let revision = self.revision.get().saturating_add(1);
        let written = if self.codec.seals() {
            let last_len = self.base.get().map_or(0, |b| b.len);
            let text = schema::encode_stored_sized(plan, revision, saved_at, last_len)
                .map_err(|e| SaveError::Codec(e.to_string()))?;
            let encoded = self.codec.encode(text).map_err(SaveError::Codec)?;
            self.store.set_verified(PLAN_KEY, &encoded)
        } else {
            // Plain: written a piece at a time, as it is made.
            self.store
                .set_verified_pieces(PLAN_KEY, |put| {
                    schema::write_stored(plan, revision, saved_at, put)
                })
                .map_err(|e| SaveError::Codec(e.to_string()))?
        };
        let stamp = written
            .map_err(SaveError::Store)?
            .ok_or(SaveError::NotVerified)?;
        let bytes = stamp.len;
        self.base.set(Some(stamp));
        self.revision.set(revision);
        *self.saved_at.borrow_mut() = Some(saved_at.to_string());
        Ok(Saved { revision, bytes })
    }

    /// After the person chose to keep this tab's version over another tab's (or to start
    /// again over damaged data): saves over whatever is stored now. The damaged data was
    /// quarantined when it was loaded.
    pub fn save_over(&self, plan: &Plan, saved_at: &str) -> Result<Saved, SaveError> {
        self.write_over(plan, saved_at, false)
    }

    /// A forgotten passcode: the person chose, on the lock screen, to replace the locked
    /// plan they cannot open with a backup. Saves over it, after keeping a copy of it aside
    /// (encrypted as it was).
    pub fn replace_locked(&self, plan: &Plan, saved_at: &str) -> Result<Saved, SaveError> {
        self.write_over(plan, saved_at, true)
    }

    fn write_over(&self, plan: &Plan, saved_at: &str, over_lock: bool) -> Result<Saved, SaveError> {
        let current = self.store.get(PLAN_KEY).map_err(SaveError::Store)?;
        if let Some(raw) = &current {
            // Never over a lock this tab cannot open (unless the person chose to replace
            // it): that would write an old passcode's wrapping back, or the plan
            // unencrypted over a lock just turned on.
            if !over_lock && self.codec.locked(raw) {
                return Err(SaveError::Locked);
            }
            // The locked plan being replaced is kept aside, still encrypted: if the passcode
            // comes back to mind, it can be imported again.
            if over_lock {
                self.quarantine(raw).map_err(SaveError::Store)?;
            }
            // (Damaged or not, the revision counts on from the one stored.)
            let stored = self.codec.decode(raw).ok();
            if let Some(revision) = stored.and_then(|text| schema::stored_revision(&text)) {
                self.revision.set(self.revision.get().max(revision));
            }
        }
        self.base.set(current.as_deref().map(Stamp::of));
        self.damaged.set(false);
        self.save(plan, saved_at)
    }

    /// The copies of damaged data put aside so far.
    pub fn quarantined(&self) -> Result<Vec<QuarantinedCopy>, StoreError> {
        let mut keys: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .collect();
        crate::domain::order::sort(&mut keys);
        let mut out = Vec::new();
        for key in keys {
            if let Some(raw) = self.store.get(&key)? {
                out.push(QuarantinedCopy { key, raw });
            }
        }
        Ok(out)
    }

    pub fn remove_quarantined(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Err(StoreError::Failed(
                tr!(settings.errors.not_quarantined).into(),
            ));
        }
        self.store.remove(key)
    }

    /// Deletes everything the app keeps on this device.
    pub fn delete_all(&self) -> Result<(), StoreError> {
        for key in self.store.keys()? {
            if key.starts_with(KEY_PREFIX) {
                self.store.remove(&key)?;
            }
        }
        self.base.set(None);
        self.revision.set(0);
        self.damaged.set(false);
        Ok(())
    }
}

/// FNV-1a, 64-bit: a stable name for a quarantined copy (not a security hash).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
