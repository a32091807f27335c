//! Every list of the plan as a table for [`RecordList`](super::record_list::RecordList):
//! where it lives, how to add and delete, and its fields. Data, not view code, so a new
//! list costs almost nothing in the download.

use super::record_list::{Field, Input, Records, Restore};
use crate::domain::care::{AppointmentKind, Medication, MedicationKind, Therapy, TherapyKind};
use crate::domain::community::{day_name, fit_note, WEEK};
use crate::domain::contacts::{Role, SupportPerson};
use crate::domain::goals::{Goal, LifeArea};
use crate::domain::json::Json;
use crate::domain::list::{HasId, OrderedList};
use crate::domain::meetings::{
    Access, ChecklistItem, Fellowship, FitDecision, Meeting, MeetingFormat, MeetingStyle,
};
use crate::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
use crate::domain::{datefmt, Entry, Id, Plan};

pub fn ids<T: HasId>(v: &[T]) -> Vec<Id> {
    v.iter().map(|t| t.id().clone()).collect()
}

/// A text field of the records at `p.<path>`.
macro_rules! text {
    ([$($path:ident).+] $f:ident, $key:literal, $label:literal, $input:expr) => {
        Field {
            key: $key,
            label: $label,
            input: $input,
            get: |p, id| p.$($path).+.find(id).map(|r| r.$f.clone()).unwrap_or_default(),
            set: |p, id, v| {
                if let Some(r) = p.$($path).+.find_mut(id) {
                    r.$f = v.to_string();
                }
            },
        }
    };
}

/// A yes/no field.
macro_rules! check {
    ([$($path:ident).+] $f:ident, $key:literal, $label:literal) => {
        Field {
            key: $key,
            label: $label,
            input: Input::Check,
            get: |p, id| p.$($path).+.find(id).map(|r| r.$f.to_string()).unwrap_or_default(),
            set: |p, id, v| {
                if let Some(r) = p.$($path).+.find_mut(id) {
                    r.$f = v == "true";
                }
            },
        }
    };
}

/// One of a string enum's values.
macro_rules! choice {
    ([$($path:ident).+] $f:ident, $key:literal, $label:literal, $ty:ty, $options:expr) => {
        Field {
            key: $key,
            label: $label,
            input: Input::Choice($options),
            get: |p, id| p.$($path).+.find(id).map(|r| r.$f.as_str().to_string()).unwrap_or_default(),
            set: |p, id, v| {
                if let (Some(r), Some(k)) = (p.$($path).+.find_mut(id), <$ty>::parse(v)) {
                    r.$f = k;
                }
            },
        }
    };
}

/// An optional date, or date and time (`DateTime`).
macro_rules! when {
    ([$($path:ident).+] $f:ident, $key:literal, $label:literal, Date) => {
        Field {
            key: $key,
            label: $label,
            input: Input::Date,
            get: |p, id| p.$($path).+.find(id).and_then(|r| r.$f).map(datefmt::write_date).unwrap_or_default(),
            set: |p, id, v| {
                if let Some(r) = p.$($path).+.find_mut(id) {
                    r.$f = datefmt::parse_date(v);
                }
            },
        }
    };
    ([$($path:ident).+] $f:ident, $key:literal, $label:literal, DateTime) => {
        Field {
            key: $key,
            label: $label,
            input: Input::DateTime,
            // The browser's date-time field takes minutes, not seconds.
            get: |p, id| {
                p.$($path).+.find(id).and_then(|r| r.$f).map(|t| datefmt::write_datetime(t)[..16].to_string()).unwrap_or_default()
            },
            set: |p, id, v| {
                if let Some(r) = p.$($path).+.find_mut(id) {
                    r.$f = datefmt::parse_datetime(v);
                }
            },
        }
    };
}

/// The list at `p.<path>`: ids, a name for each record, add, delete with undo, and (with
/// `ordered`) moving.
macro_rules! records {
    ([$($path:ident).+] $name:ident, |$id:ident, $text:ident| $new:expr, $shift:expr, [$($field:expr),* $(,)?]) => {
        Records {
            ids: |p| ids(&p.$($path).+),
            name: |p, id| p.$($path).+.find(id).map(|r| r.$name.clone()).unwrap_or_default(),
            add: |p, $id, $text| p.$($path).+.push($new),
            remove: |p, id| {
                let r = p.$($path).+.remove_id(id)?;
                Some(Box::new(move |p: &mut Plan| p.$($path).+.restore(r)) as Restore)
            },
            shift: $shift,
            fields: &[$($field),*],
        }
    };
}

