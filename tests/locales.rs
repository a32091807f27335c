//! The translations (locales/<lang>/<namespace>.json, #17): Spanish has every English key
//! and no other, every string is there in both, and a string that takes values takes the
//! same ones. The build only warns about a missing key (and would show the English); this
//! fails.

use std::collections::BTreeMap;
use std::path::Path;

fn flat(prefix: &str, v: &serde_json::Value, out: &mut BTreeMap<String, String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flat(&key, v, out);
            }
        }
        serde_json::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: a translation is a string, not {other}"),
    }
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("locales dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files {
        let ns = f
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_string();
        let text = std::fs::read_to_string(&f).expect("read");
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        flat(&ns, &v, &mut out);
    }
    out
}

/// The `{{ name }}` values a string takes, in order of first use.
fn values(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("{{") {
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else { break };
        let name = after[..j].trim().to_string();
        if !out.contains(&name) {
            out.push(name);
        }
        rest = &after[j + 2..];
    }
    out.sort();
    out
}

#[test]
fn spanish_has_every_english_string_and_no_other() {
    let (en, es) = (load("en"), load("es"));
    assert!(
        en.len() > 50,
        "the English strings are there ({})",
        en.len()
    );
    let missing: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let extra: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "not in Spanish: {missing:?}");
    assert!(extra.is_empty(), "only in Spanish: {extra:?}");
    for (k, e) in &en {
        let s = &es[k];
        assert!(!e.trim().is_empty() && !s.trim().is_empty(), "{k} is empty");
        assert_eq!(values(e), values(s), "{k} takes other values in Spanish");
    }
}

#[test]
fn both_languages_have_the_same_files() {
    let names = |lang: &str| {
        let mut v: Vec<_> = std::fs::read_dir(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang),
        )
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
        v.sort();
        v
    };
    assert_eq!(names("en"), names("es"));
}
