//! Naloxone kits: where each is, what kind, when it expires, who knows where it is.
//! (The overdose-response steps come with the crisis screens, as cited data.)

use super::list::impl_has_id;
use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KitKind {
    NasalSpray,
    Injectable,
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NaloxoneKit {
    pub id: Id,
    /// Where it is kept: "kitchen drawer", "my backpack".
    pub location: String,
    pub kind: KitKind,
    #[serde(with = "super::datefmt::opt", default)]
    pub expires: Option<NaiveDate>,
    pub doses: u8,
    /// Who else knows where it is and how to use it.
    pub who_knows: String,
    pub others_trained: bool,
    pub notes: String,
}

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

impl NaloxoneKit {
    /// A new kit: a nasal-spray box holds two doses.
    pub fn new(id: Id, location: String) -> Self {
        NaloxoneKit {
            id,
            location,
            kind: KitKind::NasalSpray,
            expires: None,
            doses: 2,
            who_knows: String::new(),
            others_trained: false,
            notes: String::new(),
        }
    }

    /// What Today says about this kit, if anything: from 30 days before it expires, and
    /// after. Source for "still better than none": state health departments (CONTENT-FACTS).
    pub fn notice(&self, today: NaiveDate) -> Option<String> {
        let place = if self.location.trim().is_empty() {
            "Your naloxone kit".to_string()
        } else {
            format!("The naloxone kit in {}", self.location.trim())
        };
        let date = |d: NaiveDate| super::dates::long_date(d, today);
        match (self.status(today), self.expires) {
            (KitStatus::ExpiresSoon(0), _) => Some(format!("{place} expires today. Get a new one soon.")),
            (KitStatus::ExpiresSoon(1), Some(d)) => Some(format!("{place} expires tomorrow, {}. Get a new one soon.", date(d))),
            (KitStatus::ExpiresSoon(n), Some(d)) => Some(format!("{place} expires in {n} days, on {}. Get a new one soon.", date(d))),
            (KitStatus::Expired, Some(d)) => Some(format!("{place} expired on {}. Replace it, and keep the old one until you have: an expired kit is still better than none in an emergency.", date(d))),
            _ => None,
        }
    }
}

/// Seconds after a dose before the app says to give another if there is no response. The
/// label says every 2–3 minutes; the prompt comes at the first moment, 2 minutes.
/// Source: Narcan 4 mg nasal spray Drug Facts label (DailyMed).
pub const REDOSE_AFTER_SECS: u64 = 120;

/// The doses given in one overdose response, for the re-dose timer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Doses {
    pub count: u32,
    /// When the last dose was given (milliseconds on the device's clock).
    pub last_ms: u64,
}

/// What the timer says now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DosePrompt {
    /// Watch them: seconds until another dose is due.
    Watch(u64),
    /// Another dose is due if they are not responding (seconds since the last one).
    GiveAnother(u64),
}

impl Doses {
    pub fn give(&mut self, now_ms: u64) {
        self.count += 1;
        self.last_ms = now_ms;
    }

    pub fn prompt(&self, now_ms: u64) -> DosePrompt {
        let since = now_ms.saturating_sub(self.last_ms) / 1000;
        if since >= REDOSE_AFTER_SECS {
            DosePrompt::GiveAnother(since)
        } else {
            DosePrompt::Watch(REDOSE_AFTER_SECS - since)
        }
    }

    /// What a screen reader announces: only when the advice changes, never every second.
    pub fn announcement(&self, due: bool) -> String {
        let n = self.count;
        if due {
            format!("2 minutes since dose {n}. If they are not responding, give another dose now, with a new device in the other nostril.")
        } else {
            format!("Dose {n} given. Stay with them and watch their breathing. If they don't respond, give another dose in 2 minutes.")
        }
    }
}