/// A list of plain entries (reasons, warning signs, steps); `ordered` ones can be moved.
macro_rules! entries {
    ([$($path:ident).+] $key:literal, $label:literal, $example:literal, ordered) => {
        entries!([$($path).+] $key, $label, $example, Some(|p: &mut Plan, id: &Id, by: isize| {
            p.$($path).+.shift(id, by);
        }))
    };
    ([$($path:ident).+] $key:literal, $label:literal, $example:literal, $shift:expr) => {
        records!([$($path).+] text, |id, text| Entry::new(id, text), $shift, [
            text!([$($path).+] text, $key, $label, Input::Long($example)),
        ])
    };
    ([$($path:ident).+] $key:literal, $label:literal, $example:literal) => {
        entries!([$($path).+] $key, $label, $example, None)
    };
}

const ROLES: &[(&str, &str)] = &[
    ("sponsor", "Sponsor"),
    ("family", "Family"),
    ("friend", "Friend"),
    ("recovery_coach", "Recovery coach"),
    ("peer_recovery_specialist", "Peer recovery specialist"),
    ("therapist", "Therapist"),
    ("doctor", "Doctor"),
    ("other", "Other"),
];

fn person(id: Id, name: String) -> SupportPerson {
    SupportPerson {
        id,
        name,
        role: Role::Other,
        phone: String::new(),
        call_in_crisis: false,
        best_times: String::new(),
        crisis_message: String::new(),
        notes: String::new(),
    }
}

pub static PEOPLE: Records = records!([people] name, |id, name| person(id, name), None, [
    text!([people] name, "person-name", "Name", Input::Text("Sam")),
    choice!([people] role, "person-role", "Role", Role, ROLES),
    text!([people] phone, "person-phone", "Phone", Input::Tel),
    check!([people] call_in_crisis, "person-crisis", "Call me in a crisis (they said yes)"),
    text!([people] best_times, "person-times", "Best times to reach them", Input::Text("Evenings after 6")),
    text!([people] crisis_message, "person-message", "Text to send them in a crisis", Input::Long("I'm having a hard time. Can you call me?")),
    text!([people] notes, "person-notes", "Notes", Input::Long("")),
]);

/// The first few questions about a person, for the guided start.
pub static PEOPLE_SHORT: Records = Records {
    fields: &[
        text!([people] name, "start-name", "Name", Input::Text("Sam")),
        choice!([people] role, "start-role", "Role", Role, ROLES),
        text!([people] phone, "start-phone", "Phone", Input::Tel),
        check!([people] call_in_crisis, "start-crisis", "Call me in a crisis (they said yes)"),
    ],
    ..records!([people] name, |id, name| person(id, name), None, [])
};

pub static KEEP_DISTANCE: Records =
    entries!([keep_distance] "distance", "Person or place", "My old dealer");

const MEDICATION_KINDS: &[(&str, &str)] = &[
    (
        "buprenorphine_naloxone",
        "Buprenorphine with naloxone (e.g. Suboxone)",
    ),
    ("buprenorphine", "Buprenorphine"),
    (
        "buprenorphine_injection",
        "Buprenorphine monthly injection (e.g. Sublocade)",
    ),
    ("naltrexone_oral", "Naltrexone tablets"),
    (
        "naltrexone_injection",
        "Naltrexone monthly injection (e.g. Vivitrol)",
    ),
    ("methadone", "Methadone"),
    ("other", "Other"),
];

pub static MEDICATIONS: Records = records!([care.medications] name, |id, name| Medication {
    id,
    kind: MedicationKind::Other,
    name,
    dose: String::new(),
    schedule: String::new(),
    prescriber: String::new(),
    pharmacy: String::new(),
    next_refill: None,
    notes: String::new(),
}, None, [
    text!([care.medications] name, "med-name", "Name", Input::Text("Suboxone")),
    choice!([care.medications] kind, "med-kind", "Kind", MedicationKind, MEDICATION_KINDS),
    text!([care.medications] dose, "med-dose", "Dose", Input::Text("8 mg")),
    text!([care.medications] schedule, "med-schedule", "When I take it", Input::Text("Every morning")),
    text!([care.medications] prescriber, "med-prescriber", "Prescriber", Input::Text("Dr. Lee")),
    text!([care.medications] pharmacy, "med-pharmacy", "Pharmacy", Input::Text("Main Street Pharmacy")),
    when!([care.medications] next_refill, "med-refill", "Next refill", Date),
    text!([care.medications] notes, "med-notes", "Notes", Input::Long("")),
]);

