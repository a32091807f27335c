//! The plan's JSON form: each type lists its fields once (with [`json_struct!`]) and is
//! written and read through the [`Json`] trait.
//!
//! Why not serde's derive: the derived code for 20-odd structs, with a copy of the JSON
//! parser's sequence and map handling for every list type, was a sixth of the app's
//! download (about 33 KB gzip), and the first-load budget is 250 KB. Here the text is parsed
//! once by serde_json into a `Value` (one shared parser), and each struct is a short list of
//! field reads. The rules stay strict: an unknown field, a wrong type or a malformed date is
//! an error naming where it is (`plan.care.medications[2].dose: expected text, found a
//! number`), never a guess. The written form is byte-for-byte what serde_json wrote before
//! (the version 1 fixture test pins it).

use super::json_parse::{Map, Value};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::datefmt;

/// A value with a JSON form. Errors are paths followed by a message, such as
/// `.dose: expected text, found a number`, so that callers can prefix where they are.
pub trait Json: Sized {
    /// Appends the compact JSON form.
    fn write(&self, out: &mut String);
    /// Reads the value, strictly.
    fn read(v: &Value) -> Result<Self, String>;
    /// The value when its field is left out, where leaving it out is allowed.
    fn absent() -> Option<Self> {
        None
    }
    /// A stand-in used only while a read that has already failed finishes building its
    /// struct (which is then dropped whole): one error path per struct instead of one per
    /// field keeps the download small.
    fn fallback() -> Self;
}

/// Appends a JSON string, escaped exactly as serde_json escapes it.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

/// What a JSON value is, in words, for error messages.
fn what(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The error for a value of the wrong kind.
pub fn expected(wanted: &str, v: &Value) -> String {
    match v.as_str() {
        Some(s) => format!(": expected {wanted}, found \"{}\"", clip(s)),
        None => format!(": expected {wanted}, found {}", what(v)),
    }
}

/// At most 40 characters of someone's text, for an error message.
fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

/// The fields of a JSON object, checked against the names a type knows.
pub struct Obj<'a>(&'a Map);

impl<'a> Obj<'a> {
    /// Fails on anything but an object, and on a field that is not in `known`: dropping
    /// it on the next save would lose what someone wrote.
    pub fn new(v: &'a Value, known: &[&str]) -> Result<Self, String> {
        let map = v.as_object().ok_or_else(|| expected("an object", v))?;
        if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(format!(": unknown field \"{}\"", clip(k)));
        }
        Ok(Obj(map))
    }

    /// A field that must be there (an `Option` may be left out). The first error is kept
    /// in `err`; then the value is only a stand-in. Never inlined: one copy per field type.
    #[inline(never)]
    pub fn get<T: Json>(&self, name: &str, err: &mut Option<String>) -> T {
        let got = match self.0.get(name) {
            Some(v) => T::read(v),
            None => T::absent().ok_or_else(|| ": missing".to_string()),
        };
        keep(got, name, err)
    }

    /// A field that takes `default` when it is left out.
    #[inline(never)]
    pub fn get_or<T: Json>(&self, name: &str, default: T, err: &mut Option<String>) -> T {
        match self.0.get(name) {
            Some(v) => keep(T::read(v), name, err),
            None => default,
        }
    }
}

fn keep<T: Json>(got: Result<T, String>, name: &str, err: &mut Option<String>) -> T {
    got.unwrap_or_else(|e| {
        if err.is_none() {
            *err = Some(format!(".{name}{e}"));
        }
        T::fallback()
    })
}

/// The struct read, or the first error met while reading it.
pub fn done<T>(value: T, err: Option<String>) -> Result<T, String> {
    match err {
        None => Ok(value),
        Some(e) => Err(e),
    }
}

impl Json for String {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
    fn read(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| expected("text", v))
    }
    fn fallback() -> Self {
        String::new()
    }
}

impl Json for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    fn read(v: &Value) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| expected("true or false", v))
    }
    fn fallback() -> Self {
        false
    }
}

macro_rules! json_unsigned {
    ($($t:ty),+) => {$(
        impl Json for $t {
            fn write(&self, out: &mut String) {
                out.push_str(&self.to_string());
            }
            fn read(v: &Value) -> Result<Self, String> {
                v.as_u64()
                    .and_then(|n| <$t>::try_from(n).ok())
                    .ok_or_else(|| {
                        expected(concat!("a whole number up to ", stringify!($t)), v)
                    })
            }
            fn fallback() -> Self {
                0
            }
        }
    )+};
}
json_unsigned!(u8, u16, u64);

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
    fn read(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::read(v).map(Some),
        }
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
    fn fallback() -> Self {
        None
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write(out);
        }
        out.push(']');
    }
    fn read(v: &Value) -> Result<Self, String> {
        let items = v.as_array().ok_or_else(|| expected("a list", v))?;
        // A plain loop: `collect` into a `Result` costs more code per list type.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match T::read(item) {
                Ok(x) => out.push(x),
                Err(e) => return Err(format!("[{i}]{e}")),
            }
        }
        Ok(out)
    }
    fn fallback() -> Self {
        Vec::new()
    }
}

