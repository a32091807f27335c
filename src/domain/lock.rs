//! The lock: the plan encrypted at rest with a key only the person holds.
//!
//! - A random 256-bit data key encrypts the plan (XChaCha20-Poly1305, `chacha20poly1305`).
//! - The data key is wrapped by a key derived from the passcode with Argon2id (`argon2`),
//!   with a random salt. No hash of the passcode is kept anywhere: a wrong passcode simply
//!   fails to unwrap the key, and changes nothing.
//! - Associated data binds what is sealed to its kind, schema version and key id, so a
//!   sealed plan cannot pass for another kind of file or another key's.
//! - Changing the passcode re-wraps the data key only. An encrypted backup has its own salt.
//!
//! Randomness comes from the caller (the browser's crypto through `getrandom`; a fixed
//! generator in tests), so this module stays plain Rust.

use super::schema::{APP, CURRENT_VERSION};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// A source of random bytes.
pub type Rng<'a> = &'a mut dyn FnMut(&mut [u8]);

/// The shortest PIN (digits only) and passphrase (anything else) a lock takes.
pub const MIN_PIN_DIGITS: usize = 6;
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Whether `passcode` can lock the plan; if not, why, in words for the person.
pub fn check_passcode(passcode: &str) -> Result<(), String> {
    let digits = !passcode.is_empty() && passcode.chars().all(|c| c.is_ascii_digit());
    if digits {
        if passcode.len() < MIN_PIN_DIGITS {
            return Err(tr!(settings.lock.pin_too_short, pin = MIN_PIN_DIGITS));
        }
        return Ok(());
    }
    if passcode.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(tr!(
            settings.lock.too_short,
            pin = MIN_PIN_DIGITS,
            chars = MIN_PASSPHRASE_CHARS
        ));
    }
    Ok(())
}

/// Argon2id's cost: memory in KiB, passes, lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

/// What the app uses: 19 MiB, 2 passes, 1 lane (OWASP's first Argon2id setting; the unlock
/// time it gives on a slow phone is measured in the budget report).
pub const KDF: KdfParams = KdfParams {
    m_kib: 19 * 1024,
    t: 2,
    p: 1,
};
// The issue's floor (memory ≥ 19 MiB, time cost ≥ 2), checked when the app is compiled.
const _: () = assert!(KDF.m_kib >= 19 * 1024 && KDF.t >= 2 && KDF.p >= 1);

impl KdfParams {
    /// Within what the app will run: a file made to hurt cannot ask for gigabytes or hours.
    fn check(self) -> Result<Self, LockError> {
        // At most 64 MiB and 4 passes: about seven times the app's own unlock, and memory a
        // cheap phone's browser can give (a failed allocation would end the app).
        let ok = (8..=64 * 1024).contains(&self.m_kib)
            && (1..=4).contains(&self.t)
            && (1..=4).contains(&self.p)
            && self.m_kib >= 8 * self.p;
        ok.then_some(self).ok_or(LockError::Damaged)
    }
}

/// Why a sealed plan could not be opened or made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The passcode does not unlock it (nothing changes).
    WrongPasscode,
    /// It is not whole, or not a locked Safety Net file.
    Damaged,
    /// The encryption itself failed (should not happen).
    Failed,
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LockError::WrongPasscode => tr!(settings.lock.wrong),
            LockError::Damaged => tr!(settings.lock.damaged),
            LockError::Failed => tr!(settings.lock.failed),
        })
    }
}

/// The kind of a sealed file: the app's own storage, or an exported backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SealedKind {
    Locked,
    LockedBackup,
}

/// A sealed plan as stored or exported: everything but the passcode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    pub app: String,
    pub kind: SealedKind,
    /// The schema version of the plan inside.
    pub version: u32,
    pub key_id: String,
    pub kdf: KdfParams,
    /// 16 random bytes, base64.
    pub salt: String,
    /// The data key, encrypted under the passcode's key: 24-byte nonce then ciphertext.
    pub wrapped_key: String,
    /// The plan's JSON, encrypted under the data key: 24-byte nonce then ciphertext.
    pub data: String,
}

/// The keys of an unlocked plan, held in memory only while it is unlocked.
#[derive(Clone)]
pub struct Keys {
    data_key: [u8; 32],
    pub key_id: String,
    pub kdf: KdfParams,
    salt: [u8; 16],
    wrapped_key: Vec<u8>,
}

impl Drop for Keys {
    fn drop(&mut self) {
        self.data_key.zeroize();
    }
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Keys({})", self.key_id)
    }
}

fn derive(passcode: &str, salt: &[u8], kdf: KdfParams) -> Result<[u8; 32], LockError> {
    let params = Params::new(kdf.m_kib, kdf.t, kdf.p, Some(32)).map_err(|_| LockError::Damaged)?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passcode.as_bytes(), salt, &mut out)
        .map_err(|_| LockError::Damaged)?;
    Ok(out)
}

