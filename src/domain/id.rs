//! Stable identifiers for everything the person adds to their plan.

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

/// A stable id: 1–64 characters of `[A-Za-z0-9_-]`. Ids never change once made, so links
/// (a coping strategy answering a trigger, attendance at a meeting) survive edits and reorders.
///
/// Shared text: years of check-ins name the same few medications, triggers and coping
/// strategies thousands of times, and each of those names the one copy (#18: the plan in
/// memory stays near its stored size). A copy of an id is a count, not a new string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

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
        Id(format!("{}-{}", base36(now_millis), base36(random)).into())
    }

    pub fn parse(s: &str) -> Result<Self, BadId> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Id(shared(s)))
        } else {
            Err(BadId(s.chars().take(80).collect()))
        }
    }

    /// The id of a part of the plan that is not in a list (the letter to loved ones).
    pub fn empty() -> Self {
        Id("".into())
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

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                Id::parse(s).map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

/// How many ids read lately are kept to share: more than the medications, triggers,
/// warning signs and coping strategies one check-in names.
const RECENT: usize = 32;

thread_local! {
    /// The ids read lately, the latest first.
    static RECENT_IDS: RefCell<Vec<Arc<str>>> = const { RefCell::new(Vec::new()) };
}

/// `s` as shared text: the copy of an id read lately, or a new one (then kept, and the
/// oldest let go).
fn shared(s: &str) -> Arc<str> {
    RECENT_IDS.with_borrow_mut(|recent| {
        if let Some(i) = recent.iter().position(|r| **r == *s) {
            let r = recent.remove(i);
            recent.insert(0, r.clone());
            return r;
        }
        let r: Arc<str> = s.into();
        if recent.len() == RECENT {
            recent.pop();
        }
        recent.insert(0, r.clone());
        r
    })
}

/// Lets go of the ids read lately, when the plan they came from is put away (locked, or
/// everything deleted): nothing of it stays in memory for the cache's sake.
pub fn forget_recent() {
    RECENT_IDS.with_borrow_mut(Vec::clear);
}

/// A list of ids read at exactly its length (`#[serde(deserialize_with = "exact")]`).
///
/// serde reads a JSON list into a `Vec` that starts with room for four; a day's check-in
/// names one medication taken, one trigger, one coping strategy, so five years of them held
/// three times the room they use: about 64 KiB of wasm memory (#18). Read here, a list of
/// one or two takes exactly its room, and a longer one is made to.
pub fn exact<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Id>, D::Error> {
    struct Exact;
    impl<'de> serde::de::Visitor<'de> for Exact {
        type Value = Vec<Id>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list of ids")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Id>, A::Error> {
            let Some(first) = seq.next_element::<Id>()? else {
                return Ok(Vec::new());
            };
            let Some(second) = seq.next_element::<Id>()? else {
                return Ok(vec![first]);
            };
            let Some(third) = seq.next_element::<Id>()? else {
                return Ok(vec![first, second]);
            };
            let mut all = vec![first, second, third];
            while let Some(next) = seq.next_element::<Id>()? {
                all.push(next);
            }
            all.shrink_to_fit();
            Ok(all)
        }
    }
    d.deserialize_seq(Exact)
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
    fn lists_are_read_at_exactly_their_length() {
        #[derive(serde::Deserialize)]
        struct Lists {
            #[serde(deserialize_with = "exact")]
            ids: Vec<Id>,
        }
        for n in 0..7 {
            let ids: Vec<String> = (0..n).map(|i| format!("\"id-{i}\"")).collect();
            let text = format!("{{\"ids\":[{}]}}", ids.join(","));
            let read: Lists = serde_json::from_str(&text).unwrap();
            assert_eq!(read.ids.len(), n);
            assert_eq!(read.ids.capacity(), n, "{text}");
            let names: Vec<&str> = read.ids.iter().map(Id::as_str).collect();
            let want: Vec<String> = (0..n).map(|i| format!("id-{i}")).collect();
            assert_eq!(names, want);
        }
        // What is not a list of ids is refused, as before.
        for bad in [
            r#"{"ids":"a"}"#,
            r#"{"ids":["a",1]}"#,
            r#"{"ids":["a b"]}"#,
            r#"{"ids":{}}"#,
        ] {
            assert!(serde_json::from_str::<Lists>(bad).is_err(), "{bad}");
        }
    }

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
        assert_eq!(
            read("\"not ok\"").unwrap_err().to_string(),
            "not a valid id: \"not ok\" at line 1 column 8"
        );
    }

    #[test]
    fn an_id_read_again_is_the_same_text_in_memory() {
        let list: Vec<Id> = serde_json::from_str(r#"["med-1","trig-2","med-1","trig-2"]"#).unwrap();
        assert!(Arc::ptr_eq(&list[0].0, &list[2].0));
        assert!(Arc::ptr_eq(&list[1].0, &list[3].0));
        assert!(!Arc::ptr_eq(&list[0].0, &list[1].0));
        // Long after, among many others: a new copy, equal all the same.
        let others: Vec<Id> = (0..RECENT * 2)
            .map(|i| Id::parse(&format!("x{i}")).unwrap())
            .collect();
        let again = Id::parse("med-1").unwrap();
        assert!(!Arc::ptr_eq(&list[0].0, &again.0));
        assert_eq!(list[0], again);
        assert_eq!(others.len(), RECENT * 2);
    }

    #[test]
    fn forgotten_ids_are_not_shared_again() {
        let first = Id::parse("kept-1").unwrap();
        assert!(Arc::ptr_eq(&first.0, &Id::parse("kept-1").unwrap().0));
        forget_recent();
        RECENT_IDS.with_borrow(|recent| assert!(recent.is_empty()));
        let again = Id::parse("kept-1").unwrap();
        assert!(!Arc::ptr_eq(&first.0, &again.0));
        assert_eq!(first, again);
    }
}
