//! A choice's saved word ("peer_recovery_specialist"), from its serde form: the words are
//! written once, by serde's `rename_all`, and the form's select boxes use the same.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// The word saved for a fieldless enum's value ("" for anything that is not a word).
pub fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value for a saved word, if it is one.
pub fn from_word<T: DeserializeOwned>(w: &str) -> Option<T> {
    use serde::de::IntoDeserializer;
    let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> = w.into_deserializer();
    T::deserialize(d).ok()
}

/// A count with its noun: "1 day", "2 days", "0 meetings", "1 medication".
pub fn count(n: impl TryInto<i64>, one: &str, many: &str) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    if n == 1 || n == -1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A count of a noun that takes an "s": "1 slip", "3 slips".
/// Right for English and for Spanish nouns that end in a vowel ("1 día", "3 días"); for
/// others ("reunión", "reuniones") give both forms to [`count`].
pub fn plural(n: impl TryInto<i64>, noun: &str) -> String {
    count(n, noun, &format!("{noun}s"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::Role;

    #[test]
    fn words_round_trip() {
        for r in Role::ALL {
            assert_eq!(from_word::<Role>(&word(&r)), Some(r));
        }
        assert_eq!(
            word(&Role::PeerRecoverySpecialist),
            "peer_recovery_specialist"
        );
        assert_eq!(from_word::<Role>("Sponsor"), None);
        assert_eq!(plural(1, "day"), "1 day");
        assert_eq!(plural(0, "meeting"), "0 meetings");
        assert_eq!(plural(2u32, "slip"), "2 slips");
        assert_eq!(count(3, "person", "people"), "3 people");
    }
}