/// Fills `buf` with random bytes. All zeros means the source failed (a real one gives
/// that for 8 bytes or more once in 2^64): refused, never used as a key, salt or nonce.
fn fill(rng: Rng, buf: &mut [u8]) -> Result<(), LockError> {
    rng(buf);
    if buf.iter().all(|b| *b == 0) {
        return Err(LockError::Failed);
    }
    Ok(())
}

/// nonce (24 bytes) || XChaCha20-Poly1305(key, nonce, plain, aad).
fn encrypt(key: &[u8; 32], plain: &[u8], aad: &[u8], rng: Rng) -> Result<Vec<u8>, LockError> {
    let mut nonce = [0u8; 24];
    fill(rng, &mut nonce)?;
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| LockError::Failed)?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn decrypt(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 24 + 16 {
        return None;
    }
    let (nonce, body) = sealed.split_at(24);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
        .ok()
}

fn key_aad(key_id: &str) -> Vec<u8> {
    format!("{APP}/key/{key_id}").into_bytes()
}

fn data_aad(kind: SealedKind, version: u32, key_id: &str) -> Vec<u8> {
    let kind = match kind {
        SealedKind::Locked => "locked",
        SealedKind::LockedBackup => "locked_backup",
    };
    format!("{APP}/{kind}/v{version}/{key_id}").into_bytes()
}

impl Keys {
    /// New keys for `passcode`: a random data key, salt and key id.
    pub fn create(passcode: &str, kdf: KdfParams, rng: Rng) -> Result<Keys, LockError> {
        let mut data_key = [0u8; 32];
        fill(rng, &mut data_key)?;
        let mut id = [0u8; 8];
        fill(rng, &mut id)?;
        let key_id = id.iter().map(|b| format!("{b:02x}")).collect();
        let mut keys = Keys {
            data_key,
            key_id,
            kdf,
            salt: [0; 16],
            wrapped_key: Vec::new(),
        };
        keys.wrap(passcode, rng)?;
        Ok(keys)
    }

    /// Wraps the data key under `passcode` with a fresh salt (a new passcode, or a backup).
    fn wrap(&mut self, passcode: &str, rng: Rng) -> Result<(), LockError> {
        fill(rng, &mut self.salt)?;
        let mut kek = derive(passcode, &self.salt, self.kdf.check()?)?;
        let wrapped = encrypt(&kek, &self.data_key, &key_aad(&self.key_id), rng);
        kek.zeroize();
        self.wrapped_key = wrapped?;
        Ok(())
    }

    /// The same data key under a new passcode (re-wrapped; the plan is not re-encrypted).
    pub fn rewrap(&self, passcode: &str, rng: Rng) -> Result<Keys, LockError> {
        let mut keys = self.clone();
        keys.wrap(passcode, rng)?;
        Ok(keys)
    }

    /// Seals the plan's JSON text.
    pub fn seal(&self, plain: &str, kind: SealedKind, rng: Rng) -> Result<String, LockError> {
        let data = encrypt(
            &self.data_key,
            plain.as_bytes(),
            &data_aad(kind, CURRENT_VERSION, &self.key_id),
            rng,
        )?;
        let sealed = Sealed {
            app: APP.into(),
            kind,
            version: CURRENT_VERSION,
            key_id: self.key_id.clone(),
            kdf: self.kdf,
            salt: B64.encode(self.salt),
            wrapped_key: B64.encode(&self.wrapped_key),
            data: B64.encode(data),
        };
        serde_json::to_string(&sealed).map_err(|_| LockError::Failed)
    }

    /// Whether a sealed text was wrapped by these keys (same key, same salt): otherwise the
    /// passcode was changed elsewhere and this copy of the keys must not be written again.
    pub fn wrapped_as(&self, text: &str) -> bool {
        read(text).is_ok_and(|s| s.key_id == self.key_id && s.salt == B64.encode(self.salt))
    }

    /// Opens a sealed text with the keys already held (no passcode): the plan's JSON.
    pub fn open_with(&self, text: &str) -> Result<String, LockError> {
        let s = read(text)?;
        if s.key_id != self.key_id {
            return Err(LockError::WrongPasscode);
        }
        open_data(&self.data_key, &s)
    }
}

/// Reads the sealed form (not the plan inside).
pub fn read(text: &str) -> Result<Sealed, LockError> {
    let s: Sealed = serde_json::from_str(text).map_err(|_| LockError::Damaged)?;
    if s.app != APP || s.key_id.len() > 64 || s.version == 0 {
        return Err(LockError::Damaged);
    }
    Ok(s)
}

fn open_data(data_key: &[u8; 32], s: &Sealed) -> Result<String, LockError> {
    let data = B64.decode(&s.data).map_err(|_| LockError::Damaged)?;
    let plain = decrypt(data_key, &data, &data_aad(s.kind, s.version, &s.key_id))
        .ok_or(LockError::Damaged)?;
    String::from_utf8(plain).map_err(|_| LockError::Damaged)
}

/// Opens a sealed text with the passcode: the keys (to keep while unlocked) and the plan's
/// JSON. A wrong passcode is `WrongPasscode`; anything else wrong is `Damaged`.
pub fn open(text: &str, passcode: &str) -> Result<(Keys, String), LockError> {
    let keys = unwrap(text, passcode)?;
    let plain = keys.open_with(text)?;
    Ok((keys, plain))
}

