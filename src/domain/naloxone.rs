//! Naloxone kits: where each is, what kind, when it expires, who knows where it is.
//! (The overdose-response steps come with the crisis screens, as cited data.)

use super::enums::string_enum;
use super::json::json_struct;
use super::list::impl_has_id;
use super::Id;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KitKind {
    NasalSpray,
    Injectable,
    Other,
}

string_enum!(KitKind {
    NasalSpray => "nasal_spray",
    Injectable => "injectable",
    Other => "other",
});

#[derive(Clone, Debug, PartialEq)]
pub struct NaloxoneKit {
    pub id: Id,
    /// Where it is kept: "kitchen drawer", "my backpack".
    pub location: String,
    pub kind: KitKind,
    pub expires: Option<NaiveDate>,
    pub doses: u8,
    /// Who else knows where it is and how to use it.
    pub who_knows: String,
    pub others_trained: bool,
    pub notes: String,
}

json_struct!(NaloxoneKit {
    id,
    location,
    kind,
    expires,
    doses,
    who_knows,
    others_trained,
    notes
});

impl_has_id!(NaloxoneKit);

/// How soon a kit's expiry matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KitStatus {
    Ok,
    /// Expires within 30 days (days left, 0 = today).
    ExpiresSoon(i64),
    Expired,
    NoDate,
}

/// Days of notice before a kit expires.
pub const EXPIRY_NOTICE_DAYS: i64 = 30;