const APPOINTMENT_KINDS: &[(&str, &str)] = &[
    ("prescriber", "Prescriber (medication)"),
    ("counselling", "Counselling"),
    ("primary_care", "Primary care"),
    ("dental", "Dental"),
    ("hepatitis_c", "Hepatitis C"),
    ("hiv", "HIV"),
    ("mental_health", "Mental health"),
    ("other", "Other"),
];

pub static APPOINTMENTS: Records = records!([care.appointments] with_whom, |id, with_whom| crate::domain::care::Appointment {
    id,
    kind: AppointmentKind::Other,
    with_whom,
    at: None,
    place: String::new(),
    notes: String::new(),
}, None, [
    text!([care.appointments] with_whom, "appt-who", "With", Input::Text("Dr. Lee")),
    choice!([care.appointments] kind, "appt-kind", "Kind", AppointmentKind, APPOINTMENT_KINDS),
    when!([care.appointments] at, "appt-at", "Date and time", DateTime),
    text!([care.appointments] place, "appt-place", "Where", Input::Text("Riverside Clinic")),
    text!([care.appointments] notes, "appt-notes", "Notes", Input::Long("")),
]);

const THERAPY_KINDS: &[(&str, &str)] = &[
    ("cbt", "Cognitive behavioural therapy (CBT)"),
    ("dbt", "Dialectical behaviour therapy (DBT)"),
    ("contingency_management", "Contingency management"),
    ("family_couples", "Family or couples"),
    ("group", "Group"),
    ("intensive_outpatient", "Intensive outpatient program"),
    ("other", "Other"),
];

pub static THERAPY: Records = records!([care.therapy] provider, |id, provider| Therapy {
    id,
    provider,
    kind: TherapyKind::Other,
    next_session: None,
    working_on: String::new(),
    phone: String::new(),
}, None, [
    text!([care.therapy] provider, "therapy-who", "Therapist or program", Input::Text("Ms. Ortiz")),
    choice!([care.therapy] kind, "therapy-kind", "Kind", TherapyKind, THERAPY_KINDS),
    when!([care.therapy] next_session, "therapy-next", "Next session", DateTime),
    text!([care.therapy] working_on, "therapy-work", "What I'm working on", Input::Long("Saying no without guilt")),
    text!([care.therapy] phone, "therapy-phone", "Phone", Input::Tel),
]);

const AREAS: &[(&str, &str)] = &[
    ("work", "Work"),
    ("education", "Education"),
    ("money", "Money"),
    ("housing", "Housing"),
    ("health", "Health"),
    ("leisure", "Leisure"),
    ("other", "Other"),
];

pub static GOALS: Records = records!([goals] goal, |id, goal| Goal {
    id,
    area: LifeArea::Other,
    goal,
    next_step: String::new(),
    done: false,
}, None, [
    text!([goals] goal, "goal-text", "Goal", Input::Text("Get my GED")),
    choice!([goals] area, "goal-area", "Area", LifeArea, AREAS),
    text!([goals] next_step, "goal-step", "Next small step", Input::Text("Call the adult learning centre")),
    check!([goals] done, "goal-done", "Done"),
]);

pub static REASONS: Records =
    entries!([relapse.reasons] "reason", "Reason", "Be there for my daughter");
pub static WARNING_SIGNS: Records =
    entries!([relapse.warning_signs] "warning", "Warning sign", "Skipping meetings");
pub static PLACES: Records =
    entries!([relapse.places_to_avoid] "place", "Place", "The corner by the old apartment");
pub static CRISIS_STEPS: Records =
    entries!([crisis_steps] "crisis-step", "Step", "Call my sponsor", ordered);
pub static SLIP_STEPS: Records =
    entries!([slip_steps] "slip-step", "Step", "Call my sponsor the same day", ordered);

const TRIGGER_KINDS: &[(&str, &str)] = &[
    ("feeling", "A feeling"),
    ("person", "A person"),
    ("place", "A place"),
    ("time", "A time"),
    ("thing", "A thing"),
    ("other", "Other"),
];

const TRIGGER_TEXT: Field =
    text!([relapse.triggers] text, "trigger-text", "Trigger", Input::Text("Payday"));
const TRIGGER_KIND: Field =
    choice!([relapse.triggers] kind, "trigger-kind", "Kind", TriggerKind, TRIGGER_KINDS);

pub static TRIGGERS: Records = Records {
    // Deleting a trigger also unlinks it from coping strategies; undo links it again.
    remove: |p, id| {
        let r = p.relapse.remove_trigger(id)?;
        Some(Box::new(move |p: &mut Plan| p.relapse.restore_trigger(r)) as Restore)
    },
    ..records!([relapse.triggers] text, |id, text| Trigger { id, kind: TriggerKind::Feeling, text }, None, [TRIGGER_TEXT, TRIGGER_KIND])
};