/// The keys of a sealed text, if `passcode` is its passcode: the data key is unwrapped, the
/// plan itself is not decrypted (that is done once, where the plan is read).
pub fn unwrap(text: &str, passcode: &str) -> Result<Keys, LockError> {
    let s = read(text)?;
    let kdf = s.kdf.check()?;
    let salt: [u8; 16] = B64
        .decode(&s.salt)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or(LockError::Damaged)?;
    let wrapped = B64.decode(&s.wrapped_key).map_err(|_| LockError::Damaged)?;
    let mut kek = derive(passcode, &salt, kdf)?;
    let unwrapped = decrypt(&kek, &wrapped, &key_aad(&s.key_id));
    kek.zeroize();
    let mut key = unwrapped.ok_or(LockError::WrongPasscode)?;
    let data_key: [u8; 32] = key.as_slice().try_into().map_err(|_| LockError::Damaged)?;
    key.zeroize();
    let keys = Keys {
        data_key,
        key_id: s.key_id.clone(),
        kdf,
        salt,
        wrapped_key: wrapped,
    };
    Ok(keys)
}

/// Whether a text is a sealed Safety Net plan (stored or backup), without opening it.
pub fn is_sealed(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        app: String,
        kind: Option<SealedKind>,
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|p| p.app == APP && p.kind.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed generator: the same bytes every run.
    fn rng() -> impl FnMut(&mut [u8]) {
        let mut n: u8 = 7;
        move |buf: &mut [u8]| {
            for b in buf {
                n = n.wrapping_mul(31).wrapping_add(17);
                *b = n;
            }
        }
    }

    /// Small costs keep the tests fast; the app's own are `KDF`.
    const FAST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn passcodes() {
        assert!(check_passcode("123456").is_ok());
        assert!(check_passcode("12345").unwrap_err().contains("6 digits"));
        assert!(check_passcode("correct horse").is_ok());
        assert!(check_passcode("short").is_err());
        assert!(check_passcode("        ").is_err());
    }

    #[test]
    fn seal_open_wrong_rewrap() {
        let mut r = rng();
        let keys = Keys::create("123456", FAST, &mut r).expect("keys");
        let plain = r#"{"app":"safety-net","version":3,"data":{}}"#;
        let sealed = keys.seal(plain, SealedKind::Locked, &mut r).expect("seal");
        assert!(is_sealed(&sealed) && !is_sealed(plain));
        assert!(!sealed.contains("safety-net\",\"version\":3,\"data"));
        assert_eq!(keys.open_with(&sealed), Ok(plain.to_string()));
        let (again, text) = open(&sealed, "123456").expect("opens");
        assert_eq!(text, plain);
        assert_eq!(again.key_id, keys.key_id);
        assert_eq!(
            open(&sealed, "654321").map(|x| x.1),
            Err(LockError::WrongPasscode)
        );
        // A new passcode re-wraps the same data key: the old passcode no longer opens it.
        let new = keys.rewrap("a longer passphrase", &mut r).expect("rewrap");
        let resealed = new.seal(plain, SealedKind::Locked, &mut r).expect("seal");
        assert_eq!(
            open(&resealed, "a longer passphrase").map(|x| x.1),
            Ok(plain.to_string())
        );
        assert_eq!(
            open(&resealed, "123456").map(|x| x.1),
            Err(LockError::WrongPasscode)
        );
        assert_eq!(
            new.open_with(&sealed),
            Ok(plain.to_string()),
            "same data key"
        );
    }

    #[test]
    fn a_random_source_that_gives_zeros_is_refused() {
        let mut zeros = |b: &mut [u8]| b.iter_mut().for_each(|x| *x = 0);
        assert_eq!(
            Keys::create("123456", FAST, &mut zeros).map(|_| ()),
            Err(LockError::Failed)
        );
        let mut r = rng();
        let keys = Keys::create("123456", FAST, &mut r).expect("keys");
        assert_eq!(
            keys.seal("{}", SealedKind::Locked, &mut zeros),
            Err(LockError::Failed)
        );
    }

    #[test]
    fn what_is_sealed_cannot_pass_for_something_else() {
        let mut r = rng();
        let keys = Keys::create("123456", FAST, &mut r).expect("keys");
        let sealed = keys.seal("{}", SealedKind::Locked, &mut r).expect("seal");
        // The kind, the version and the key id are bound to the ciphertext.
        for (from, to) in [
            ("\"locked\"", "\"locked_backup\""),
            ("\"version\":4", "\"version\":3"),
        ] {
            let changed = sealed.replacen(from, to, 1);
            assert_eq!(
                open(&changed, "123456").map(|x| x.1),
                Err(LockError::Damaged),
                "{to}"
            );
        }
        // Costs out of bounds are refused before any work.
        let heavy = sealed.replacen("\"m_kib\":64", "\"m_kib\":999999999", 1);
        assert_eq!(open(&heavy, "123456").map(|x| x.1), Err(LockError::Damaged));
    }
}
