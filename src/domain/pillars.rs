//! The plan's pillars, how strong each is, when the plan is due for review, and the plain
//! text a person can share with loved ones or carry on a wallet card.

use super::contacts::dial_string;
use super::Plan;
use crate::i18n::td_string;
use crate::lang::{self, Locale};
use chrono::{Days, NaiveDate};
use std::sync::LazyLock;

/// A pillar of the safety net: one screen of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pillar {
    People,
    Crisis,
    Relapse,
    Care,
    Slip,
    Therapy,
    Goals,
    LovedOnes,
}

/// How much of a pillar is in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Empty,
    Thin,
    InPlace,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Empty => tr!(plan.level.empty),
            Level::Thin => tr!(plan.level.thin),
            Level::InPlace => tr!(plan.level.in_place),
        }
    }
}

impl Pillar {
    /// In the order the plan shows them, which is also the order of what to add next: the
    /// people and the crisis plan first.
    pub const ALL: [Pillar; 8] = [
        Pillar::People,
        Pillar::Crisis,
        Pillar::Relapse,
        Pillar::Care,
        Pillar::Slip,
        Pillar::Therapy,
        Pillar::Goals,
        Pillar::LovedOnes,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Pillar::People => "people",
            Pillar::Crisis => "crisis",
            Pillar::Relapse => "relapse",
            Pillar::Care => "care",
            Pillar::Slip => "slip",
            Pillar::Therapy => "therapy",
            Pillar::Goals => "goals",
            Pillar::LovedOnes => "loved-ones",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Pillar> {
        Pillar::ALL.into_iter().find(|p| p.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Pillar::People => tr!(plan.pillar.people.title),
            Pillar::Crisis => tr!(plan.pillar.crisis.title),
            Pillar::Relapse => tr!(plan.pillar.relapse.title),
            Pillar::Care => tr!(plan.pillar.care.title),
            Pillar::Slip => tr!(plan.pillar.slip.title),
            Pillar::Therapy => tr!(plan.pillar.therapy.title),
            Pillar::Goals => tr!(plan.pillar.goals.title),
            Pillar::LovedOnes => tr!(plan.pillar.loved_ones.title),
        }
    }

    /// One sentence under the title: what belongs here.
    pub fn intro(self) -> &'static str {
        match self {
            Pillar::People => tr!(plan.pillar.people.intro),
            Pillar::Crisis => tr!(plan.pillar.crisis.intro),
            Pillar::Relapse => tr!(plan.pillar.relapse.intro),
            Pillar::Care => tr!(plan.pillar.care.intro),
            Pillar::Slip => tr!(plan.pillar.slip.intro),
            Pillar::Therapy => tr!(plan.pillar.therapy.intro),
            Pillar::Goals => tr!(plan.pillar.goals.intro),
            Pillar::LovedOnes => tr!(plan.pillar.loved_ones.intro),
        }
    }

    /// How much of this pillar is in place.
    pub fn level(self, p: &Plan) -> Level {
        let r = &p.relapse;
        let (started, in_place) = match self {
            Pillar::People => (
                !p.people.is_empty(),
                p.people.len() >= 3 && p.people.iter().any(|x| x.call_in_crisis),
            ),
            Pillar::Crisis => (
                !p.crisis_steps.is_empty() || !p.naloxone_kits.is_empty(),
                !p.crisis_steps.is_empty() && !p.naloxone_kits.is_empty(),
            ),
            Pillar::Relapse => (
                !(r.reasons.is_empty()
                    && r.triggers.is_empty()
                    && r.warning_signs.is_empty()
                    && r.coping.is_empty()
                    && r.places_to_avoid.is_empty()),
                !r.reasons.is_empty()
                    && r.triggers.len() >= 3
                    && !r.warning_signs.is_empty()
                    && r.triggers
                        .iter()
                        .all(|t| r.coping_for(&t.id).next().is_some()),
            ),
            Pillar::Care => (
                !(p.care.medications.is_empty() && p.care.appointments.is_empty()),
                !p.care.medications.is_empty() && !p.care.appointments.is_empty(),
            ),
            Pillar::Slip => (!p.slip_steps.is_empty(), p.slip_steps.len() >= 3),
            Pillar::Therapy => (
                !p.care.therapy.is_empty(),
                p.care
                    .therapy
                    .iter()
                    .any(|t| !t.working_on.trim().is_empty()),
            ),
            Pillar::Goals => (
                !p.goals.is_empty(),
                p.goals.iter().any(|g| !g.next_step.trim().is_empty()),
            ),
            Pillar::LovedOnes => {
                let l = &p.loved_ones;
                let filled = [&l.what_to_know, &l.how_to_help, &l.boundaries]
                    .iter()
                    .filter(|t| !t.trim().is_empty())
                    .count();
                (filled > 0, filled == 3)
            }
        };
        match (started, in_place) {
            (_, true) => Level::InPlace,
            (true, false) => Level::Thin,
            (false, false) => Level::Empty,
        }
    }

