#![cfg(not(target_arch = "wasm32"))]
//! The overdose steps also exist as a plain page (public/naloxone.html) that works without
//! the app. Its text must be the same as the cited content in src/domain/naloxone.rs.

use safety_net::domain::naloxone::{do_not, good_samaritan, on_waking, overdose_signs, steps};
use safety_net::lang::Locale;

const STEP_COUNT: usize = 6;

const PAGE: &str = include_str!("../public/naloxone.html");

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
}

/// Each plain page says what the app says in its language, in the same order.
#[test]
fn the_static_page_says_what_the_app_says_in_the_same_order() {
    for (page, lang) in [(PAGE, Locale::en), (PAGE_ES, Locale::es)] {
        let mut last = page.find("<ol class=\"steps\">").expect("the steps list");
        let all = steps(lang);
        assert_eq!(all.len(), STEP_COUNT);
        for step in &all {
            let heading = format!("<h3>{}</h3>", html_text(step.title));
            let at = page[last..]
                .find(&heading)
                .unwrap_or_else(|| panic!("step {} missing or out of order", step.title));
            last += at;
            for line in &step.detail {
                assert!(page.contains(&html_text(line)), "missing: {line}");
            }
        }
        for line in overdose_signs(lang)
            .into_iter()
            .chain(on_waking(lang))
            .chain(do_not(lang))
            .chain([good_samaritan(lang)])
        {
            assert!(page.contains(&html_text(line)), "missing: {line}");
        }
    }
}

#[test]
fn the_static_page_needs_no_script_and_calls_911() {
    assert!(!PAGE.contains("<script"));
    assert!(PAGE.contains("href=\"tel:911\""));
    assert!(PAGE.contains("default-src 'none'"));
}

/// The text of the `<li>` of the static page's steps list whose heading is `title`.
fn static_step(title: &str) -> &'static str {
    let start = PAGE
        .find(&format!("<h3>{title}</h3>"))
        .unwrap_or_else(|| panic!("no step {title}"));
    let end = PAGE[start..].find("</li>").expect("end of step") + start;
    &PAGE[start..end]
}

#[test]
fn the_static_page_pins_the_facts_that_save_lives() {
    // Not breathing → CPR (AHA): 30 pushes, 2 breaths only if trained, hands-only otherwise.
    let cpr = static_step("Not breathing, or only gasping: start CPR");
    assert!(cpr.contains("center of the chest"));
    assert!(cpr.contains("2 breaths after every 30 pushes"));
    assert!(cpr.contains("hands-only CPR"));
    assert!(!PAGE.contains("every 5 seconds"));
    // Step 1 sends the rescuer to naloxone.
    assert!(static_step("Check if they respond")
        .contains("If they don't wake, give naloxone now (next step)."));
    // Step 3 has its own one-tap Call 911, and says speaker and stay.
    let call = static_step("Call 911");
    assert!(call.contains("href=\"tel:911\""), "{call}");
    assert!(call.contains("speaker"));
    // The label's re-dose rule when they fall asleep again.
    let stay = static_step("Stay with them");
    assert!(stay.contains("very sleepy again") && stay.contains("every dose in the pack"));
    assert!(stay.contains("roll them onto their side first"));
    assert!(!PAGE.contains("If you must leave") && !PAGE.contains("Don't leave them alone"));
    // US numbers said to be US.
    assert!(PAGE.contains("US numbers. Elsewhere, call your local emergency number."));
    // Sources named, with the toolkit's current title.
    for source in [
        "American Heart Association",
        "Overdose Prevention and Response Toolkit",
        "Directions for Use",
    ] {
        assert!(PAGE.contains(source), "{source}");
    }
    assert!(!PAGE.contains("Opioid Overdose Prevention and Response Toolkit"));
}

/// Every text file the app ships or is built from: `src/`, `public/`, `index.html`, `style/`
/// and, once built, `dist/` (the wasm too: its text is in its data section).
fn shipped_files() -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some(
                    "rs" | "html" | "js" | "mjs" | "css" | "json" | "webmanifest" | "wasm" | "txt"
                )
            ) || p.file_name().is_some_and(|n| n == "_headers")
            {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![root.join("index.html")];
    for dir in ["src", "public", "style", "dist"] {
        walk(&root.join(dir), &mut out);
    }
    // scripts/test.sh runs this test again after the release build, with the build required.
    if std::env::var_os("SCAN_DIST").is_some() {
        assert!(
            out.iter().any(|p| p.ends_with("dist/index.html")),
            "dist/ is not built"
        );
        assert!(out
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "wasm")));
    }
    out
}

/// Whether `text` has `word` as a whole word, in any case ("Clean", "clean" but not
/// "cleanup" or "on_cleanup").
fn has_word(text: &str, word: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let is_word = |b: u8| b.is_ascii_alphanumeric();
    lower.match_indices(word).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| lower.as_bytes()[j]);
        let after = lower.as_bytes().get(i + word.len()).copied();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[test]
fn no_shipped_file_says_clean_or_the_2020_storage_range() {
    // This file names them to look for them; it is not shipped.
    let files = shipped_files();
    assert!(files.len() > 20, "found only {} files", files.len());
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        let text = String::from_utf8_lossy(&bytes);
        let name = path.display();
        assert!(
            !has_word(&text, "clean"),
            "{name} says \"clean\" (NIDA Words Matter: say \"in recovery\")"
        );
        for old in ["68–77", "68-77", "68°F", "41°F", "20–25°C", "20-25°C"] {
            assert!(
                !text.contains(old),
                "{name} has the 2020 label's storage range ({old})"
            );
        }
    }
    assert!(has_word("9 days Clean.", "clean") && !has_word("on_cleanup()", "clean"));
}