/// Dates and times are text in a strict form (see [`datefmt`]).
macro_rules! json_text {
    ($t:ty, $write:expr, $parse:expr, $what:literal, $fallback:expr) => {
        impl Json for $t {
            fn write(&self, out: &mut String) {
                write_str(out, &$write(*self));
            }
            fn read(v: &Value) -> Result<Self, String> {
                v.as_str()
                    .and_then($parse)
                    .ok_or_else(|| expected($what, v))
            }
            fn fallback() -> Self {
                $fallback
            }
        }
    };
}
json_text!(
    NaiveDate,
    datefmt::write_date,
    datefmt::parse_date,
    "a date like 2026-11-23",
    NaiveDate::MIN
);
json_text!(
    NaiveTime,
    datefmt::write_time,
    datefmt::parse_time,
    "a time like 19:30:00",
    NaiveTime::MIN
);
json_text!(
    NaiveDateTime,
    datefmt::write_datetime,
    datefmt::parse_datetime,
    "a date and time like 2026-12-03T09:30:00",
    NaiveDateTime::MIN
);
json_text!(
    Weekday,
    |d| datefmt::weekday_name(d).to_string(),
    datefmt::parse_weekday,
    "a day like Mon",
    Weekday::Mon
);

/// Implements [`Json`] for a struct from the list of its fields, in the order they are
/// written. With `default`, a field left out takes its value from `Default::default()`.
macro_rules! json_struct {
    ($t:ident { $($f:ident),+ $(,)? }) => {
        $crate::domain::json::json_struct!(@impl $t [] $($f)+);
    };
    ($t:ident default { $($f:ident),+ $(,)? }) => {
        $crate::domain::json::json_struct!(@impl $t [d] $($f)+);
    };
    // `[d]`: fields left out take their value from `d`, the type's default.
    (@impl $t:ident $mode:tt $first:ident $($f:ident)*) => {
        impl $crate::domain::json::Json for $t {
            fn write(&self, out: &mut String) {
                $crate::domain::json::json_struct!(@write self out $first $($f)*);
            }
            fn read(v: &$crate::domain::json_parse::Value) -> Result<Self, String> {
                let o = $crate::domain::json::Obj::new(
                    v,
                    &[stringify!($first) $(, stringify!($f))*],
                )?;
                $crate::domain::json::json_struct!(@let $t $mode);
                let mut err = None;
                let value = $t {
                    $first: $crate::domain::json::json_struct!(@get o err $mode $first),
                    $($f: $crate::domain::json::json_struct!(@get o err $mode $f),)*
                };
                $crate::domain::json::done(value, err)
            }
            fn fallback() -> Self {
                $crate::domain::json::json_struct!(@fallback $t $mode $first $($f)*)
            }
        }
    };
    (@let $t:ident []) => {};
    (@let $t:ident [$d:ident]) => {
        let $d = <$t as Default>::default();
    };
    (@get $o:ident $err:ident [] $f:ident) => {
        $o.get(stringify!($f), &mut $err)
    };
    (@get $o:ident $err:ident [$d:ident] $f:ident) => {
        $o.get_or(stringify!($f), $d.$f, &mut $err)
    };
    (@fallback $t:ident [] $($f:ident)+) => {
        $t { $($f: $crate::domain::json::Json::fallback(),)+ }
    };
    (@fallback $t:ident [$d:ident] $($f:ident)+) => {
        <$t as Default>::default()
    };
    (@write $s:ident $out:ident $first:ident $($f:ident)*) => {
        $out.push_str(concat!("{\"", stringify!($first), "\":"));
        $crate::domain::json::Json::write(&$s.$first, $out);
        $(
            $out.push_str(concat!(",\"", stringify!($f), "\":"));
            $crate::domain::json::Json::write(&$s.$f, $out);
        )*
        $out.push('}');
    };
}
pub(crate) use json_struct;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "quote \" backslash \\ slash /",
            "lines\n\r\ttab",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "émoji 🙂 and ünïcode",
            "</script><img src=x onerror=alert(1)>",
        ] {
            let mut out = String::new();
            write_str(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).expect("serde_json"));
            assert_eq!(
                String::read(&crate::domain::json_parse::parse(&out).expect("json")),
                Ok(s.into())
            );
        }
    }

    #[test]
    fn numbers_are_checked_for_range_and_kind() {
        // A fraction is already refused by the reader (Safety Net files hold none).
        let read = |s: &str| crate::domain::json_parse::parse(s).and_then(|v| u8::read(&v));
        assert_eq!(read("255"), Ok(255));
        assert!(read("256").is_err());
        assert!(read("-1").is_err());
        assert!(read("1.0").is_err());
        assert!(read("\"1\"").is_err());
    }

    #[test]
    fn errors_say_where_and_what() {
        let v: Value = crate::domain::json_parse::parse(r#"[null, 3]"#).expect("json");
        assert_eq!(
            Vec::<String>::read(&v),
            Err("[0]: expected text, found nothing (null)".into())
        );
        let v: Value = crate::domain::json_parse::parse(r#""2026-02-30""#).expect("json");
        assert_eq!(
            NaiveDate::read(&v),
            Err(": expected a date like 2026-11-23, found \"2026-02-30\"".into())
        );
    }
}