/// Minutes and seconds, as a timer shows them: "1:05".
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_dose_is_due_two_minutes_after_each_dose() {
        let mut d = Doses::default();
        d.give(10_000);
        assert_eq!(d.count, 1);
        assert_eq!(d.prompt(10_000), DosePrompt::Watch(120));
        assert_eq!(d.prompt(129_999), DosePrompt::Watch(1));
        assert_eq!(d.prompt(130_000), DosePrompt::GiveAnother(120));
        assert_eq!(d.prompt(190_000), DosePrompt::GiveAnother(180));
        d.give(190_000);
        assert_eq!(d.count, 2);
        assert_eq!(d.prompt(200_000), DosePrompt::Watch(110));
        // A clock that goes backwards never panics or says "due".
        assert_eq!(d.prompt(0), DosePrompt::Watch(120));
        assert_eq!(clock(65), "1:05");
        assert!(d.announcement(true).contains("give another dose now"));
        assert!(d.announcement(false).contains("Dose 2 given"));
    }

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
        assert_eq!(kit.notice(d(2026, 12, 31)), None);
        let soon = kit.notice(d(2027, 1, 1)).expect("notice 30 days ahead");
        assert_eq!(soon, "The naloxone kit in Kitchen drawer expires in 30 days, on Sunday, January 31. Get a new one soon.");
        assert!(kit
            .notice(d(2027, 1, 31))
            .expect("today")
            .contains("expires today"));
        let gone = kit.notice(d(2027, 2, 1)).expect("expired");
        assert!(
            gone.contains("expired on") && gone.contains("better than none"),
            "{gone}"
        );
        kit.expires = None;
        assert_eq!(kit.status(d(2027, 2, 1)), KitStatus::NoDate);
        assert_eq!(kit.notice(d(2027, 2, 1)), None);
    }
}

/// Where a piece of overdose-response content comes from.
pub mod sources {
    pub const NARCAN_LABEL: &str =
        "Narcan (naloxone HCl) 4 mg nasal spray, over-the-counter Drug Facts label, 2023 (DailyMed)";
    /// "Lay them on their back, tilt the head" is in narcan.com's instructions for
    /// professionals, not in the over-the-counter Drug Facts.
    pub const NARCAN_PROFESSIONAL: &str =
        "narcan.com, Directions for Use (instructions for health professionals)";
    pub const SAMHSA_TOOLKIT: &str =
        "SAMHSA, Overdose Prevention and Response Toolkit (PEP23-03-00-001)";
    pub const CDC_STOP_OVERDOSE: &str = "CDC, Stop Overdose: Responding to an overdose";
    pub const NIDA_NALOXONE: &str = "NIDA, Naloxone DrugFacts";
    /// The lay-rescuer algorithm for an opioid-associated emergency: CPR for someone not
    /// breathing normally, 2 breaths after every 30 compressions only if trained, naloxone
    /// as soon as it is at hand.
    pub const AHA_OPIOID: &str = "American Heart Association, Opioid-Associated Emergency for Lay Rescuers algorithm (2020 Guidelines, 2023 focused update)";
}

/// One step of the overdose response: a short spoken-style heading, what to do, its sources,
/// and whether the step carries its own one-tap Call 911.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub detail: &'static [&'static str],
    pub sources: &'static [&'static str],
    pub call_911: bool,
}

/// Signs of an opioid overdose. Source: CDC Stop Overdose; SAMHSA toolkit.
pub const OVERDOSE_SIGNS: [&str; 6] = [
    "Can't be woken up, or is very sleepy and not responding",
    "Slow, shallow or no breathing; gurgling or snoring sounds",
    "Pale, blue or gray lips and fingertips",
    "Cold, clammy skin; limp body",
    "Very small (pinpoint) pupils",
    "If you are not sure, treat it as an overdose.",
];

/// The label's re-dose rule for someone who wakes and then fades again (Narcan OTC Drug
/// Facts, step 5). Said in "Stay with them" and in "When they wake up".
pub const SLEEPY_AGAIN: &str = "If they become very sleepy again or stop breathing, give another dose. You may need every dose in the pack.";

/// One instruction about staying (never a bare "don't leave them" beside "if you must
/// leave"). Sources: SAMHSA toolkit; CDC (recovery position).
pub const STAY_OR_SIDE: &str = "Stay with them. If you truly have to step away, roll them onto their side first, top knee bent (the recovery position).";