/// Triggers, each with the first coping strategy that answers it: the guided start's
/// "three triggers, each with a coping strategy".
pub static TRIGGERS_WITH_COPING: Records = Records {
    fields: &[
        TRIGGER_TEXT,
        Field {
            key: "trigger-coping",
            label: "What I'll do instead",
            input: Input::Idea(
                "Call my sponsor",
                &[
                    "Call my sponsor",
                    "Go to an extra meeting",
                    "Leave the place",
                    "Eat something and rest",
                    "Take a walk",
                    "Text someone from my meeting",
                ],
            ),
            get: |p, id| {
                p.relapse
                    .coping_for(id)
                    .next()
                    .map(|c| c.text.clone())
                    .unwrap_or_default()
            },
            set: |p, id, v| {
                let r = &mut p.relapse;
                if let Some(c) = r.coping.iter_mut().find(|c| c.trigger_ids.contains(id)) {
                    c.text = v.to_string();
                } else if !v.trim().is_empty() {
                    r.coping.push(CopingStrategy {
                        id: crate::web::new_id(),
                        text: v.to_string(),
                        trigger_ids: vec![id.clone()],
                    });
                }
            },
        },
    ],
    ..TRIGGERS
};

pub static COPING: Records = records!([relapse.coping] text, |id, text| CopingStrategy { id, text, trigger_ids: Vec::new() }, None, [
    text!([relapse.coping] text, "coping-text", "Coping strategy", Input::Long("Call my sponsor")),
    Field {
        key: "coping-links",
        label: "It helps with these triggers",
        input: Input::Links(|p| p.relapse.triggers.iter().map(|t| (t.id.clone(), t.text.clone())).collect()),
        get: |p, id| {
            p.relapse.coping.find(id).map(|c| c.trigger_ids.iter().map(Id::as_str).collect::<Vec<_>>().join(" ")).unwrap_or_default()
        },
        set: |p, id, v| {
            if let Some((trigger, on)) = v.split_once(' ') {
                if let Ok(trigger) = Id::parse(trigger) {
                    p.relapse.set_link(id, &trigger, on == "true");
                }
            }
        },
    },
]);

/// The letter to loved ones: one part of the plan, not a list, so the id is ignored.
pub static LOVED_ONES: [Field; 3] = [
    Field {
        key: "loved-know",
        label: "What I want you to know",
        input: Input::Long("Recovery is a long road and I'm on it. Some days are hard."),
        get: |p, _| p.loved_ones.what_to_know.clone(),
        set: |p, _, v| p.loved_ones.what_to_know = v.to_string(),
    },
    Field {
        key: "loved-help",
        label: "How you can help (without enabling)",
        input: Input::Long(
            "Ask me how my day was. Don't give me cash; help with groceries instead.",
        ),
        get: |p, _| p.loved_ones.how_to_help.clone(),
        set: |p, _, v| p.loved_ones.how_to_help = v.to_string(),
    },
    Field {
        key: "loved-boundaries",
        label: "My boundaries",
        input: Input::Long("I won't come to parties with drinking for now."),
        get: |p, _| p.loved_ones.boundaries.clone(),
        set: |p, _, v| p.loved_ones.boundaries = v.to_string(),
    },
];

const FELLOWSHIPS: &[(&str, &str)] = &[
    ("narcotics_anonymous", "Narcotics Anonymous (NA)"),
    ("smart_recovery", "SMART Recovery"),
    ("pills_anonymous", "Pills Anonymous"),
    ("heroin_anonymous", "Heroin Anonymous"),
    ("celebrate_recovery", "Celebrate Recovery"),
    ("nar_anon", "Nar-Anon or family group"),
    ("peer_support", "Peer support group"),
    ("other", "Other"),
];

fn meeting(id: Id, name: String) -> Meeting {
    Meeting {
        id,
        name,
        fellowship: Fellowship::NarcoticsAnonymous,
        format: MeetingFormat::InPerson,
        address: String::new(),
        link: String::new(),
        access: Access::NotSure,
        style: MeetingStyle::Discussion,
        days: Vec::new(),
        time: None,
        duration_minutes: None,
        notes: String::new(),
        liked: String::new(),
        disliked: String::new(),
        decision: FitDecision::Undecided,
    }
}

