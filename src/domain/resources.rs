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
    pub source: &'static str,
}

/// Said with every list of lines (Get help, the directory, the wallet card, the static
/// page): these are US services. Source: CONTENT-FACTS.md (crisis lines, US).
pub const US_NUMBERS: &str = "US numbers. Elsewhere, call your local emergency number.";

/// Emergency services (US). Source: 911.gov; CDC "Stop Overdose".
pub const EMERGENCY: CrisisLine = CrisisLine {
    name: "Emergency services",
    short: "Emergency",
    purpose: "If someone may be overdosing, is not breathing, or is in danger right now.",
    display: "911",
    call: "911",
    text: None,
    source: "911.gov; CDC, Stop Overdose",
};

/// Lines after 911, in the order the crisis screen shows them.
pub const NATIONAL_LINES: [CrisisLine; 4] =
    [LIFELINE_988, SAMHSA_HELPLINE, POISON_HELP, NEVER_USE_ALONE];

/// The 988 Suicide & Crisis Lifeline. Source: 988lifeline.org; SAMHSA.
pub const LIFELINE_988: CrisisLine = CrisisLine {
        name: "988 Suicide & Crisis Lifeline",
    short: "988 Lifeline",
        purpose: "Free, confidential support 24/7 for any mental-health or substance-use crisis. Call or text 988, or chat at 988lifeline.org. In Spanish: call 988 and press 2, or text AYUDA to 988.",
        display: "988",
        call: "988",
        text: Some("988"),
        // Spanish: 988lifeline.org, "What to expect" (press 2 on a call; text AYUDA).
        source: "988lifeline.org; SAMHSA",
};

/// SAMHSA's National Helpline. Source: samhsa.gov.
pub const SAMHSA_HELPLINE: CrisisLine = CrisisLine {
    name: "SAMHSA National Helpline",
    short: "SAMHSA Helpline",
    purpose: "Free, confidential treatment referral and information, 24/7, in English and Spanish.",
    display: "1-800-662-4357 (1-800-662-HELP)",
    call: "18006624357",
    text: None,
    source: "samhsa.gov/find-help/national-helpline",
};

/// Poison Help. Source: poisonhelp.hrsa.gov.
pub const POISON_HELP: CrisisLine = CrisisLine {
    name: "Poison Help",
    short: "Poison Help",
    purpose: "Expert advice on a poisoning or a medicine taken by mistake, 24/7.",
    display: "1-800-222-1222",
    call: "18002221222",
    text: None,
    source: "poisonhelp.hrsa.gov",
};

/// The overdose-spotting line, US only. The number is the national line CONTENT-FACTS.md
/// gives (widely published; neverusealone.com could not be read from the offline build
/// machine). Any regional line also serves callers from any state.
pub const NEVER_USE_ALONE: CrisisLine = CrisisLine {
    name: "Never Use Alone (US)",
    short: "Never Use Alone",
    purpose: "If you are going to use alone: call, and someone stays on the line and sends help to where you are if you stop responding. Free, confidential, 24/7.",
    display: "1-800-484-3731",
    call: "18004843731",
    text: None,
    source: "Never Use Alone Inc., neverusealone.com (national line)",
};

/// What to know after a slip or any time without opioids: tolerance drops, so a usual dose
/// can be an overdose. Source: SAMHSA Overdose Prevention and Response Toolkit (and
/// CONTENT-FACTS.md, post-relapse protocol); the Never Use Alone line as above.
pub const TOLERANCE_TITLE: &str = "Your tolerance is lower now";
/// Always shown with [`NEVER_USE_ALONE`] as a `tel:` link right after it.
pub const TOLERANCE_WARNING: &str = "After days or weeks without opioids, a dose you used to take can stop your breathing. Don't use alone, carry naloxone, and make sure someone near you knows how to use it.";
pub const TOLERANCE_SOURCE: &str = "SAMHSA Overdose Prevention and Response Toolkit";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_must_not_drift() {
        assert_eq!(EMERGENCY.call, "911");
        assert_eq!(NATIONAL_LINES[0].call, "988");
        assert_eq!(NATIONAL_LINES[0].text, Some("988"));
        // The Lifeline's Spanish options, for someone who reads Spanish first.
        assert!(LIFELINE_988
            .purpose
            .contains("In Spanish: call 988 and press 2, or text AYUDA to 988."));
        assert_eq!(NATIONAL_LINES[1].call, "18006624357");
        assert_eq!(NATIONAL_LINES[2].call, "18002221222");
        assert_eq!(NATIONAL_LINES[3].call, "18004843731");
        assert_eq!(NATIONAL_LINES[3], NEVER_USE_ALONE);
        assert!(
            NEVER_USE_ALONE.name.contains("US")
                && NEVER_USE_ALONE.source.contains("neverusealone.com")
        );
        for l in NATIONAL_LINES.iter().chain([&EMERGENCY]) {
            assert!(!l.source.is_empty(), "{} needs a source", l.name);
            assert!(l.call.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