    /// What to add next to this pillar, when it is not in place yet.
    pub fn next_step(self, p: &Plan) -> Option<&'static str> {
        let r = &p.relapse;
        if self.level(p) == Level::InPlace {
            return None;
        }
        Some(match self {
            Pillar::People if p.people.len() < 3 => tr!(plan.next_step.people_three),
            Pillar::People => tr!(plan.next_step.people_crisis),
            Pillar::Crisis if p.naloxone_kits.is_empty() => tr!(plan.next_step.naloxone),
            Pillar::Crisis => tr!(plan.next_step.crisis_first),
            Pillar::Relapse if r.reasons.is_empty() => tr!(plan.next_step.reason),
            Pillar::Relapse if r.triggers.len() < 3 => tr!(plan.next_step.triggers),
            Pillar::Relapse if r.warning_signs.is_empty() => tr!(plan.next_step.warning_sign),
            Pillar::Relapse => tr!(plan.next_step.coping),
            Pillar::Care => tr!(plan.next_step.care),
            Pillar::Slip => tr!(plan.next_step.slip),
            Pillar::Therapy => tr!(plan.next_step.therapy),
            Pillar::Goals => tr!(plan.next_step.goals),
            Pillar::LovedOnes => tr!(plan.next_step.loved_ones),
        })
    }
}

/// The first thing to add to the plan, in the order of the pillars.
pub fn next_to_add(p: &Plan) -> Option<(Pillar, &'static str)> {
    Pillar::ALL
        .into_iter()
        .find_map(|x| x.next_step(p).map(|s| (x, s)))
}

/// Ideas the person can add to a list with one tap, then make their own. A list shows its
/// ideas as `&'static [&'static str]`, so each language's list is built once, the first
/// time it is asked for, and kept (two small arrays per list, not one per drawing).
fn ideas_of<const N: usize>(
    en: &'static LazyLock<[&'static str; N]>,
    es: &'static LazyLock<[&'static str; N]>,
) -> &'static [&'static str] {
    match lang::current() {
        Locale::en => &en[..],
        Locale::es => &es[..],
    }
}

/// First steps in a crisis.
pub fn crisis_ideas() -> &'static [&'static str] {
    fn of(l: Locale) -> [&'static str; 4] {
        [
            td_string!(l, plan.ideas.call_sponsor),
            td_string!(l, plan.ideas.call_988),
            td_string!(l, plan.ideas.somewhere_safe),
            td_string!(l, plan.ideas.overdose),
        ]
    }
    static EN: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::en));
    static ES: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::es));
    ideas_of(&EN, &ES)
}

/// Triggers: HALT (hungry, angry, lonely, tired), then payday.
pub fn trigger_ideas() -> &'static [&'static str] {
    fn of(l: Locale) -> [&'static str; 5] {
        [
            td_string!(l, plan.ideas.hungry),
            td_string!(l, plan.ideas.angry),
            td_string!(l, plan.ideas.lonely),
            td_string!(l, plan.ideas.tired),
            td_string!(l, plan.ideas.payday),
        ]
    }
    static EN: LazyLock<[&str; 5]> = LazyLock::new(|| of(Locale::en));
    static ES: LazyLock<[&str; 5]> = LazyLock::new(|| of(Locale::es));
    ideas_of(&EN, &ES)
}

/// HALT alone: hungry, angry, lonely, tired (the guided start).
pub fn halt_ideas() -> &'static [&'static str] {
    &trigger_ideas()[..4]
}

/// Early warning signs.
pub fn warning_sign_ideas() -> &'static [&'static str] {
    fn of(l: Locale) -> [&'static str; 4] {
        [
            td_string!(l, plan.ideas.isolating),
            td_string!(l, plan.ideas.skipping_meetings),
            td_string!(l, plan.ideas.not_sleeping),
            td_string!(l, plan.ideas.missing_medication),
        ]
    }
    static EN: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::en));
    static ES: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::es));
    ideas_of(&EN, &ES)
}