impl NaloxoneKit {
    pub fn status(&self, today: NaiveDate) -> KitStatus {
        match self.expires {
            None => KitStatus::NoDate,
            Some(d) if d < today => KitStatus::Expired,
            Some(d) => {
                let left = (d - today).num_days();
                if left <= EXPIRY_NOTICE_DAYS {
                    KitStatus::ExpiresSoon(left)
                } else {
                    KitStatus::Ok
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_notice_starts_thirty_days_ahead() {
        let mut kit = NaloxoneKit {
            id: Id::generate(1, 1),
            location: "Kitchen drawer".into(),
            kind: KitKind::NasalSpray,
            expires: NaiveDate::from_ymd_opt(2027, 1, 31),
            doses: 2,
            who_knows: String::new(),
            others_trained: false,
            notes: String::new(),
        };
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("valid date");
        assert_eq!(kit.status(d(2026, 12, 31)), KitStatus::Ok);
        assert_eq!(kit.status(d(2027, 1, 1)), KitStatus::ExpiresSoon(30));
        assert_eq!(kit.status(d(2027, 1, 31)), KitStatus::ExpiresSoon(0));
        assert_eq!(kit.status(d(2027, 2, 1)), KitStatus::Expired);
        kit.expires = None;
        assert_eq!(kit.status(d(2027, 2, 1)), KitStatus::NoDate);
    }
}

/// Where a piece of overdose-response content comes from.
pub mod sources {
    pub const NARCAN_LABEL: &str =
        "Narcan (naloxone HCl) 4 mg nasal spray, over-the-counter Drug Facts label (DailyMed)";
    pub const SAMHSA_TOOLKIT: &str = "SAMHSA, Opioid Overdose Prevention and Response Toolkit";
    pub const CDC_STOP_OVERDOSE: &str = "CDC, Stop Overdose: Responding to an overdose";
    pub const NIDA_NALOXONE: &str = "NIDA, Naloxone DrugFacts";
}

/// One step of the overdose response: a short spoken-style heading, what to do, its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub detail: &'static [&'static str],
    pub source: &'static str,
}

/// Signs of an opioid overdose. Source: CDC Stop Overdose; SAMHSA toolkit.
pub const OVERDOSE_SIGNS: [&str; 6] = [
    "Can't be woken up, or is very sleepy and not responding",
    "Slow, shallow or no breathing; gurgling or snoring sounds",
    "Pale, blue or grey lips and fingertips",
    "Cold, clammy skin; limp body",
    "Very small (pinpoint) pupils",
    "If you are not sure, treat it as an overdose.",
];

/// The response in the order of the naloxone label: check, first dose, call 911, support
/// breathing, watch and re-dose every 2–3 minutes, stay.
pub const STEPS: [Step; 6] = [
    Step {
        title: "Check if they respond",
        detail: &[
            "Shout their name or “Wake up!” and shake their shoulders.",
            "Look and listen: are they breathing?",
        ],
        source: sources::NARCAN_LABEL,
    },
    Step {
        title: "Give naloxone",
        detail: &[
            "Lay them on their back and tilt their head back.",
            "Put the nozzle into one nostril and press the plunger firmly. One spray is one dose.",
            "Don't test the spray first: each device sprays only once.",
        ],
        source: sources::NARCAN_LABEL,
    },
    Step {
        title: "Call 911",
        detail: &[
            "Call right after the first dose. Say: “Someone is not breathing”, and give the address.",
        ],
        source: sources::NARCAN_LABEL,
    },
    Step {
        title: "Help them breathe",
        detail: &[
            "Not breathing: tilt the head back, clear the mouth, pinch the nose, give 2 slow breaths, then 1 breath every 5 seconds.",
            "Breathing but not awake: roll them onto their side, top knee bent (the recovery position), so they don't choke.",
        ],
        source: sources::SAMHSA_TOOLKIT,
    },
    Step {
        title: "Watch, and give another dose if needed",
        detail: &[
            "If they don't respond in 2–3 minutes, give another dose with a new device in the other nostril.",
            "Keep giving a dose every 2–3 minutes until they respond or help arrives. More doses are safe.",
        ],
        source: sources::NARCAN_LABEL,
    },
    Step {
        title: "Stay with them",
        detail: &[
            "Stay until help arrives, even if they wake up.",
            "Naloxone wears off in about 30 to 90 minutes and the overdose can come back.",
            "If you must leave them, put them in the recovery position first.",
        ],
        source: sources::NIDA_NALOXONE,
    },
];

/// What to expect when they wake. Source: Narcan label; SAMHSA toolkit.
pub const ON_WAKING: [&str; 3] = [
    "They may wake suddenly, confused, upset or in withdrawal: shaking, sweating, sick to their stomach. This is expected.",
    "Keep them calm and stop them taking more opioids.",
    "Stay with them: the overdose can come back when the naloxone wears off.",
];

/// What not to do. Source: SAMHSA toolkit.
pub const DO_NOT: [&str; 5] = [
    "Don't slap or hurt them to wake them.",
    "Don't put them in cold water or a cold bath.",
    "Don't inject them with anything else (salt water, milk, stimulants).",
    "Don't try to make them vomit.",
    "Don't leave them alone.",
];

/// Good Samaritan laws. Source: CDC.
pub const GOOD_SAMARITAN: &str = "Most US states have Good Samaritan laws that may protect you and the person from some drug charges when you call for help. What they cover differs from state to state.";

/// Storing a kit. Source: current Narcan label (red plunger, 2020 update); state health
/// departments for expired naloxone.
pub const STORAGE_GUIDANCE: [&str; 4] = [
    "Keep it at room temperature, 68–77°F (20–25°C), in its box, away from light. Short trips between 41°F and 104°F (5–40°C) are fine.",
    "Don't freeze it or leave it in a hot car. Frozen, it won't spray; thawed for about 15 minutes at room temperature, it works again.",
    "Check the expiry date on the box (about 3 years from when it was made) and replace it before then.",
    "An expired kit is still better than none in an emergency.",
];

#[cfg(test)]
mod fact_tests {
    use super::*;

    fn all_text() -> String {
        STEPS
            .iter()
            .flat_map(|s| std::iter::once(s.title).chain(s.detail.iter().copied()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn steps_follow_the_label_order() {
        let titles: Vec<_> = STEPS.iter().map(|s| s.title).collect();
        let pos = |t: &str| titles.iter().position(|x| x.contains(t)).expect(t);
        assert!(pos("Check") < pos("Give naloxone"));
        assert!(pos("Give naloxone") < pos("Call 911"));
        assert!(pos("Call 911") < pos("Watch"));
        assert!(pos("Watch") < pos("Stay"));
    }

    #[test]
    fn facts_that_must_not_drift() {
        let t = all_text();
        for fact in [
            "911",
            "2–3 minutes",
            "other nostril",
            "recovery position",
            "Stay until help arrives",
            "30 to 90 minutes",
            "come back",
            "2 slow breaths",
            "every 5 seconds",
            "More doses are safe",
        ] {
            assert!(t.contains(fact), "missing: {fact}");
        }
        assert!(OVERDOSE_SIGNS
            .iter()
            .any(|s| s.contains("treat it as an overdose")));
        assert!(DO_NOT.iter().any(|s| s.contains("leave them alone")));
        assert!(STORAGE_GUIDANCE
            .iter()
            .any(|s| s.contains("68–77°F") && s.contains("20–25°C")));
        assert!(STORAGE_GUIDANCE
            .iter()
            .any(|s| s.contains("better than none")));
        assert!(STEPS.iter().all(|s| !s.source.is_empty()));
    }
}
