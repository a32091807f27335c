//! Naloxone kits: where each is, what kind, when it expires, who knows where it is.
//! (The overdose-response steps come with the crisis screens, as cited data.)

use super::list::impl_has_id;
use super::Id;
use crate::i18n::td_string;
use crate::lang::Locale;
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
        let location = self.location.trim();
        let date = |d: NaiveDate| super::dates::long_date(d, today);
        let place = |with: &dyn Fn(&str) -> String, without: &dyn Fn() -> String| {
            if location.is_empty() {
                without()
            } else {
                with(location)
            }
        };
        match (self.status(today), self.expires) {
            (KitStatus::ExpiresSoon(0), _) => {
                Some(place(&|p| tr!(crisis.kits.today_at, place = p), &|| {
                    tr!(crisis.kits.today).to_string()
                }))
            }
            (KitStatus::ExpiresSoon(1), Some(d)) => Some(place(
                &|p| tr!(crisis.kits.tomorrow_at, place = p, date = date(d)),
                &|| tr!(crisis.kits.tomorrow, date = date(d)),
            )),
            (KitStatus::ExpiresSoon(n), Some(d)) => Some(place(
                &|p| tr!(crisis.kits.soon_at, place = p, n = n, date = date(d)),
                &|| tr!(crisis.kits.soon, n = n, date = date(d)),
            )),
            (KitStatus::Expired, Some(d)) => Some(place(
                &|p| tr!(crisis.kits.expired_at, place = p, date = date(d)),
                &|| tr!(crisis.kits.expired, date = date(d)),
            )),
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
            tr!(crisis.timer.say_due, n = n)
        } else {
            tr!(crisis.timer.say_watch, n = n)
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

/// Where a piece of overdose-response content comes from. The names are in
/// locales/<lang>/crisis.json (`sources`): the Spanish names the Spanish source where its
/// wording was taken from one (CDC "Detener la sobredosis", NIDA en español, the VA's
/// Spanish naloxone page) and says "traducción fiel" where no Spanish text exists.
pub mod sources {
    use crate::i18n::td_string;
    use crate::lang::Locale;

    pub fn narcan_label(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.narcan_label)
    }
    /// "Lay them on their back, tilt the head" is in narcan.com's instructions for
    /// professionals, not in the over-the-counter Drug Facts.
    pub fn narcan_professional(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.narcan_professional)
    }
    pub fn samhsa_toolkit(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.samhsa_toolkit)
    }
    pub fn cdc_stop_overdose(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.cdc)
    }
    pub fn nida_naloxone(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.nida)
    }
    /// The lay-rescuer algorithm for an opioid-associated emergency: CPR for someone not
    /// breathing normally, 2 breaths after every 30 compressions only if trained, naloxone
    /// as soon as it is at hand.
    pub fn aha_opioid(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.aha)
    }
    /// The VA's Spanish page, "Salvamento de sobredosis de opioides con espray nasal de
    /// naloxona (4 mg)": the Spanish wording of checking for a response and of the call.
    pub fn va_spanish(l: Locale) -> &'static str {
        td_string!(l, crisis.sources.va)
    }

    /// Every source of the overdose screen, for its list at the end.
    pub fn all(l: Locale) -> Vec<&'static str> {
        let mut v = vec![
            narcan_label(l),
            narcan_professional(l),
            aha_opioid(l),
            samhsa_toolkit(l),
            cdc_stop_overdose(l),
            nida_naloxone(l),
        ];
        if l == Locale::es {
            v.push(va_spanish(l));
        }
        v
    }
}

/// One step of the overdose response: a short spoken-style heading, what to do, its sources,
/// and whether the step carries its own one-tap Call 911.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: &'static str,
    pub detail: Vec<&'static str>,
    pub sources: Vec<&'static str>,
    pub call_911: bool,
}

/// Signs of an opioid overdose. Source: CDC Stop Overdose; SAMHSA toolkit. Spanish: CDC
/// "Detener la sobredosis" and NIDA en español, in their words.
pub fn overdose_signs(l: Locale) -> [&'static str; 6] {
    [
        td_string!(l, crisis.signs.s1),
        td_string!(l, crisis.signs.s2),
        td_string!(l, crisis.signs.s3),
        td_string!(l, crisis.signs.s4),
        td_string!(l, crisis.signs.s5),
        td_string!(l, crisis.signs.s6),
    ]
}

/// The label's re-dose rule for someone who wakes and then fades again (Narcan OTC Drug
/// Facts, step 5). Said in "Stay with them" and in "When they wake up".
pub fn sleepy_again(l: Locale) -> &'static str {
    td_string!(l, crisis.steps.sleepy_again)
}

/// One instruction about staying (never a bare "don't leave them" beside "if you must
/// leave"). Sources: SAMHSA toolkit; CDC (recovery position).
pub fn stay_or_side(l: Locale) -> &'static str {
    td_string!(l, crisis.steps.stay_or_side)
}

