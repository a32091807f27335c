//! Choices saved as short snake_case words ("nasal_spray", "peer_recovery_specialist").
//!
//! One macro instead of a derive: the derived code for each enum also accepts
//! variant numbers and enum maps, which the saved plan never contains, and costs the phone
//! download size for every enum. The words are the same as the derive wrote (the version 1
//! fixture test pins them).

/// Implements `as_str`, `parse`, and `Json` for a fieldless enum.
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

        impl $crate::domain::json::Json for $t {
            fn write(&self, out: &mut String) {
                $crate::domain::json::write_str(out, self.as_str());
            }
            fn read(v: &$crate::domain::json_parse::Value) -> Result<Self, String> {
                v.as_str().and_then($t::parse).ok_or_else(|| {
                    $crate::domain::json::expected(
                        concat!("a ", stringify!($t), " word"),
                        v,
                    )
                })
            }
            fn fallback() -> Self {
                [$($t::$variant),+][0]
            }
        }
    };
}
pub(crate) use string_enum;
