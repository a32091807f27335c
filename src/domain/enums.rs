//! Choices saved as short snake_case words ("nasal_spray", "peer_recovery_specialist").
//!
//! One macro instead of serde's derive: the derived code for each enum also accepts
//! variant numbers and enum maps, which the saved plan never contains, and costs the phone
//! download size for every enum. The words are the same as the derive wrote (the version 1
//! fixture test pins them).

/// Implements `as_str`, `parse`, `Serialize` and `Deserialize` for a fieldless enum.
macro_rules! string_enum {
    ($t:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $t {
            /// The word saved for this choice.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($t::$variant => $word),+
                }
            }

            /// The choice for a saved word.
            pub fn parse(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($t::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $t::parse(&word).ok_or_else(|| {
                    <D::Error as serde::de::Error>::custom(format!(
                        "unknown {} \"{}\"",
                        stringify!($t),
                        word.chars().take(40).collect::<String>()
                    ))
                })
            }
        }
    };
}
pub(crate) use string_enum;