/// Coping strategies.
pub fn coping_ideas() -> &'static [&'static str] {
    fn of(l: Locale) -> [&'static str; 4] {
        [
            td_string!(l, plan.ideas.call_sponsor),
            td_string!(l, plan.ideas.extra_meeting),
            td_string!(l, plan.ideas.leave_place),
            td_string!(l, plan.ideas.eat_rest),
        ]
    }
    static EN: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::en));
    static ES: LazyLock<[&str; 4]> = LazyLock::new(|| of(Locale::es));
    ideas_of(&EN, &ES)
}

/// Suggested steps after a slip: an empty list offers them all in one tap, ready to edit.
/// Sources: SAMHSA (reach out to your support and prescriber; lower tolerance after a break
/// raises overdose risk: don't use alone, carry naloxone). Spanish: no Spanish SAMHSA text
/// for these steps; a faithful translation (traducción fiel), in the glossary's words
/// (locales/README.md), and "No consumir a solas", "mi tolerancia ahora es más baja" as
/// crisis.tolerance says them.
pub fn slip_ideas() -> &'static [&'static str] {
    fn of(l: Locale) -> [&'static str; 6] {
        [
            td_string!(l, plan.ideas.slip_sponsor),
            td_string!(l, plan.ideas.slip_doctor),
            td_string!(l, plan.ideas.extra_meeting),
            td_string!(l, plan.ideas.slip_not_alone),
            td_string!(l, plan.ideas.slip_naloxone),
            td_string!(l, plan.ideas.slip_kind),
        ]
    }
    static EN: LazyLock<[&str; 6]> = LazyLock::new(|| of(Locale::en));
    static ES: LazyLock<[&str; 6]> = LazyLock::new(|| of(Locale::es));
    ideas_of(&EN, &ES)
}

/// Where the plan stands with its review rhythm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    /// Nothing written yet: nothing to review.
    NothingYet,
    /// Never reviewed, or the last review was `every` days ago or more.
    Due { last: Option<NaiveDate> },
    /// Reviewed; the next review is on this date.
    Next(NaiveDate),
}

pub fn review(p: &Plan, today: NaiveDate) -> Review {
    if p.is_empty() {
        return Review::NothingYet;
    }
    let last = p.reviews.last().copied();
    // Never reviewed: the first review comes due one period after the plan was started,
    // not the moment it has something in it.
    let Some(from) = last.or(p.settings.started) else {
        return Review::NothingYet;
    };
    let every = u64::from(p.settings.review_every_days.max(1));
    match from.checked_add_days(Days::new(every)) {
        Some(next) if today < next => Review::Next(next),
        _ => Review::Due { last },
    }
}

/// Records a review on `today` (once per day; dates stay in order).
pub fn record_review(p: &mut Plan, today: NaiveDate) {
    if p.reviews.last().is_none_or(|d| *d < today) {
        p.reviews.push(today);
    }
}

/// The review interval's bounds, in days.
pub const REVIEW_EVERY_MIN: u16 = 7;
pub const REVIEW_EVERY_MAX: u16 = 365;

/// A section that can be shared as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareSection {
    /// Stays English whatever the language: it names the section in code.
    pub key: &'static str,
    /// In the current language.
    pub title: &'static str,
    /// Private sections are never chosen by default.
    pub private: bool,
}

/// The sections that can be shared or printed, in order: `SHARE_SECTIONS.iter()` gives
/// each with its title in the current language (the titles can't be in a `const`).
pub struct ShareSections;

pub const SHARE_SECTIONS: ShareSections = ShareSections;

impl ShareSections {
    const KEYS: [(&'static str, bool); 13] = [
        ("loved-ones", false),
        ("warning-signs", false),
        ("crisis", false),
        ("slip", false),
        ("people", false),
        ("coping", false),
        ("naloxone", false),
        ("reasons", false),
        ("triggers", true),
        ("goals", true),
        ("care", true),
        ("therapy", true),
        ("keep-distance", true),
    ];

    pub fn iter(&self) -> impl Iterator<Item = ShareSection> {
        Self::KEYS.into_iter().map(|(key, private)| ShareSection {
            key,
            title: section_title(key),
            private,
        })
    }
}

fn section_title(key: &str) -> &'static str {
    match key {
        "loved-ones" => tr!(plan.sections.loved_ones),
        "warning-signs" => tr!(plan.sections.warning_signs),
        "crisis" => tr!(plan.sections.crisis),
        "slip" => tr!(plan.sections.slip),
        "people" => tr!(plan.sections.people),
        "coping" => tr!(plan.sections.coping),
        "naloxone" => tr!(plan.sections.naloxone),
        "reasons" => tr!(plan.sections.reasons),
        "triggers" => tr!(plan.sections.triggers),
        "goals" => tr!(plan.sections.goals),
        "care" => tr!(plan.sections.care),
        "therapy" => tr!(plan.sections.therapy),
        _ => tr!(plan.sections.keep_distance),
    }
}

