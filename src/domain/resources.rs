//! National crisis lines (US), as data with their sources. Verified against
//! ../shared/design/CONTENT-FACTS.md; re-check each number before shipping new content.

/// A line someone can call or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrisisLine {
    pub name: &'static str,
    /// A short name for small spaces (the wallet card).
    pub short: &'static str,
    /// What it is for, in one sentence.
    pub purpose: &'static str,
    /// The number as shown.
    pub display: &'static str,
    /// What goes in a `tel:` link.
    pub call: &'static str,
    /// What goes in an `sms:` link, if it takes texts.
    pub text: Option<&'static str>,
    /// What a text to it starts with, if anything: 988's Spanish speakers write AYUDA
    /// (988lifeline.org, "What to expect").
    pub text_body: Option<&'static str>,
    pub source: &'static str,
}

use crate::i18n::td_string;
use crate::lang::{self, Locale};

impl CrisisLine {
    /// The `sms:` link for texting it, with its opening word where it has one.
    pub fn sms_href(&self) -> Option<String> {
        self.text
            .map(|t| super::contacts::sms_href(t, self.text_body.unwrap_or("")))
    }
}

/// Said with every list of lines (Get help, the directory, the wallet card, the static
/// page): these are US services. Source: CONTENT-FACTS.md (crisis lines, US).
pub fn us_numbers() -> &'static str {
    tr!(crisis.lines.us_numbers)
}

/// Emergency services (US). Source: 911.gov; CDC "Stop Overdose" (Spanish: "Detener la
/// sobredosis"). The text is in locales/<lang>/crisis.json, lines.emergency.
pub fn emergency() -> CrisisLine {
    emergency_in(lang::current())
}

pub fn emergency_in(l: Locale) -> CrisisLine {
    CrisisLine {
        name: td_string!(l, crisis.lines.emergency.name),
        short: td_string!(l, crisis.lines.emergency.short),
        purpose: td_string!(l, crisis.lines.emergency.purpose),
        display: "911",
        call: "911",
        text: None,
        text_body: None,
        source: td_string!(l, crisis.lines.emergency.source),
    }
}

/// Lines after 911, in the order the crisis screen shows them.
pub fn national_lines() -> [CrisisLine; 4] {
    national_lines_in(lang::current())
}

pub fn national_lines_in(l: Locale) -> [CrisisLine; 4] {
    [
        lifeline_988_in(l),
        samhsa_helpline_in(l),
        poison_help_in(l),
        never_use_alone_in(l),
    ]
}

/// The 988 Suicide & Crisis Lifeline. Source: 988lifeline.org; SAMHSA. Its Spanish options
/// (press 2 on a call; text AYUDA): 988lifeline.org, "What to expect".
pub fn lifeline_988() -> CrisisLine {
    lifeline_988_in(lang::current())
}

pub fn lifeline_988_in(l: Locale) -> CrisisLine {
    CrisisLine {
        name: td_string!(l, crisis.lines.l988.name),
        short: td_string!(l, crisis.lines.l988.short),
        purpose: td_string!(l, crisis.lines.l988.purpose),
        display: "988",
        call: "988",
        text: Some("988"),
        text_body: (l == Locale::es).then_some("AYUDA"),
        source: td_string!(l, crisis.lines.l988.source),
    }
}

/// SAMHSA's National Helpline (English and Spanish). Source: samhsa.gov.
pub fn samhsa_helpline() -> CrisisLine {
    samhsa_helpline_in(lang::current())
}

pub fn samhsa_helpline_in(l: Locale) -> CrisisLine {
    CrisisLine {
        name: td_string!(l, crisis.lines.samhsa.name),
        short: td_string!(l, crisis.lines.samhsa.short),
        purpose: td_string!(l, crisis.lines.samhsa.purpose),
        // The letters of 1-800-662-HELP spell an English word: said in English only.
        display: td_string!(l, crisis.lines.samhsa.display),
        call: "18006624357",
        text: None,
        text_body: None,
        source: td_string!(l, crisis.lines.samhsa.source),
    }
}