pub static MEETINGS: Records = records!([meetings.list] name, |id, name| meeting(id, name), None, [
    text!([meetings.list] name, "meeting-name", "Name", Input::Text("Tuesday Night Hope Group")),
    choice!([meetings.list] fellowship, "meeting-kind", "Fellowship or kind", Fellowship, FELLOWSHIPS),
    choice!([meetings.list] format, "meeting-format", "Format", MeetingFormat, &[("in_person", "In person"), ("online", "Online"), ("hybrid", "In person and online")]),
    text!([meetings.list] address, "meeting-address", "Address", Input::Text("12 Elm St, side door")),
    text!([meetings.list] link, "meeting-link", "Link (online)", Input::Text("https://…")),
    choice!([meetings.list] access, "meeting-access", "Open or closed", Access, &[("open", "Open: anyone may come"), ("closed", "Closed: for people who want to stop using"), ("not_sure", "Not sure")]),
    choice!([meetings.list] style, "meeting-style", "Kind of meeting", MeetingStyle, &[("speaker", "Speaker"), ("discussion", "Discussion"), ("step_study", "Step study"), ("other", "Other")]),
    Field {
        key: "meeting-days",
        label: "Days",
        input: Input::Links(|_| WEEK.iter().map(|d| (Id::parse(datefmt::weekday_name(*d)).unwrap_or_else(|_| Id::fallback()), day_name(*d).to_string())).collect()),
        get: |p, id| {
            p.meetings.list.find(id).map(|m| m.days.iter().map(|d| datefmt::weekday_name(*d)).collect::<Vec<_>>().join(" ")).unwrap_or_default()
        },
        set: |p, id, v| {
            if let (Some(m), Some((day, on))) = (p.meetings.list.find_mut(id), v.split_once(' ')) {
                if let Some(day) = datefmt::parse_weekday(day) {
                    m.days.retain(|d| *d != day);
                    if on == "true" {
                        m.days.push(day);
                    }
                }
            }
        },
    },
    Field {
        key: "meeting-time",
        label: "Starts at",
        input: Input::Time,
        get: |p, id| p.meetings.list.find(id).and_then(|m| m.time).map(|t| datefmt::write_time(t)[..5].to_string()).unwrap_or_default(),
        set: |p, id, v| {
            if let Some(m) = p.meetings.list.find_mut(id) {
                m.time = datefmt::parse_time(v);
            }
        },
    },
    Field {
        key: "meeting-minutes",
        label: "How long (minutes)",
        input: Input::Number,
        get: |p, id| p.meetings.list.find(id).and_then(|m| m.duration_minutes).map(|n| n.to_string()).unwrap_or_default(),
        set: |p, id, v| {
            if let Some(m) = p.meetings.list.find_mut(id) {
                m.duration_minutes = v.trim().parse::<u16>().ok().filter(|n| (1..=600).contains(n));
            }
        },
    },
    text!([meetings.list] notes, "meeting-notes", "Notes", Input::Long("")),
    Field {
        key: "meeting-went",
        label: "I went today",
        input: Input::Check,
        get: |p, id| p.meetings.attended(id, crate::web::today()).to_string(),
        set: |p, id, v| {
            let today = crate::web::today();
            if v == "true" {
                p.meetings.mark_attended(id, today);
            } else {
                p.meetings.unmark_attended(id, today);
            }
        },
    },
    Field {
        key: "meeting-fit",
        label: "Fit",
        input: Input::Note,
        get: |p, id| p.meetings.list.find(id).map(|m| fit_note(&p.meetings, m)).unwrap_or_default(),
        set: |_, _, _| {},
    },
    text!([meetings.list] liked, "meeting-liked", "What I liked", Input::Long("People stayed after to talk")),
    text!([meetings.list] disliked, "meeting-disliked", "What I didn't like", Input::Long("")),
    choice!([meetings.list] decision, "meeting-decision", "Keep going or try another?", FitDecision, &[("undecided", "Not decided yet"), ("keep", "Keep going"), ("try_another", "Try another group")]),
]);

/// A checklist at `p.<path>`: each line editable and tickable.
macro_rules! checklist {
    ([$($path:ident).+] $key:literal, $check:literal) => {
        records!([$($path).+] text, |id, text| ChecklistItem { id, text, done: false }, None, [
            check!([$($path).+] done, $check, "Done"),
            text!([$($path).+] text, $key, "To do", Input::Long("")),
        ])
    };
}

pub static FIRST_MEETING: Records = checklist!([meetings.first_meeting] "first-text", "first-done");
pub static AFTER_FIRST_FEW: Records =
    checklist!([meetings.after_first_few] "after-text", "after-done");