/// The lines of one section (empty when there is nothing in it).
pub fn section_lines(p: &Plan, key: &str) -> Vec<String> {
    let r = &p.relapse;
    let texts = |v: &[super::Entry]| v.iter().map(|e| e.text.trim().to_string()).collect();
    let mut lines: Vec<String> = match key {
        "loved-ones" => {
            let l = &p.loved_ones;
            let mut out = Vec::new();
            if let Some(text) = some_text(&l.what_to_know) {
                out.push(tr!(plan.text.what_to_know, text = text));
            }
            if let Some(text) = some_text(&l.how_to_help) {
                out.push(tr!(plan.text.how_to_help, text = text));
            }
            if let Some(text) = some_text(&l.boundaries) {
                out.push(tr!(plan.text.boundaries, text = text));
            }
            out
        }
        "warning-signs" => texts(&r.warning_signs),
        "crisis" => numbered(texts(&p.crisis_steps)),
        "slip" => numbered(texts(&p.slip_steps)),
        "people" => p
            .people
            .iter()
            .map(|x| {
                join(&[
                    x.name.trim(),
                    x.role.label(),
                    x.phone.trim(),
                    if x.call_in_crisis {
                        tr!(plan.text.call_in_crisis)
                    } else {
                        ""
                    },
                ])
            })
            .collect(),
        "coping" => r.coping.iter().map(|c| c.text.trim().to_string()).collect(),
        "naloxone" => p
            .naloxone_kits
            .iter()
            .map(|k| k.location.trim().to_string())
            .collect(),
        "reasons" => texts(&r.reasons),
        "triggers" => r
            .triggers
            .iter()
            .map(|t| t.text.trim().to_string())
            .collect(),
        "goals" => p
            .goals
            .iter()
            .map(|g| {
                let step = g.next_step.trim();
                let goal = g.goal.trim();
                match (g.done, step.is_empty()) {
                    (false, true) => goal.to_string(),
                    (true, true) => tr!(plan.text.goal_done, goal = goal),
                    (false, false) => tr!(plan.text.goal_step, goal = goal, step = step),
                    (true, false) => tr!(plan.text.goal_done_step, goal = goal, step = step),
                }
            })
            .collect(),
        "care" => p
            .care
            .medications
            .iter()
            .map(|m| {
                let prescriber = some_text(&m.prescriber)
                    .map(|name| tr!(plan.text.prescriber, name = name))
                    .unwrap_or_default();
                let pharmacy = some_text(&m.pharmacy)
                    .map(|name| tr!(plan.text.pharmacy, name = name))
                    .unwrap_or_default();
                let refill = m
                    .next_refill
                    .map(|d| tr!(plan.text.refill, date = super::dates::full_date(d)))
                    .unwrap_or_default();
                join(&[
                    m.name.trim(),
                    m.dose.trim(),
                    m.schedule.trim(),
                    &prescriber,
                    &pharmacy,
                    &refill,
                ])
            })
            .chain(p.care.appointments.iter().map(|a| {
                let when =
                    a.at.map(|t| {
                        format!(
                            "{}, {}",
                            super::dates::full_date(t.date()),
                            super::community::clock_time(t.time())
                        )
                    })
                    .unwrap_or_default();
                join(&[a.with_whom.trim(), &when, a.place.trim()])
            }))
            .collect(),
        "therapy" => p
            .care
            .therapy
            .iter()
            .map(|t| join(&[t.provider.trim(), t.working_on.trim()]))
            .collect(),
        "keep-distance" => texts(&p.keep_distance),
        _ => Vec::new(),
    };
    lines.retain(|l| !l.is_empty());
    lines
}

/// The text without its outer spaces, or nothing when that leaves it empty.
fn some_text(value: &str) -> Option<&str> {
    Some(value.trim()).filter(|v| !v.is_empty())
}

