//! Reading JSON text into a [`Value`], by hand.
//!
//! Why not serde_json: its parser and `Deserialize` machinery were about 7 KB gzip of the
//! 250 KB first-load budget, and its `Value` (an ordered hash map per object) about 1 KB
//! more; the app reads one kind of text (its own plan, or a backup). This is a strict RFC 8259 reader: objects, arrays, strings with every
//! escape (surrogate pairs checked), `true`/`false`/`null`, and whole numbers. Safety Net
//! files hold no fractions, so a number with a fraction or exponent is refused with a clear
//! message. Nesting is limited to 128 levels, as serde_json does. A native test checks it
//! against serde_json on generated documents.

/// A JSON value as read. Numbers are whole (see above).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(i128),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's fields in the order they were written. The plan's objects have a dozen
/// fields at most, so finding one is a short scan. A repeated key keeps its first place
/// and its last value, as serde_json does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(v) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Takes the field `key` out.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The field `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut()?.get_mut(key)
    }
}

/// How deep arrays and objects may nest.
const MAX_DEPTH: usize = 128;

pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser {
        b: text.as_bytes(),
        at: 0,
    };
    let v = p.value(0)?;
    p.space();
    if p.at < p.b.len() {
        return Err(p.fail("more text after the end of the document"));
    }
    Ok(v)
}

struct Parser<'a> {
    b: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn fail(&self, what: &str) -> String {
        if self.at >= self.b.len() {
            format!("cut short: {what}")
        } else {
            format!("{what} at character {}", self.at + 1)
        }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.space();
        let yes = self.b.get(self.at) == Some(&c);
        if yes {
            self.at += 1;
        }
        yes
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, String> {
        if self.b[self.at..].starts_with(w.as_bytes()) {
            self.at += w.len();
            Ok(v)
        } else {
            Err(self.fail("unexpected text"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nested too deeply"));
        }
        self.space();
        match self.b.get(self.at) {
            None => Err(self.fail("a value was expected")),
            Some(b'{') => {
                self.at += 1;
                let mut map = Map::new();
                if self.eat(b'}') {
                    return Ok(Value::Object(map));
                }
                loop {
                    self.space();
                    if self.b.get(self.at) != Some(&b'"') {
                        return Err(self.fail("a key in quotes was expected"));
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.fail("':' was expected"));
                    }
                    let v = self.value(depth + 1)?;
                    map.insert(key, v);
                    if self.eat(b'}') {
                        return Ok(Value::Object(map));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("',' or '}' was expected"));
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut list = Vec::new();
                if self.eat(b']') {
                    return Ok(Value::Array(list));
                }
                loop {
                    list.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Ok(Value::Array(list));
                    }
                    if !self.eat(b',') {
                        return Err(self.fail("',' or ']' was expected"));
                    }
                }
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("unexpected character")),
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let negative = self.b[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let digits = self.at;
        while let Some(b'0'..=b'9') = self.b.get(self.at) {
            self.at += 1;
        }
        let n = self.at - digits;
        if n == 0 || (n > 1 && self.b[digits] == b'0') {
            return Err(self.fail("a malformed number"));
        }
        if let Some(b'.' | b'e' | b'E') = self.b.get(self.at) {
            return Err(self.fail(
                "a number with a fraction or exponent (Safety Net files use whole numbers)",
            ));
        }
        let text = std::str::from_utf8(&self.b[start..self.at]).unwrap_or_default();
        let number = if negative {
            text.parse::<i64>().ok().map(i128::from)
        } else {
            text.parse::<u64>().ok().map(i128::from)
        };
        number
            .map(Value::Number)
            .ok_or_else(|| format!("a number too large at character {}", start + 1))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let hex = self
            .b
            .get(self.at..self.at + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.fail("a malformed \\u escape"))?;
        self.at += 4;
        Ok(hex)
    }

    /// A string, the opening quote at `self.at`.
    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(&c) = self.b.get(self.at) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str, so any run between ASCII stops is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.b[run..self.at]).unwrap_or_default());
            match self.b.get(self.at) {
                None => return Err(self.fail("a string was not closed")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let Some(&e) = self.b.get(self.at) else {
                        return Err(self.fail("a string was not closed"));
                    };
                    self.at += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                // A high surrogate must be followed by a low one.
                                if self.b.get(self.at..self.at + 2) != Some(b"\\u") {
                                    return Err(self.fail("a lone surrogate in a \\u escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.fail("a lone surrogate in a \\u escape"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.fail("a lone surrogate in a \\u escape"))?,
                            );
                        }
                        _ => return Err(self.fail("an unknown escape")),
                    }
                }
                Some(_) => return Err(self.fail("a control character inside a string")),
            }
        }
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's value as ours (whole numbers only, as the documents here have).
    fn ours(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(
                n.as_i64()
                    .map(i128::from)
                    .or(n.as_u64().map(i128::from))
                    .expect("whole"),
            ),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(a) => Value::Array(a.iter().map(ours).collect()),
            serde_json::Value::Object(m) => {
                let mut out = Map::new();
                for (k, v) in m {
                    out.insert(k.clone(), ours(v));
                }
                Value::Object(out)
            }
        }
    }

    fn same_as_serde(text: &str) {
        let ours = parse(text);
        let theirs: Result<Value, _> =
            serde_json::from_str::<serde_json::Value>(text).map(|v| self::ours(&v));
        match (ours, theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
        }
    }

    #[test]
    fn agrees_with_serde_json_on_tricky_text() {
        for t in [
            r#"{"a":[1,-2,{"b":"x\"y\\z\/\b\f\n\r\t\u00e9\ud83d\ude00"}],"c":null,"d":true,"e":false}"#,
            " [ ] ",
            "{}",
            r#"{"a":1,"a":2}"#,
            "01",
            "-",
            "[1,]",
            "{\"a\" 1}",
            "\"\\ud83d\"",
            "\"\\udc00\"",
            "\"tab\there\"",
            "[1] x",
            "18446744073709551615",
            "-9223372036854775808",
            "\"caf\u{e9} \u{1F600}\"",
            "nul",
            "",
        ] {
            same_as_serde(t);
        }
        assert!(parse("1.5").unwrap_err().contains("whole numbers"));
        // serde_json turns this into a float; a Safety Net file never has one.
        assert!(parse("18446744073709551616")
            .unwrap_err()
            .contains("too large"));
        assert!(parse("{\"a\":\"x").unwrap_err().starts_with("cut short"));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_err());
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| Value::Number(n.into())),
            any::<u64>().prop_map(|n| Value::Number(n.into())),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((any::<String>(), inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn reads_back_what_serde_json_writes(v in value()) {
            let compact = serde_json::to_string(&v).unwrap();
            prop_assert_eq!(parse(&compact).unwrap(), ours(&v));
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            prop_assert_eq!(parse(&pretty).unwrap(), ours(&v));
        }

        #[test]
        fn cut_text_is_refused_like_serde_json(v in value(), cut in 0usize..200) {
            let text = serde_json::to_string(&v).unwrap();
            let mut end = cut.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            same_as_serde(&text[..end]);
        }
    }
}