/// The response in the order of the naloxone label: check, first dose, call 911, CPR if
/// they are not breathing, watch and re-dose every 2–3 minutes, stay.
pub const STEPS: [Step; 6] = [
    Step {
        title: "Check if they respond",
        detail: &[
            "Shout their name or “Wake up!” and shake their shoulders.",
            "Look and listen: are they breathing?",
            "If they don't wake, give naloxone now (next step).",
        ],
        sources: &[sources::NARCAN_LABEL],
        call_911: false,
    },
    Step {
        title: "Give naloxone",
        detail: &[
            "Lay them on their back and tilt their head back.",
            "Put the nozzle into one nostril and press the plunger firmly. One spray is one dose.",
            "Don't test the spray first: each device sprays only once.",
        ],
        sources: &[sources::NARCAN_LABEL, sources::NARCAN_PROFESSIONAL],
        call_911: false,
    },
    Step {
        title: "Call 911",
        detail: &[
            "Call right after the first dose. Say “Someone is not breathing” and give the address.",
            "Put the phone on speaker and stay with them. The dispatcher will tell you what to do.",
        ],
        sources: &[sources::NARCAN_LABEL],
        call_911: true,
    },
    Step {
        title: "Not breathing, or only gasping: start CPR",
        detail: &[
            "Push hard and fast in the center of the chest, 100 to 120 pushes a minute. Don't stop.",
            "If you are trained, give 2 breaths after every 30 pushes. If not, keep pushing: hands-only CPR. The 911 dispatcher will coach you.",
            "Give naloxone as soon as you have it.",
            "Breathing but not awake: roll them onto their side, top knee bent (the recovery position), so they don't choke.",
        ],
        sources: &[sources::AHA_OPIOID],
        call_911: false,
    },
    Step {
        title: "Watch, and give another dose if needed",
        detail: &[
            "If they don't respond in 2–3 minutes, give another dose with a new device in the other nostril.",
            "Keep giving a dose every 2–3 minutes until they respond or help arrives. More doses are safe.",
        ],
        sources: &[sources::NARCAN_LABEL],
        call_911: false,
    },
    Step {
        title: "Stay with them",
        detail: &[
            "Stay until help arrives, even if they wake up.",
            "Naloxone wears off in about 30 to 90 minutes and the overdose can come back.",
            SLEEPY_AGAIN,
            STAY_OR_SIDE,
        ],
        sources: &[sources::NARCAN_LABEL, sources::NIDA_NALOXONE],
        call_911: false,
    },
];

/// What to expect when they wake. Source: Narcan label; SAMHSA toolkit.
pub const ON_WAKING: [&str; 4] = [
    "They may wake suddenly, confused, upset or in withdrawal: shaking, sweating, sick to their stomach. This is expected.",
    "Keep them calm and stop them from taking more opioids.",
    SLEEPY_AGAIN,
    "Stay with them: the overdose can come back when the naloxone wears off.",
];

/// What not to do. Source: SAMHSA Overdose Prevention and Response Toolkit. (Staying with
/// them is said once, as an instruction, in "Stay with them".)
pub const DO_NOT: [&str; 4] = [
    "Don't slap or hurt them to wake them.",
    "Don't put them in cold water or a cold bath.",
    "Don't inject them with anything else (salt water, milk, stimulants).",
    "Don't try to make them vomit.",
];

/// Good Samaritan laws. Source: CDC.
pub const GOOD_SAMARITAN: &str = "Most US states have Good Samaritan laws that may protect you and the person from some drug charges when you call for help. What they cover differs from state to state.";