fn numbered(v: Vec<String>) -> Vec<String> {
    v.into_iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {t}", i + 1))
        .collect()
}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text shared with loved ones: the chosen sections that have something in them, in
/// the order of [`SHARE_SECTIONS`].
pub fn share_text(p: &Plan, chosen: &[&str]) -> String {
    let mut out = String::from(tr!(plan.text.heading));
    out.push('\n');
    for s in SHARE_SECTIONS.iter().filter(|s| chosen.contains(&s.key)) {
        let lines = section_lines(p, s.key);
        if lines.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(s.title);
        out.push('\n');
        for l in lines {
            let bullet = if l.starts_with(|c: char| c.is_ascii_digit()) {
                ""
            } else {
                "- "
            };
            out.push_str(bullet);
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// What goes on the wallet card: the owner's first name, their medication for OUD (only if
/// they chose it), where their naloxone is, up to three crisis contacts, and their first
/// coping strategies. Text wraps on the card; nothing is cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalletCard {
    pub first_name: String,
    /// "Buprenorphine with naloxone: Suboxone film, 8 mg/2 mg".
    pub medication: Vec<String>,
    pub naloxone: Vec<String>,
    pub contacts: Vec<(String, String)>,
    pub coping: Vec<String>,
}

pub fn wallet_card(p: &Plan) -> WalletCard {
    use super::care::MedicationKind;
    // Crisis contacts first, then anyone else with a number: two or three in all.
    let (crisis, others): (Vec<_>, Vec<_>) = p
        .people
        .iter()
        .filter(|x| dial_string(&x.phone).is_some())
        .partition(|x| x.call_in_crisis);
    let medication = if p.settings.card_medication {
        p.care
            .medications
            .iter()
            .filter_map(|m| {
                let kind = match m.kind {
                    MedicationKind::BuprenorphineNaloxone => tr!(plan.medication.bup_naloxone),
                    MedicationKind::Buprenorphine => tr!(plan.medication.bup),
                    MedicationKind::BuprenorphineInjection => tr!(plan.medication.bup_injection),
                    MedicationKind::NaltrexoneOral => tr!(plan.medication.naltrexone),
                    MedicationKind::NaltrexoneInjection => {
                        tr!(plan.medication.naltrexone_injection)
                    }
                    MedicationKind::Methadone => tr!(plan.medication.methadone),
                    // Only medication for opioid use disorder goes on the card.
                    MedicationKind::Other => return None,
                };
                let detail = join(&[m.name.trim(), m.dose.trim()]);
                Some(if detail.is_empty() {
                    kind.to_string()
                } else {
                    format!("{kind}: {detail}")
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    WalletCard {
        first_name: p.settings.first_name.trim().to_string(),
        medication,
        naloxone: p
            .naloxone_kits
            .iter()
            .map(|k| k.location.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        contacts: crisis
            .into_iter()
            .chain(others)
            .take(3)
            .map(|x| (x.name.trim().to_string(), x.phone.trim().to_string()))
            .collect(),
        coping: p
            .relapse
            .coping
            .iter()
            .take(3)
            .map(|c| c.text.trim().to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::{Role, SupportPerson};
    use crate::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
    use crate::domain::{Entry, Id};

    fn id(n: u64) -> Id {
        Id::generate(n, n)
    }

    fn person(n: u64, name: &str, crisis: bool) -> SupportPerson {
        SupportPerson {
            id: id(n),
            name: name.into(),
            role: Role::Friend,
            phone: "555 010 2030".into(),
            call_in_crisis: crisis,
            best_times: String::new(),
            crisis_message: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn people_go_from_empty_to_thin_to_in_place() {
        let mut p = Plan::default();
        assert_eq!(Pillar::People.level(&p), Level::Empty);
        p.people.push(person(1, "Ana", false));
        assert_eq!(Pillar::People.level(&p), Level::Thin);
        p.people.push(person(2, "Bo", false));
        p.people.push(person(3, "Cy", false));
        assert_eq!(Pillar::People.level(&p), Level::Thin);
        assert_eq!(
            Pillar::People.next_step(&p),
            Some("Mark at least one person \"call me in a crisis\".")
        );
        p.people[2].call_in_crisis = true;
        assert_eq!(Pillar::People.level(&p), Level::InPlace);
        assert_eq!(Pillar::People.next_step(&p), None);
    }

    #[test]
    fn relapse_prevention_needs_a_coping_strategy_for_every_trigger() {
        let mut p = Plan::default();
        p.relapse.reasons.push(Entry::new(id(1), "My kids"));
        p.relapse.warning_signs.push(Entry::new(id(2), "Isolating"));
        for n in 3..6 {
            p.relapse.triggers.push(Trigger {
                id: id(n),
                kind: TriggerKind::Feeling,
                text: format!("t{n}"),
            });
        }
        p.relapse.coping.push(CopingStrategy {
            id: id(9),
            text: "Call my sponsor".into(),
            trigger_ids: vec![id(3), id(4)],
        });
        assert_eq!(Pillar::Relapse.level(&p), Level::Thin);
        p.relapse.coping[0].trigger_ids.push(id(5));
        assert_eq!(Pillar::Relapse.level(&p), Level::InPlace);
    }

    #[test]
    fn the_next_thing_to_add_follows_the_pillar_order() {
        let p = Plan::default();
        assert_eq!(next_to_add(&p).map(|x| x.0), Some(Pillar::People));
        let all = Pillar::ALL.map(|x| Pillar::from_slug(x.slug()));
        assert_eq!(all, Pillar::ALL.map(Some));
    }

    #[test]
    fn review_comes_due_after_the_chosen_number_of_days() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut p = Plan::default();
        assert_eq!(review(&p, d("2026-11-23")), Review::NothingYet);
        p.relapse.reasons.push(Entry::new(id(1), "My kids"));
        // Not before the plan was started, and not until a period after it.
        assert_eq!(review(&p, d("2026-11-23")), Review::NothingYet);
        p.note_started(d("2026-10-24"));
        assert_eq!(review(&p, d("2026-11-22")), Review::Next(d("2026-11-23")));
        assert_eq!(review(&p, d("2026-11-23")), Review::Due { last: None });
        record_review(&mut p, d("2026-11-23"));
        record_review(&mut p, d("2026-11-23"));
        assert_eq!(p.reviews, vec![d("2026-11-23")]);
        assert_eq!(review(&p, d("2026-12-22")), Review::Next(d("2026-12-23")));
        assert_eq!(
            review(&p, d("2026-12-23")),
            Review::Due {
                last: Some(d("2026-11-23"))
            }
        );
        p.settings.review_every_days = 7;
        assert_eq!(review(&p, d("2026-11-29")), Review::Next(d("2026-11-30")));
    }

    #[test]
    fn share_text_holds_exactly_the_chosen_sections() {
        let mut p = Plan::default();
        p.relapse.warning_signs.push(Entry::new(id(1), "Isolating"));
        p.keep_distance.push(Entry::new(id(2), "Old dealer Mike"));
        p.slip_steps.push(Entry::new(id(3), "Call my sponsor"));
        let text = share_text(&p, &["warning-signs", "slip"]);
        assert_eq!(
            text,
            "From my recovery safety net\n\nMy warning signs\n- Isolating\n\nIf I slip\n1. Call my sponsor\n"
        );
        assert!(!share_text(&p, &["warning-signs"]).contains("Mike"));
        assert!(SHARE_SECTIONS
            .iter()
            .any(|s| s.key == "keep-distance" && s.private));
    }

    #[test]
    fn the_wallet_card_puts_crisis_contacts_first_and_keeps_long_text_whole() {
        let mut p = Plan::default();
        p.people.push(person(1, "Ana", false));
        p.people.push(person(2, "Bo", true));
        p.people.push(person(3, "No number", true));
        p.people[2].phone = "ask Bo".into();
        p.relapse.coping.push(CopingStrategy {
            id: id(4),
            text: "x".repeat(60),
            trigger_ids: vec![],
        });
        let card = wallet_card(&p);
        assert_eq!(card.contacts.len(), 2);
        assert_eq!(card.contacts[0].0, "Bo");
        assert_eq!(card.coping[0], "x".repeat(60));
        // Medication only when chosen, and only medication for OUD.
        use crate::domain::care::{Medication, MedicationKind};
        for (kind, name) in [
            (MedicationKind::BuprenorphineNaloxone, "Suboxone"),
            (MedicationKind::Other, "Ibuprofen"),
        ] {
            p.care.medications.push(Medication {
                id: id(9 + name.len() as u64),
                kind,
                name: name.into(),
                dose: "8 mg".into(),
                schedule: String::new(),
                prescriber: String::new(),
                pharmacy: String::new(),
                next_refill: None,
                notes: String::new(),
            });
        }
        assert!(wallet_card(&p).medication.is_empty());
        p.settings.card_medication = true;
        p.settings.first_name = " Jordan ".into();
        let card = wallet_card(&p);
        assert_eq!(
            card.medication,
            ["Buprenorphine with naloxone: Suboxone, 8 mg"]
        );
        assert_eq!(card.first_name, "Jordan");
    }
}