/// The response in the order of the naloxone label: check, first dose, call 911, CPR if
/// they are not breathing, watch and re-dose every 2–3 minutes, stay. The words are in
/// locales/<lang>/crisis.json (`steps`); the Spanish is the wording of
/// public/naloxone-es.html, with the Spanish sources it names added to a step's sources.
pub fn steps(l: Locale) -> [Step; 6] {
    use sources::*;
    let es = |v: &[fn(Locale) -> &'static str]| -> Vec<&'static str> {
        if l == Locale::es {
            v.iter().map(|f| f(l)).collect()
        } else {
            Vec::new()
        }
    };
    let with = |mut base: Vec<&'static str>, extra: Vec<&'static str>| {
        base.extend(extra);
        base
    };
    [
        Step {
            title: td_string!(l, crisis.steps.check.title),
            detail: vec![
                td_string!(l, crisis.steps.check.d1),
                td_string!(l, crisis.steps.check.d2),
                td_string!(l, crisis.steps.check.d3),
            ],
            sources: with(vec![narcan_label(l)], es(&[va_spanish])),
            call_911: false,
        },
        Step {
            title: td_string!(l, crisis.steps.give.title),
            detail: vec![
                td_string!(l, crisis.steps.give.d1),
                td_string!(l, crisis.steps.give.d2),
                td_string!(l, crisis.steps.give.d3),
            ],
            sources: vec![narcan_label(l), narcan_professional(l)],
            call_911: false,
        },
        Step {
            title: td_string!(l, crisis.steps.call.title),
            detail: vec![
                td_string!(l, crisis.steps.call.d1),
                td_string!(l, crisis.steps.call.d2),
            ],
            sources: with(vec![narcan_label(l)], es(&[va_spanish])),
            call_911: true,
        },
        Step {
            title: td_string!(l, crisis.steps.cpr.title),
            detail: vec![
                td_string!(l, crisis.steps.cpr.d1),
                td_string!(l, crisis.steps.cpr.d2),
                td_string!(l, crisis.steps.cpr.d3),
                td_string!(l, crisis.steps.cpr.d4),
            ],
            sources: with(vec![aha_opioid(l)], es(&[cdc_stop_overdose])),
            call_911: false,
        },
        Step {
            title: td_string!(l, crisis.steps.watch.title),
            detail: vec![
                td_string!(l, crisis.steps.watch.d1),
                td_string!(l, crisis.steps.watch.d2),
            ],
            sources: with(vec![narcan_label(l)], es(&[cdc_stop_overdose])),
            call_911: false,
        },
        Step {
            title: td_string!(l, crisis.steps.stay.title),
            detail: vec![
                td_string!(l, crisis.steps.stay.d1),
                td_string!(l, crisis.steps.stay.d2),
                sleepy_again(l),
                stay_or_side(l),
            ],
            sources: with(
                vec![narcan_label(l), nida_naloxone(l)],
                es(&[cdc_stop_overdose]),
            ),
            call_911: false,
        },
    ]
}

/// What to expect when they wake. Source: Narcan label; SAMHSA toolkit.
pub fn on_waking(l: Locale) -> [&'static str; 4] {
    [
        td_string!(l, crisis.waking.w1),
        td_string!(l, crisis.waking.w2),
        sleepy_again(l),
        td_string!(l, crisis.waking.w4),
    ]
}

/// What not to do. Source: SAMHSA Overdose Prevention and Response Toolkit. (Staying with
/// them is said once, as an instruction, in "Stay with them".)
pub fn do_not(l: Locale) -> [&'static str; 4] {
    [
        td_string!(l, crisis.dont.n1),
        td_string!(l, crisis.dont.n2),
        td_string!(l, crisis.dont.n3),
        td_string!(l, crisis.dont.n4),
    ]
}

/// Good Samaritan laws. Source: CDC (Spanish: CDC "Detener la sobredosis").
pub fn good_samaritan(l: Locale) -> &'static str {
    td_string!(l, crisis.good_samaritan)
}

/// Storing a kit. Source: Narcan 4 mg over-the-counter Drug Facts label (2023): store at
/// 36–77°F (2–25 °C), do not freeze, avoid heat above 104°F (40 °C), keep in the blister
/// out of light; the 36-month shelf life; state health departments for expired naloxone.
/// The label's storage text, in locales/<lang>/crisis.json (`storage`); the Spanish is a
/// faithful translation (no Spanish label exists) and its source says so.
pub fn storage_guidance(l: Locale) -> [&'static str; 4] {
    [
        td_string!(l, crisis.storage.g1),
        td_string!(l, crisis.storage.g2),
        td_string!(l, crisis.storage.g3),
        td_string!(l, crisis.storage.g4),
    ]
}

/// Where the storage guidance comes from, as shown beside it.
pub fn storage_source(l: Locale) -> &'static str {
    td_string!(l, crisis.storage.source)
}

#[cfg(test)]
mod fact_tests {
    use super::*;