/// Storing a kit. Source: Narcan 4 mg over-the-counter Drug Facts label (2023): store at
/// 36–77°F (2–25 °C), do not freeze, avoid heat above 104°F (40 °C), keep in the blister
/// out of light; the 36-month shelf life; state health departments for expired naloxone.
pub const STORAGE_GUIDANCE: [&str; 4] = [
    "Store it between 36°F and 77°F (2–25°C): at room temperature or in the refrigerator. Keep it in its blister package, out of light.",
    "Don't freeze it, and don't let it get hotter than 104°F (40°C), as in a hot car. Frozen, it won't spray; thawed for about 15 minutes at room temperature, it works again.",
    "Check the expiration date on the box (about 3 years from when it was made) and replace it before then.",
    "An expired kit is still better than none in an emergency.",
];

/// Where the storage guidance comes from, as shown beside it.
pub const STORAGE_SOURCE: &str = "Narcan (naloxone HCl) 4 mg nasal spray, over-the-counter Drug Facts label, 2023 (DailyMed); state health departments (expired naloxone)";

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
            "More doses are safe",
            "If they don't wake, give naloxone now",
            "center of the chest",
            "2 breaths after every 30 pushes",
            "hands-only CPR",
            "dispatcher",
            "speaker",
            "very sleepy again",
            "every dose in the pack",
        ] {
            assert!(t.contains(fact), "missing: {fact}");
        }
        // Rescue breaths alone are not the default for a bystander (AHA).
        assert!(!t.contains("every 5 seconds") && !t.contains("2 slow breaths"));
        // Step 1 ends by sending the rescuer to naloxone.
        assert_eq!(
            STEPS[0].detail.last(),
            Some(&"If they don't wake, give naloxone now (next step).")
        );
        // Step 3 is the call, and it carries its own Call 911; no other step does.
        let calls: Vec<_> = STEPS
            .iter()
            .filter(|s| s.call_911)
            .map(|s| s.title)
            .collect();
        assert_eq!(calls, ["Call 911"]);
        assert!(
            STEPS[2].title == "Call 911" && STEPS[2].detail.iter().any(|d| d.contains("speaker"))
        );
        // The CPR step follows the AHA and cites it.
        let cpr = STEPS
            .iter()
            .find(|s| s.title.contains("CPR"))
            .expect("a CPR step");
        assert!(cpr
            .sources
            .iter()
            .any(|s| s.contains("American Heart Association")));
        assert!(cpr
            .detail
            .iter()
            .any(|d| d.contains("30 pushes") && d.contains("hands-only")));
        // The re-dose rule for "sleepy again" is in the step and on waking.
        let stay = STEPS
            .iter()
            .find(|s| s.title == "Stay with them")
            .expect("stay");
        assert!(stay.detail.contains(&SLEEPY_AGAIN));
        assert!(ON_WAKING.contains(&SLEEPY_AGAIN));
        // One instruction about staying, never a bare "don't leave them alone".
        assert!(stay.detail.contains(&STAY_OR_SIDE));
        assert!(!t.contains("If you must leave"));
        assert!(DO_NOT.iter().all(|s| !s.contains("leave them alone")));
        assert!(OVERDOSE_SIGNS
            .iter()
            .any(|s| s.contains("treat it as an overdose")));
        // Storage from the current over-the-counter label; the 2020 range is gone.
        let storage = STORAGE_GUIDANCE.join(" ");
        assert!(storage.contains("36°F and 77°F") && storage.contains("2–25°C"));
        assert!(
            storage.contains("104°F") && storage.contains("freeze") && storage.contains("blister")
        );
        // (Written with format! so that the scan of shipped files does not find them here.)
        for old in [
            format!("{}–77", 68),
            format!("{}°F", 41),
            format!("{}–25", 20),
        ] {
            assert!(!storage.contains(&old), "{old}");
        }
        assert!(storage.contains("better than none"));
        assert!(STORAGE_SOURCE.contains("2023") && !STORAGE_SOURCE.contains("2020"));
        assert!(STEPS.iter().all(|s| !s.sources.is_empty()));
        assert!(STEPS[1].sources.contains(&sources::NARCAN_PROFESSIONAL));
        assert!(
            sources::SAMHSA_TOOLKIT.starts_with("SAMHSA, Overdose Prevention and Response Toolkit")
        );
    }
}