#[test]
fn phone_numbers_live_only_in_resources() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("src").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    walk(&root, &mut files);
    // A toll-free number, written ("1-800-") or dialable ("1800…").
    let toll_free = |s: &str| {
        let b = s.as_bytes();
        (0..b.len()).any(|i| {
            let rest = &b[i..];
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            (rest.starts_with(b"1-8")
                && rest.len() > 6
                && rest[3].is_ascii_digit()
                && rest[5] == b'-')
                || (rest.starts_with(b"18") && digits >= 11)
        })
    };
    for f in files {
        if f.ends_with("domain/resources.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("readable");
        assert!(
            !toll_free(&text),
            "{} has a phone number: keep numbers in domain/resources.rs",
            f.display()
        );
    }
    assert!(
        toll_free("call 1-800-662-4357")
            && toll_free("tel:18006624357")
            && !toll_free("5550102030")
    );
}

/// The Spanish twin of the static page (public/naloxone-es.html).
const PAGE_ES: &str = include_str!("../public/naloxone-es.html");

/// How many times `needle` occurs in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The text between `from` and the next `to`, from the first `from` on.
fn between<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page.find(from).unwrap_or_else(|| panic!("no {from}"));
    let end = page[start..].find(to).expect("end") + start;
    &page[start..end]
}

#[test]
fn the_spanish_page_is_the_english_one_in_spanish_step_for_step() {
    // A plain page too: no script, the same CSP, in Spanish, and the two link to each other.
    assert!(!PAGE_ES.contains("<script"));
    assert!(PAGE_ES.contains("default-src 'none'"));
    assert!(PAGE_ES.contains("<html lang=\"es\">"));
    assert!(PAGE_ES.contains("href=\"/naloxone.html\" hreflang=\"en\" lang=\"en\">In English</a>"));
    assert!(PAGE.contains("href=\"/naloxone-es.html\" hreflang=\"es\" lang=\"es\">En español</a>"));
    // The same shape: as many steps, lines in each step, signs, waking lines and don'ts,
    // and the same one-tap calls.
    let steps = |p: &str| between(p, "<ol class=\"steps\">", "</ol>").to_string();
    let (en, es) = (steps(PAGE), steps(PAGE_ES));
    assert_eq!(count(&en, "<h3>"), STEP_COUNT);
    assert_eq!(count(&es, "<h3>"), STEP_COUNT);
    let per_step = |s: &str| -> Vec<usize> { s.split("<h3>").map(|x| count(x, "<p>")).collect() };
    assert_eq!(per_step(&en), per_step(&es));
    let lists = |p: &str| -> Vec<usize> {
        p.split("<h2")
            .map(|section| count(section.split("</ul>").next().unwrap_or(""), "<li>"))
            .collect()
    };
    // (All but the sources, which name the Spanish sources too.)
    let (en_lists, es_lists) = (lists(PAGE), lists(PAGE_ES));
    assert_eq!(en_lists.len(), es_lists.len());
    assert_eq!(
        en_lists[..en_lists.len() - 1],
        es_lists[..es_lists.len() - 1]
    );
    for link in [
        "href=\"tel:911\"",
        "href=\"tel:988\"",
        "href=\"sms:988\"",
        "href=\"tel:18002221222\"",
        "href=\"/\"",
    ] {
        assert_eq!(count(PAGE, link), count(PAGE_ES, link), "{link}");
    }
    // The facts that save lives, pinned in Spanish as they are in English.
    let cpr = between(
        PAGE_ES,
        "<h3>No respira o solo jadea: empiece la RCP</h3>",
        "</li>",
    );
    assert!(cpr.contains("centro del pecho"));
    assert!(cpr.contains("2 respiraciones después de cada 30 compresiones"));
    assert!(cpr.contains("RCP solo con las manos"));
    let call = between(PAGE_ES, "<h3>Llame al 911</h3>", "</li>");
    assert!(call.contains("href=\"tel:911\"") && call.contains("altavoz"));
    let again = between(
        PAGE_ES,
        "<h3>Observe y, si hace falta, dé otra dosis</h3>",
        "</li>",
    );
    assert!(again.contains("2 o 3 minutos") && again.contains("otra fosa nasal"));
    let stay = between(PAGE_ES, "<h3>Quédese con la persona</h3>", "</li>");
    assert!(stay.contains("mucho sueño") && stay.contains("todas las dosis del paquete"));
    assert!(stay.contains("30 a 90 minutos"));
    assert!(PAGE_ES.contains("Si no está seguro, trátela como si tuviera una sobredosis."));
    assert!(PAGE_ES
        .contains("Números de EE. UU. En otros países, llame a su número local de emergencias."));
    // 988 in Spanish: press 2, or text AYUDA (988lifeline.org).
    assert!(PAGE_ES.contains("llame al 988 y oprima el 2"));
    assert!(PAGE_ES.contains("href=\"sms:988?&amp;body=AYUDA\""));
    // The storage rule is not on either page (it is in the app, from the 2023 label), so
    // the superseded 59–77 °F cannot slip in here.
    assert!(!PAGE_ES.contains("59"));
    // Sources named, and translation said to be translation.
    for source in [
        "CDC, Detener la sobredosis",
        "NIDA, Naloxona",
        "Asuntos de Veteranos",
        "American Heart Association",
        "Overdose Prevention and Response Toolkit",
        "traducción fiel",
        "988 Suicide &amp; Crisis Lifeline",
    ] {
        assert!(PAGE_ES.contains(source), "{source}");
    }
}