/// Poison Help (interpreters in Spanish and other languages). Source: poisonhelp.hrsa.gov,
/// and its Spanish page "Quiénes somos".
pub fn poison_help_in(l: Locale) -> CrisisLine {
    CrisisLine {
        name: td_string!(l, crisis.lines.poison.name),
        short: td_string!(l, crisis.lines.poison.short),
        purpose: td_string!(l, crisis.lines.poison.purpose),
        display: "1-800-222-1222",
        call: "18002221222",
        text: None,
        text_body: None,
        source: td_string!(l, crisis.lines.poison.source),
    }
}

/// The overdose-spotting line, US only. The number is the national line CONTENT-FACTS.md
/// gives (widely published; neverusealone.com could not be read from the offline build
/// machine). Any regional line also serves callers from any state. No Spanish page was
/// found: its Spanish text is a faithful translation (locales/es/crisis.json says so).
pub fn never_use_alone() -> CrisisLine {
    never_use_alone_in(lang::current())
}

pub fn never_use_alone_in(l: Locale) -> CrisisLine {
    CrisisLine {
        name: td_string!(l, crisis.lines.nua.name),
        short: td_string!(l, crisis.lines.nua.short),
        purpose: td_string!(l, crisis.lines.nua.purpose),
        display: "1-800-484-3731",
        call: "18004843731",
        text: None,
        text_body: None,
        source: td_string!(l, crisis.lines.nua.source),
    }
}

/// What to know after a slip or any time without opioids: tolerance drops, so a usual dose
/// can be an overdose. Source: SAMHSA Overdose Prevention and Response Toolkit (and
/// CONTENT-FACTS.md, post-relapse protocol); the Never Use Alone line as above. The
/// warning is always shown with [`never_use_alone`] as a `tel:` link right after it.
pub struct Tolerance {
    pub title: &'static str,
    pub warning: &'static str,
    pub source: &'static str,
}

pub fn tolerance() -> Tolerance {
    Tolerance {
        title: tr!(crisis.tolerance.title),
        warning: tr!(crisis.tolerance.warning),
        source: tr!(crisis.tolerance.source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_must_not_drift() {
        for l in [Locale::en, Locale::es] {
            assert_eq!(emergency_in(l).call, "911");
            let lines = national_lines_in(l);
            assert_eq!(lines[0].call, "988");
            assert_eq!(lines[0].text, Some("988"));
            assert_eq!(lines[1].call, "18006624357");
            assert_eq!(lines[2].call, "18002221222");
            assert_eq!(lines[3].call, "18004843731");
            assert_eq!(lines[3], never_use_alone_in(l));
            assert!(lines[3].source.contains("neverusealone.com"));
            for line in lines.iter().chain([&emergency_in(l)]) {
                assert!(!line.source.is_empty(), "{} needs a source", line.name);
                assert!(line.call.bytes().all(|b| b.is_ascii_digit()));
            }
        }
        // The Lifeline's Spanish options, for someone who reads Spanish first: in English,
        // and in Spanish as 988 says them.
        assert!(lifeline_988_in(Locale::en)
            .purpose
            .contains("In Spanish: call 988 and press 2, or text AYUDA to 988."));
        assert!(
            lifeline_988_in(Locale::es).purpose.contains("oprima el 2")
                && lifeline_988_in(Locale::es).purpose.contains("AYUDA")
        );
        assert!(never_use_alone_in(Locale::en).name.contains("US"));
        assert!(samhsa_helpline_in(Locale::es).purpose.contains("español"));
        assert_eq!(
            lifeline_988_in(Locale::en).sms_href().as_deref(),
            Some("sms:988")
        );
        assert_eq!(
            lifeline_988_in(Locale::es).sms_href().as_deref(),
            Some("sms:988?body=AYUDA")
        );
    }
}
