//! Stable identifiers for everything the person adds to their plan.

use std::fmt;

/// A stable id: 1–64 characters of `[A-Za-z0-9_-]`. Ids never change once made, so links
/// (a coping strategy answering a trigger, attendance at a meeting) survive edits and reorders.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Id(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId(pub String);

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid id: \"{}\"", self.0)
    }
}

impl Id {
    /// Makes an id from a time in milliseconds and a random number (both supplied by the
    /// caller, so the domain stays deterministic and testable).
    pub fn generate(now_millis: u64, random: u64) -> Self {
        Id(format!("{}-{}", base36(now_millis), base36(random)))
    }

    pub fn parse(s: &str) -> Result<Self, BadId> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Id(s.to_owned()))
        } else {
            Err(BadId(s.chars().take(80).collect()))
        }
    }

    /// The id of a part of the plan that is not in a list (the letter to loved ones).
    pub fn empty() -> Self {
        Id(String::new())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl TryFrom<String> for Id {
    type Error = BadId;
    fn try_from(s: String) -> Result<Self, BadId> {
        Id::parse(&s)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_distinct() {
        let a = Id::generate(1_700_000_000_000, 42);
        let b = Id::generate(1_700_000_000_000, 43);
        assert_ne!(a, b);
        assert_eq!(Id::parse(a.as_str()), Ok(a));
        assert_eq!(Id::generate(0, 0).as_str(), "0-0");
    }

    #[test]
    fn bad_ids_are_rejected() {
        assert!(Id::parse("").is_err());
        assert!(Id::parse("a b").is_err());
        assert!(Id::parse("<script>").is_err());
        assert!(Id::parse(&"x".repeat(65)).is_err());
        let read = |s: &str| serde_json::from_str::<Id>(s);
        assert!(read("\"ok-1\"").is_ok());
        assert!(read("\"not ok\"").is_err());
        assert!(read("7").is_err());
    }
}
