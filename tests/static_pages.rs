#![cfg(not(target_arch = "wasm32"))]
//! The overdose steps also exist as a plain page (public/naloxone.html) that works without
//! the app. Its text must be the same as the cited content in src/domain/naloxone.rs.

use safety_net::domain::naloxone::{DO_NOT, GOOD_SAMARITAN, ON_WAKING, OVERDOSE_SIGNS, STEPS};

const PAGE: &str = include_str!("../public/naloxone.html");

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
}

#[test]
fn the_static_page_says_what_the_app_says_in_the_same_order() {
    let mut last = PAGE.find("<ol class=\"steps\">").expect("the steps list");
    for step in STEPS {
        let heading = format!("<h3>{}</h3>", html_text(step.title));
        let at = PAGE[last..]
            .find(&heading)
            .unwrap_or_else(|| panic!("step {} missing or out of order", step.title));
        last += at;
        for line in step.detail {
            assert!(PAGE.contains(&html_text(line)), "missing: {line}");
        }
    }
    for line in OVERDOSE_SIGNS
        .iter()
        .chain(&ON_WAKING)
        .chain(&DO_NOT)
        .chain([&GOOD_SAMARITAN])
    {
        assert!(PAGE.contains(&html_text(line)), "missing: {line}");
    }
}

#[test]
fn the_static_page_needs_no_script_and_calls_911() {
    assert!(!PAGE.contains("<script"));
    assert!(PAGE.contains("href=\"tel:911\""));
    assert!(PAGE.contains("default-src 'none'"));
}