    fn all_text(l: Locale) -> String {
        steps(l)
            .iter()
            .flat_map(|s| std::iter::once(s.title).chain(s.detail.iter().copied()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn steps_follow_the_label_order() {
        for (l, check, give, call, watch, stay) in [
            (
                Locale::en,
                "Check",
                "Give naloxone",
                "Call 911",
                "Watch",
                "Stay",
            ),
            (
                Locale::es,
                "Compruebe",
                "Administre naloxona",
                "Llame al 911",
                "Observe",
                "Quédese",
            ),
        ] {
            let titles: Vec<_> = steps(l).iter().map(|s| s.title).collect();
            let pos = |t: &str| titles.iter().position(|x| x.contains(t)).expect(t);
            assert!(pos(check) < pos(give));
            assert!(pos(give) < pos(call));
            assert!(pos(call) < pos(watch));
            assert!(pos(watch) < pos(stay));
        }
    }

    #[test]
    fn facts_that_must_not_drift() {
        let eng = Locale::en;
        let t = all_text(eng);
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
        let s = steps(eng);
        // Step 1 ends by sending the rescuer to naloxone.
        assert_eq!(
            s[0].detail.last(),
            Some(&"If they don't wake, give naloxone now (next step).")
        );
        // Step 3 is the call, and it carries its own Call 911; no other step does.
        let calls: Vec<_> = s.iter().filter(|s| s.call_911).map(|s| s.title).collect();
        assert_eq!(calls, ["Call 911"]);
        assert!(s[2].detail.iter().any(|d| d.contains("speaker")));
        // The CPR step follows the AHA and cites it.
        let cpr = s
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
        let stay = s
            .iter()
            .find(|s| s.title == "Stay with them")
            .expect("stay");
        assert!(stay.detail.contains(&sleepy_again(eng)));
        assert!(on_waking(eng).contains(&sleepy_again(eng)));
        // One instruction about staying, never a bare "don't leave them alone".
        assert!(stay.detail.contains(&stay_or_side(eng)));
        assert!(!t.contains("If you must leave"));
        assert!(do_not(eng).iter().all(|s| !s.contains("leave them alone")));
        assert!(overdose_signs(eng)
            .iter()
            .any(|s| s.contains("treat it as an overdose")));
        assert!(s.iter().all(|s| !s.sources.is_empty()));
        assert!(s[1].sources.contains(&sources::narcan_professional(eng)));
        assert!(sources::samhsa_toolkit(eng)
            .starts_with("SAMHSA, Overdose Prevention and Response Toolkit"));
        // English names only the English sources.
        assert!(s
            .iter()
            .all(|s| s.sources.iter().all(|x| !x.contains("VA"))));
    }

    #[test]
    fn storage_from_the_current_label() {
        let storage = storage_guidance(Locale::en).join(" ");
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
        for l in [Locale::en, Locale::es] {
            let source = storage_source(l);
            assert!(source.contains("2023") && !source.contains("2020"));
        }
        let spanish = storage_guidance(Locale::es).join(" ");
        assert!(
            spanish.contains("36 °F y 77 °F")
                && spanish.contains("104 °F")
                && spanish.contains("congele")
        );
    }

    /// The Spanish steps say the same facts, in the words of public/naloxone-es.html, and
    /// every step names where its Spanish comes from.
    #[test]
    fn spanish_facts_that_must_not_drift() {
        let spa = Locale::es;
        let t = all_text(spa);
        for fact in [
            "911",
            "2 o 3 minutos",
            "otra fosa nasal",
            "posición de recuperación",
            "Quédese hasta que llegue ayuda",
            "30 a 90 minutos",
            "puede volver",
            "Es seguro dar más dosis",
            "Si no se despierta, adminístrele naloxona ahora",
            "centro del pecho",
            "2 respiraciones después de cada 30 compresiones",
            "RCP solo con las manos",
            "operador del 911",
            "altavoz",
            "mucho sueño",
            "todas las dosis del paquete",
        ] {
            assert!(t.contains(fact), "missing: {fact}");
        }
        let (s, english) = (steps(spa), steps(Locale::en));
        for (a, b) in s.iter().zip(english.iter()) {
            assert_eq!(a.detail.len(), b.detail.len(), "{}", a.title);
            assert_eq!(a.call_911, b.call_911);
            assert!(a.sources.len() >= b.sources.len());
        }
        let cpr = s.iter().find(|s| s.title.contains("RCP")).expect("RCP");
        assert!(cpr
            .sources
            .iter()
            .any(|x| x.contains("American Heart Association") && x.contains("traducción fiel")));
        assert!(s[0].sources.iter().any(|x| x.contains("VA")));
        assert!(overdose_signs(spa)
            .iter()
            .any(|x| x.contains("trátela como si tuviera una sobredosis")));
        assert!(sources::all(spa)
            .iter()
            .any(|x| x.contains("Detener la sobredosis")));
        // The same wording as the Spanish static page.
        let page = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/naloxone-es.html"
        ))
        .expect("the Spanish page");
        for line in s
            .iter()
            .flat_map(|s| std::iter::once(s.title).chain(s.detail.iter().copied()))
        {
            assert!(page.contains(line), "not on naloxone-es.html: {line}");
        }
    }
}
