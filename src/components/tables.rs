//! Every form of the plan as typed fields for the editors (`components::editor`): where each
//! list lives, how a record is made and named, and each field's accessors. Data, not view
//! code, so a new field costs a line, and a field that does not exist does not compile.

use super::editor::{
    choose, ids_text, lists, toggle, Field, Fields, Input, ListTable, Restore, Source,
};
use crate::domain::care::{
    Appointment, AppointmentKind, Medication, MedicationKind, Therapy, TherapyKind,
};
use crate::domain::checkin::{self, CheckIn};
use crate::domain::community::{day_name, fit_note, WEEK};
use crate::domain::contacts::{Role, SupportPerson};
use crate::domain::goals::{Goal, LifeArea};
use crate::domain::input;
use crate::domain::list::OrderedList;
use crate::domain::meetings::{
    Access, ChecklistItem, Fellowship, FitDecision, Meeting, MeetingFormat, MeetingStyle,
};
use crate::domain::milestones::{PersonalMilestone, Slip};
use crate::domain::naloxone::NaloxoneKit;
use crate::domain::plan::{LovedOnes, Settings};
use crate::domain::relapse::{CopingStrategy, Trigger, TriggerKind};
use crate::domain::words::word;
use crate::domain::{datefmt, Entry, Id, Plan};
use chrono::NaiveDate;

lists! {
    People: SupportPerson = [people];
    KeepDistance: Entry = [keep_distance];
    Medications: Medication = [care.medications];
    Appointments: Appointment = [care.appointments];
    Therapies: Therapy = [care.therapy];
    Goals: Goal = [goals];
    Reasons: Entry = [relapse.reasons];
    WarningSigns: Entry = [relapse.warning_signs];
    Places: Entry = [relapse.places_to_avoid];
    CrisisSteps: Entry = [crisis_steps];
    SlipSteps: Entry = [slip_steps];
    Triggers: Trigger = [relapse.triggers];
    Coping: CopingStrategy = [relapse.coping];
    Kits: NaloxoneKit = [naloxone_kits];
    MeetingList: Meeting = [meetings.list];
    FirstMeetingList: ChecklistItem = [meetings.first_meeting];
    AfterFirstFewList: ChecklistItem = [meetings.after_first_few];
    Slips: Slip = [recovery.slips];
    Personal: PersonalMilestone = [recovery.personal];
}

// ---- The support network ----

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

const PERSON_NAME: Field<SupportPerson> = Field::text(
    "name",
    "Name",
    Input::Text("Sam"),
    |r| &r.name,
    |r| &mut r.name,
);
const PERSON_ROLE: Field<SupportPerson> = Field::own(
    "role",
    "Role",
    Input::Choice(ROLES),
    |r| word(&r.role),
    |r, v| choose(&mut r.role, v),
);
const PERSON_PHONE: Field<SupportPerson> =
    Field::text("phone", "Phone", Input::Tel, |r| &r.phone, |r| &mut r.phone);
const PERSON_CRISIS: Field<SupportPerson> = Field::flag(
    "call_in_crisis",
    "Call me in a crisis (they said yes)",
    |r| &r.call_in_crisis,
    |r| &mut r.call_in_crisis,
);

fn new_person(id: Id, name: String, _: NaiveDate) -> SupportPerson {
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

pub static PEOPLE: ListTable<People> = ListTable::<People>::new(
    &[
        PERSON_NAME,
        PERSON_ROLE,
        PERSON_PHONE,
        PERSON_CRISIS,
        Field::text(
            "best_times",
            "Best times to reach them",
            Input::Text("Evenings after 6"),
            |r| &r.best_times,
            |r| &mut r.best_times,
        ),
        Field::text(
            "crisis_message",
            "Text to send them in a crisis",
            Input::Long("I'm having a hard time. Can you call me?"),
            |r| &r.crisis_message,
            |r| &mut r.crisis_message,
        ),
        Field::text(
            "notes",
            "Notes",
            Input::Long(""),
            |r| &r.notes,
            |r| &mut r.notes,
        ),
    ],
    new_person,
    |r| r.name.clone(),
)
.detail(person_detail);

/// "Sponsor, 555 010 2030, call in a crisis".
fn person_detail(r: &SupportPerson) -> String {
    let crisis = if r.call_in_crisis {
        "call in a crisis"
    } else {
        ""
    };
    join(&[r.role.label(), r.phone.trim(), crisis])
}

/// The parts that are there, separated by commas.
fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first few questions about a person, for the guided start.
pub static PEOPLE_SHORT: ListTable<People> = ListTable::<People>::new(
    &[PERSON_NAME, PERSON_ROLE, PERSON_PHONE, PERSON_CRISIS],
    new_person,
    |r| r.name.clone(),
);

/// The guided start's "what to text them in a crisis": each person's name and message.
pub static PEOPLE_CRISIS_TEXT: ListTable<People> = ListTable::<People>::new(
    &[
        Field::own(
            "name",
            "Name",
            Input::Note,
            |r| r.name.clone(),
            |_, _| Ok(()),
        ),
        Field::text(
            "crisis_message",
            "Text to send them in a crisis",
            Input::Long("I'm having a hard time. Can you call me?"),
            |r| &r.crisis_message,
            |r| &mut r.crisis_message,
        ),
    ],
    new_person,
    |r| r.name.clone(),
);

// ---- Lists of plain entries ----

fn new_entry(id: Id, text: String, _: NaiveDate) -> Entry {
    Entry::new(id, text)
}

fn entry_name(e: &Entry) -> String {
    e.text.clone()
}

/// The one field of a plain entry, with its label and example.
const fn entry_field(label: &'static str, example: &'static str) -> Field<Entry> {
    Field::text(
        "text",
        label,
        Input::Long(example),
        |r| &r.text,
        |r| &mut r.text,
    )
}

pub static KEEP_DISTANCE: ListTable<KeepDistance> = ListTable::<KeepDistance>::new(
    &[entry_field("Person or place", "My old dealer")],
    new_entry,
    entry_name,
);
pub static REASONS: ListTable<Reasons> = ListTable::<Reasons>::new(
    &[entry_field("Reason", "Be there for my daughter")],
    new_entry,
    entry_name,
);
pub static WARNING_SIGNS: ListTable<WarningSigns> = ListTable::<WarningSigns>::new(
    &[entry_field("Warning sign", "Skipping meetings")],
    new_entry,
    entry_name,
);
pub static PLACES: ListTable<Places> = ListTable::<Places>::new(
    &[entry_field("Place", "The corner by the old apartment")],
    new_entry,
    entry_name,
);
pub static CRISIS_STEPS: ListTable<CrisisSteps> = ListTable::<CrisisSteps>::new(
    &[entry_field("Step", "Call my sponsor")],
    new_entry,
    entry_name,
)
.ordered();
pub static SLIP_STEPS: ListTable<SlipSteps> = ListTable::<SlipSteps>::new(
    &[entry_field("Step", "Call my sponsor the same day")],
    new_entry,
    entry_name,
)
.ordered();

// ---- Medication and care ----

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

pub static MEDICATIONS: ListTable<Medications> = ListTable::<Medications>::new(
    &[
        Field::text(
            "name",
            "Name",
            Input::Text("Suboxone"),
            |r| &r.name,
            |r| &mut r.name,
        ),
        Field::own(
            "kind",
            "Kind",
            Input::Choice(MEDICATION_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::text(
            "dose",
            "Dose",
            Input::Text("8 mg"),
            |r| &r.dose,
            |r| &mut r.dose,
        ),
        Field::text(
            "schedule",
            "When I take it",
            Input::Text("Every morning"),
            |r| &r.schedule,
            |r| &mut r.schedule,
        ),
        Field::text(
            "prescriber",
            "Prescriber",
            Input::Text("Dr. Lee"),
            |r| &r.prescriber,
            |r| &mut r.prescriber,
        ),
        Field::text(
            "pharmacy",
            "Pharmacy",
            Input::Text("Main Street Pharmacy"),
            |r| &r.pharmacy,
            |r| &mut r.pharmacy,
        ),
        Field::own(
            "next_refill",
            "Next refill",
            Input::Date,
            |r| input::date_text(r.next_refill),
            |r, v| {
                r.next_refill = input::date(v)?;
                Ok(())
            },
        ),
        Field::text(
            "notes",
            "Notes",
            Input::Long(""),
            |r| &r.notes,
            |r| &mut r.notes,
        ),
    ],
    |id, name, _| Medication {
        id,
        kind: MedicationKind::Other,
        name,
        dose: String::new(),
        schedule: String::new(),
        prescriber: String::new(),
        pharmacy: String::new(),
        next_refill: None,
        notes: String::new(),
    },
    |r| r.name.clone(),
)
.detail(|r| {
    let refill = r
        .next_refill
        .map(|d| format!("refill {}", crate::domain::dates::full_date(d)))
        .unwrap_or_default();
    join(&[r.dose.trim(), r.schedule.trim(), &refill])
});

const APPOINTMENT_KINDS: &[(&str, &str)] = &[
    ("prescriber", "Prescriber (medication)"),
    ("counselling", "Counseling"),
    ("primary_care", "Primary care"),
    ("dental", "Dental"),
    ("hepatitis_c", "Hepatitis C"),
    ("hiv", "HIV"),
    ("mental_health", "Mental health"),
    ("other", "Other"),
];

pub static APPOINTMENTS: ListTable<Appointments> = ListTable::<Appointments>::new(
    &[
        Field::text(
            "with_whom",
            "With",
            Input::Text("Dr. Lee"),
            |r| &r.with_whom,
            |r| &mut r.with_whom,
        ),
        Field::own(
            "kind",
            "Kind",
            Input::Choice(APPOINTMENT_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "at",
            "Date and time",
            Input::DateTime,
            |r| input::datetime_text(r.at),
            |r, v| {
                r.at = input::datetime(v)?;
                Ok(())
            },
        ),
        Field::text(
            "place",
            "Where",
            Input::Text("Riverside Clinic"),
            |r| &r.place,
            |r| &mut r.place,
        ),
        Field::text(
            "notes",
            "Notes",
            Input::Long(""),
            |r| &r.notes,
            |r| &mut r.notes,
        ),
    ],
    |id, with_whom, _| Appointment {
        id,
        kind: AppointmentKind::Other,
        with_whom,
        at: None,
        place: String::new(),
        notes: String::new(),
    },
    |r| r.with_whom.clone(),
)
.detail(|r| {
    let when =
        r.at.map(|t| {
            format!(
                "{}, {}",
                crate::domain::dates::full_date(t.date()),
                crate::domain::community::clock_time(t.time())
            )
        })
        .unwrap_or_default();
    join(&[&when, r.place.trim()])
});

const THERAPY_KINDS: &[(&str, &str)] = &[
    ("cbt", "Cognitive behavioral therapy (CBT)"),
    ("dbt", "Dialectical behavior therapy (DBT)"),
    ("contingency_management", "Contingency management"),
    ("family_couples", "Family or couples"),
    ("group", "Group"),
    ("intensive_outpatient", "Intensive outpatient program"),
    ("other", "Other"),
];

pub static THERAPY: ListTable<Therapies> = ListTable::<Therapies>::new(
    &[
        Field::text(
            "provider",
            "Therapist or program",
            Input::Text("Ms. Ortiz"),
            |r| &r.provider,
            |r| &mut r.provider,
        ),
        Field::own(
            "kind",
            "Kind",
            Input::Choice(THERAPY_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "next_session",
            "Next session",
            Input::DateTime,
            |r| input::datetime_text(r.next_session),
            |r, v| {
                r.next_session = input::datetime(v)?;
                Ok(())
            },
        ),
        Field::text(
            "working_on",
            "What I'm working on",
            Input::Long("Saying no without guilt"),
            |r| &r.working_on,
            |r| &mut r.working_on,
        ),
        Field::text("phone", "Phone", Input::Tel, |r| &r.phone, |r| &mut r.phone),
    ],
    |id, provider, _| Therapy {
        id,
        provider,
        kind: TherapyKind::Other,
        next_session: None,
        working_on: String::new(),
        phone: String::new(),
    },
    |r| r.provider.clone(),
);

// ---- Life goals ----

const AREAS: &[(&str, &str)] = &[
    ("work", "Work"),
    ("education", "Education"),
    ("money", "Money"),
    ("housing", "Housing"),
    ("health", "Health"),
    ("leisure", "Leisure"),
    ("other", "Other"),
];

pub static GOALS: ListTable<Goals> = ListTable::<Goals>::new(
    &[
        Field::text(
            "goal",
            "Goal",
            Input::Text("Get my GED"),
            |r| &r.goal,
            |r| &mut r.goal,
        ),
        Field::own(
            "area",
            "Area",
            Input::Choice(AREAS),
            |r| word(&r.area),
            |r, v| choose(&mut r.area, v),
        ),
        Field::text(
            "next_step",
            "Next small step",
            Input::Text("Call the adult learning center"),
            |r| &r.next_step,
            |r| &mut r.next_step,
        ),
        Field::flag("done", "Done", |r| &r.done, |r| &mut r.done),
    ],
    |id, goal, _| Goal {
        id,
        area: LifeArea::Other,
        goal,
        next_step: String::new(),
        done: false,
    },
    |r| r.goal.clone(),
);

// ---- Relapse prevention ----

const TRIGGER_KINDS: &[(&str, &str)] = &[
    ("feeling", "A feeling"),
    ("person", "A person"),
    ("place", "A place"),
    ("time", "A time"),
    ("thing", "A thing"),
    ("other", "Other"),
];

const TRIGGER_TEXT: Field<Trigger> = Field::text(
    "text",
    "Trigger",
    Input::Text("Payday"),
    |r| &r.text,
    |r| &mut r.text,
);

fn new_trigger(id: Id, text: String, _: NaiveDate) -> Trigger {
    Trigger {
        id,
        kind: TriggerKind::Feeling,
        text,
    }
}

/// Deleting a trigger also unlinks it from coping strategies; undo links it again.
fn remove_trigger(p: &mut Plan, id: &Id) -> Option<Restore> {
    let r = p.relapse.remove_trigger(id)?;
    Some(Box::new(move |p: &mut Plan| p.relapse.restore_trigger(r)))
}

pub static TRIGGERS: ListTable<Triggers> = ListTable {
    remove: Some(remove_trigger),
    ..ListTable::<Triggers>::new(
        &[
            TRIGGER_TEXT,
            Field::own(
                "kind",
                "Kind",
                Input::Choice(TRIGGER_KINDS),
                |r| word(&r.kind),
                |r, v| choose(&mut r.kind, v),
            ),
        ],
        new_trigger,
        |r| r.text.clone(),
    )
};

/// Triggers, each with the first coping strategy that answers it: the guided start's
/// "three triggers, each with a coping strategy".
pub static TRIGGERS_WITH_COPING: ListTable<Triggers> = ListTable {
    remove: Some(remove_trigger),
    ..ListTable::<Triggers>::new(
        &[
            TRIGGER_TEXT,
            Field::plan(
                "coping",
                "What I'll do instead",
                Input::Idea(
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
                |p, id, _| {
                    p.relapse
                        .coping_for(id)
                        .next()
                        .map(|c| c.text.clone())
                        .unwrap_or_default()
                },
                |p, id, v, ctx| {
                    p.relapse.set_first_coping(id, v, ctx.new_id.clone());
                    Ok(())
                },
            ),
        ],
        new_trigger,
        |r| r.text.clone(),
    )
};

pub static COPING: ListTable<Coping> = ListTable::<Coping>::new(
    &[
        Field::text(
            "text",
            "Coping strategy",
            Input::Long("Call my sponsor"),
            |r| &r.text,
            |r| &mut r.text,
        ),
        Field::plan(
            "trigger_ids",
            "It helps with these triggers",
            Input::Links(|p| {
                p.relapse
                    .triggers
                    .iter()
                    .map(|t| (t.id.clone(), t.text.clone()))
                    .collect()
            }),
            |p, id, _| {
                p.relapse
                    .coping
                    .find(id)
                    .map(|c| ids_text(&c.trigger_ids))
                    .unwrap_or_default()
            },
            |p, id, v, _| {
                let (trigger, on) = v.split_once(' ').ok_or("Not a choice.")?;
                let trigger = Id::parse(trigger).map_err(|e| e.to_string())?;
                p.relapse.set_link(id, &trigger, on == "true");
                Ok(())
            },
        ),
    ],
    |id, text, _| CopingStrategy {
        id,
        text,
        trigger_ids: Vec::new(),
    },
    |r| r.text.clone(),
);

// ---- Naloxone kits ----

pub static KITS: ListTable<Kits> = ListTable::<Kits>::new(
    &[
        Field::own(
            "location",
            "Where it's kept",
            Input::Text("Kitchen drawer"),
            |r| r.location.clone(),
            |r, v| {
                // A kit keeps a place: an emptied field is not saved.
                if v.trim().is_empty() {
                    return Err("Say where the kit is kept.".into());
                }
                r.location = v.to_string();
                Ok(())
            },
        ),
        Field::own(
            "kind",
            "Kind",
            Input::Choice(&[
                ("nasal_spray", "Nasal spray"),
                ("injectable", "Injectable"),
                ("other", "Other"),
            ]),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "expires",
            "Expiration date (on the box)",
            Input::Date,
            |r| input::date_text(r.expires),
            |r, v| {
                r.expires = input::date(v)?;
                Ok(())
            },
        ),
        Field::own(
            "doses",
            "Doses in the kit",
            Input::Number,
            |r| r.doses.to_string(),
            |r, v| {
                let n = input::required(v, 0, 20)?;
                r.doses = u8::try_from(n).map_err(|e| e.to_string())?;
                Ok(())
            },
        ),
        Field::text(
            "who_knows",
            "Who else knows where it is",
            Input::Text("My roommate Jo"),
            |r| &r.who_knows,
            |r| &mut r.who_knows,
        ),
        Field::flag(
            "others_trained",
            "They have been shown how to use it",
            |r| &r.others_trained,
            |r| &mut r.others_trained,
        ),
    ],
    |id, location, _| NaloxoneKit::new(id, location),
    |r| r.location.clone(),
)
.detail(|r| {
    r.expires
        .map(|d| format!("expires {}", crate::domain::dates::full_date(d)))
        .unwrap_or_default()
});

// ---- Meetings ----

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

pub static MEETINGS: ListTable<MeetingList> = ListTable::<MeetingList>::new(
    &[
        Field::text(
            "name",
            "Name",
            Input::Text("Tuesday Night Hope Group"),
            |r| &r.name,
            |r| &mut r.name,
        ),
        Field::own(
            "fellowship",
            "Fellowship or kind",
            Input::Choice(FELLOWSHIPS),
            |r| word(&r.fellowship),
            |r, v| choose(&mut r.fellowship, v),
        ),
        Field::own(
            "format",
            "Format",
            Input::Choice(&[
                ("in_person", "In person"),
                ("online", "Online"),
                ("hybrid", "In person and online"),
            ]),
            |r| word(&r.format),
            |r, v| choose(&mut r.format, v),
        ),
        Field::text(
            "address",
            "Address",
            Input::Text("12 Elm St, side door"),
            |r| &r.address,
            |r| &mut r.address,
        ),
        Field::text(
            "link",
            "Link (online)",
            Input::Text("https://…"),
            |r| &r.link,
            |r| &mut r.link,
        ),
        Field::own(
            "access",
            "Open or closed",
            Input::Choice(&[
                ("open", "Open: anyone may come"),
                ("closed", "Closed: for people who want to stop using"),
                ("not_sure", "Not sure"),
            ]),
            |r| word(&r.access),
            |r, v| choose(&mut r.access, v),
        ),
        Field::own(
            "style",
            "Kind of meeting",
            Input::Choice(&[
                ("speaker", "Speaker"),
                ("discussion", "Discussion"),
                ("step_study", "Step study"),
                ("other", "Other"),
            ]),
            |r| word(&r.style),
            |r, v| choose(&mut r.style, v),
        ),
        Field::own(
            "days",
            "Days",
            Input::Links(|_| {
                WEEK.iter()
                    .filter_map(|d| {
                        let id = Id::parse(datefmt::weekday_name(*d)).ok()?;
                        Some((id, day_name(*d).to_string()))
                    })
                    .collect()
            }),
            |r| {
                r.days
                    .iter()
                    .map(|d| datefmt::weekday_name(*d))
                    .collect::<Vec<_>>()
                    .join(" ")
            },
            |r, v| {
                let (day, on) = v.split_once(' ').ok_or("Not a day.")?;
                let day = datefmt::parse_weekday(day).ok_or("Not a day.")?;
                r.days.retain(|d| *d != day);
                if on == "true" {
                    r.days.push(day);
                }
                Ok(())
            },
        ),
        Field::own(
            "time",
            "Starts at",
            Input::Time,
            |r| input::time_text(r.time),
            |r, v| {
                r.time = input::time(v)?;
                Ok(())
            },
        ),
        Field::own(
            "duration_minutes",
            "How long (minutes)",
            Input::Number,
            |r| {
                r.duration_minutes
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            },
            |r, v| {
                r.duration_minutes = input::whole(v, 1, 600)?.and_then(|n| u16::try_from(n).ok());
                Ok(())
            },
        ),
        Field::text(
            "notes",
            "Notes",
            Input::Long(""),
            |r| &r.notes,
            |r| &mut r.notes,
        ),
        Field::plan(
            "attended",
            "I went today",
            Input::Check,
            |p, id, today| p.meetings.attended(id, today).to_string(),
            |p, id, v, ctx| {
                if v == "true" {
                    p.meetings.mark_attended(id, ctx.today);
                } else {
                    p.meetings.unmark_attended(id, ctx.today);
                }
                Ok(())
            },
        ),
        // A meeting gone to on another day, marked afterwards (not in the future).
        Field::plan(
            "attended_on",
            "I went on another day",
            Input::Date,
            |_, _, _| String::new(),
            |p, id, v, ctx| {
                let Some(day) = input::date(v)? else {
                    return Ok(());
                };
                if day > ctx.today {
                    return Err("That date is in the future. Choose today or a day before.".into());
                }
                p.meetings.mark_attended(id, day);
                Ok(())
            },
        ),
        Field::plan(
            "fit",
            "Fit",
            Input::Note,
            |p, id, _| {
                p.meetings
                    .list
                    .find(id)
                    .map(|m| fit_note(&p.meetings, m))
                    .unwrap_or_default()
            },
            |_, _, _, _| Ok(()),
        ),
        Field::text(
            "liked",
            "What I liked",
            Input::Long("People stayed after to talk"),
            |r| &r.liked,
            |r| &mut r.liked,
        ),
        Field::text(
            "disliked",
            "What I didn't like",
            Input::Long(""),
            |r| &r.disliked,
            |r| &mut r.disliked,
        ),
        Field::own(
            "decision",
            "Keep going or try another?",
            Input::Choice(&[
                ("undecided", "Not decided yet"),
                ("keep", "Keep going"),
                ("try_another", "Try another group"),
            ]),
            |r| word(&r.decision),
            |r, v| choose(&mut r.decision, v),
        ),
    ],
    |id, name, _| Meeting {
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
    },
    |r| r.name.clone(),
)
.detail(|r| {
    let days: Vec<&str> = WEEK
        .iter()
        .filter(|d| r.days.contains(d))
        .map(|d| day_name(*d))
        .collect();
    let time = r
        .time
        .map(crate::domain::community::clock_time)
        .unwrap_or_default();
    join(&[&days.join(" "), &time])
});

const CHECKLIST: &[Field<ChecklistItem>] = &[
    Field::flag("done", "Done", |r| &r.done, |r| &mut r.done),
    Field::text(
        "text",
        "To do",
        Input::Long(""),
        |r| &r.text,
        |r| &mut r.text,
    ),
];

fn new_item(id: Id, text: String, _: NaiveDate) -> ChecklistItem {
    ChecklistItem {
        id,
        text,
        done: false,
    }
}

pub static FIRST_MEETING: ListTable<FirstMeetingList> =
    ListTable::<FirstMeetingList>::new(CHECKLIST, new_item, |r| r.text.clone());
pub static AFTER_FIRST_FEW: ListTable<AfterFirstFewList> =
    ListTable::<AfterFirstFewList>::new(CHECKLIST, new_item, |r| r.text.clone());

// ---- My recovery ----

pub static SLIPS: ListTable<Slips> = ListTable::<Slips>::new(
    &[
        Field::plan(
            "date",
            "Date",
            Input::Date,
            |p, id, _| {
                p.recovery
                    .slips
                    .find(id)
                    .map(|s| datefmt::write_date(s.date))
                    .unwrap_or_default()
            },
            |p, id, v, ctx| {
                let date = input::date(v)?.ok_or("Enter the date of the slip.")?;
                p.recovery
                    .move_slip(id, date, ctx.today)
                    .map_err(|e| e.to_string())
            },
        ),
        Field::text(
            "note",
            "What happened (for you only)",
            Input::Long(""),
            |r| &r.note,
            |r| &mut r.note,
        ),
    ],
    |id, note, today| Slip {
        id,
        date: today,
        note,
    },
    |r| crate::domain::dates::full_date(r.date),
);

pub static PERSONAL: ListTable<Personal> = ListTable::<Personal>::new(
    &[
        Field::text(
            "title",
            "Milestone",
            Input::Text("First paycheck"),
            |r| &r.title,
            |r| &mut r.title,
        ),
        Field::own(
            "date",
            "Date",
            Input::Date,
            |r| datefmt::write_date(r.date),
            |r, v| {
                r.date = input::date(v)?.ok_or("Enter the date of the milestone.")?;
                Ok(())
            },
        ),
    ],
    |id, title, today| PersonalMilestone {
        id,
        title,
        date: today,
    },
    |r| r.title.clone(),
);

// ---- Parts of the plan that are not lists ----

/// The letter to loved ones: one part of the plan (its id is ignored).
pub struct LovedOnesPart;

impl Source for LovedOnesPart {
    type Item = LovedOnes;
    fn find<'a>(p: &'a Plan, _: &Id) -> Option<&'a LovedOnes> {
        Some(&p.loved_ones)
    }
    fn put(p: &mut Plan, _: &Id, item: LovedOnes) {
        p.loved_ones = item;
    }
}

pub static LOVED_ONES: Fields<LovedOnesPart> = Fields::<LovedOnesPart>::new(&[
    Field::text(
        "what_to_know",
        "What I want you to know",
        Input::Long("Recovery is a long road and I'm on it. Some days are hard."),
        |r| &r.what_to_know,
        |r| &mut r.what_to_know,
    ),
    Field::text(
        "how_to_help",
        "How you can help (without enabling)",
        Input::Long("Ask me how my day was. Don't give me cash; help with groceries instead."),
        |r| &r.how_to_help,
        |r| &mut r.how_to_help,
    ),
    Field::text(
        "boundaries",
        "My boundaries",
        Input::Long("I won't come to parties with drinking for now."),
        |r| &r.boundaries,
        |r| &mut r.boundaries,
    ),
]);

/// The app's settings kept in the plan.
pub struct SettingsPart;

impl Source for SettingsPart {
    type Item = Settings;
    fn find<'a>(p: &'a Plan, _: &Id) -> Option<&'a Settings> {
        Some(&p.settings)
    }
    fn put(p: &mut Plan, _: &Id, item: Settings) {
        p.settings = item;
    }
}

pub static REVIEW_EVERY: Fields<SettingsPart> = Fields::<SettingsPart>::new(&[Field::own(
    "review_every_days",
    "Every how many days",
    Input::Number,
    |r| r.review_every_days.to_string(),
    |r, v| {
        use crate::domain::pillars::{REVIEW_EVERY_MAX, REVIEW_EVERY_MIN};
        let n = input::required(v, REVIEW_EVERY_MIN.into(), REVIEW_EVERY_MAX.into())?;
        r.review_every_days = u16::try_from(n).map_err(|e| e.to_string())?;
        Ok(())
    },
)]);

/// The lock's own settings (with the lock on).
pub static LOCK_SETTINGS: Fields<SettingsPart> = Fields::<SettingsPart>::new(&[
    Field::own(
        "lock_after_minutes",
        "Lock after this long in the background",
        Input::Choice(&[
            ("1", "1 minute"),
            ("5", "5 minutes"),
            ("15", "15 minutes"),
            ("30", "30 minutes"),
            ("60", "1 hour"),
        ]),
        |r| r.lock_after_minutes.to_string(),
        |r, v| {
            let n = input::required(v, 1, 60)?;
            r.lock_after_minutes = u16::try_from(n).map_err(|e| e.to_string())?;
            Ok(())
        },
    ),
    Field::flag(
        "open_contacts",
        "Keep my crisis contacts readable on the lock screen (their names, numbers and texts are then stored unencrypted on this device)",
        |r| &r.open_contacts,
        |r| &mut r.open_contacts,
    ),
]);

/// What the wallet card says about its owner.
pub static CARD_SETTINGS: Fields<SettingsPart> = Fields::<SettingsPart>::new(&[
    Field::text(
        "first_name",
        "My first name, for the card",
        Input::Text("Jordan"),
        |r| &r.first_name,
        |r| &mut r.first_name,
    ),
    Field::flag(
        "card_medication",
        "Show my medication for opioid use disorder on the card (it helps an emergency room)",
        |r| &r.card_medication,
        |r| &mut r.card_medication,
    ),
]);

/// The check-in of the day its id names ("2026-11-23"), made when first written.
pub struct CheckInOfDay;

impl Source for CheckInOfDay {
    type Item = CheckIn;
    fn find<'a>(p: &'a Plan, id: &Id) -> Option<&'a CheckIn> {
        let d = datefmt::parse_date(id.as_str())?;
        p.checkins.iter().find(|c| c.date == d)
    }
    fn put(p: &mut Plan, _: &Id, item: CheckIn) {
        checkin::upsert(&mut p.checkins, item);
    }
    fn blank(id: &Id) -> Option<CheckIn> {
        datefmt::parse_date(id.as_str()).map(CheckIn::new)
    }
}

/// The plan's medications, triggers, warning signs or coping strategies, to tick.
fn choices(p: &Plan, which: checkin::Items) -> Vec<(Id, String)> {
    checkin::plan_items(p, which)
        .into_iter()
        .map(|(i, t)| (i.clone(), t.to_string()))
        .collect()
}

const MOODS: &[(&str, &str)] = &[
    ("", "Choose"),
    ("1", "1 – very low"),
    ("2", "2 – low"),
    ("3", "3 – okay"),
    ("4", "4 – good"),
    ("5", "5 – very good"),
];

fn scale_text(v: Option<u8>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// How the day went: mood and the scales.
pub static CHECKIN_HOW: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::own(
        "mood",
        "Mood",
        Input::Choice(MOODS),
        |r| scale_text(r.mood),
        |r, v| {
            r.mood = input::scale(v, 1, 5)?;
            Ok(())
        },
    ),
    Field::own(
        "craving",
        "Craving, 0 (none) to 10 (strongest)",
        Input::Number,
        |r| scale_text(r.craving),
        |r, v| {
            r.craving = input::scale(v, 0, 10)?;
            Ok(())
        },
    ),
    Field::own(
        "stress",
        "Stress, 0 to 10",
        Input::Number,
        |r| scale_text(r.stress),
        |r, v| {
            r.stress = input::scale(v, 0, 10)?;
            Ok(())
        },
    ),
    Field::own(
        "sleep_minutes",
        "Hours of sleep",
        Input::Number,
        |r| r.sleep_minutes.map(checkin::hours_text).unwrap_or_default(),
        |r, v| {
            r.sleep_minutes = input::hours(v)?;
            Ok(())
        },
    ),
]);

/// Medication taken: its own heading.
pub static CHECKIN_MEDS: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[Field::own(
    "medications_taken",
    "Medication taken today",
    Input::Links(|p| choices(p, checkin::Items::Medications)),
    |r| ids_text(&r.medications_taken),
    |r, v| toggle(&mut r.medications_taken, v),
)]);

/// Support: a meeting, someone from the network.
pub static CHECKIN_SUPPORT: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::flag(
        "went_to_meeting",
        "I went to a meeting",
        |r| &r.went_to_meeting,
        |r| &mut r.went_to_meeting,
    ),
    Field::flag(
        "contacted_support",
        "I talked to someone from my support network",
        |r| &r.contacted_support,
        |r| &mut r.contacted_support,
    ),
]);

/// Triggers, warning signs, coping and a note.
pub static CHECKIN_NOTICED: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::own(
        "triggers",
        "Triggers I met",
        Input::Links(|p| choices(p, checkin::Items::Triggers)),
        |r| ids_text(&r.triggers),
        |r, v| toggle(&mut r.triggers, v),
    ),
    Field::own(
        "warning_signs",
        "Warning signs I noticed",
        Input::Links(|p| choices(p, checkin::Items::WarningSigns)),
        |r| ids_text(&r.warning_signs),
        |r, v| toggle(&mut r.warning_signs, v),
    ),
    Field::own(
        "coping_used",
        "What I used to cope",
        Input::Links(|p| choices(p, checkin::Items::Coping)),
        |r| ids_text(&r.coping_used),
        |r, v| toggle(&mut r.coping_used, v),
    ),
    Field::text(
        "note",
        "A note",
        Input::Long(""),
        |r| &r.note,
        |r| &mut r.note,
    ),
]);

/// Every list table, for tests that walk all of them.
pub fn all_lists() -> [(&'static str, &'static dyn super::editor::Table); 22] {
    [
        ("people", &PEOPLE),
        ("people (short)", &PEOPLE_SHORT),
        ("people (crisis text)", &PEOPLE_CRISIS_TEXT),
        ("keep_distance", &KEEP_DISTANCE),
        ("reasons", &REASONS),
        ("warning_signs", &WARNING_SIGNS),
        ("places_to_avoid", &PLACES),
        ("crisis_steps", &CRISIS_STEPS),
        ("slip_steps", &SLIP_STEPS),
        ("medications", &MEDICATIONS),
        ("appointments", &APPOINTMENTS),
        ("therapy", &THERAPY),
        ("goals", &GOALS),
        ("triggers", &TRIGGERS),
        ("triggers (with coping)", &TRIGGERS_WITH_COPING),
        ("coping", &COPING),
        ("naloxone_kits", &KITS),
        ("meetings", &MEETINGS),
        ("first_meeting", &FIRST_MEETING),
        ("after_first_few", &AFTER_FIRST_FEW),
        ("slips", &SLIPS),
        ("personal", &PERSONAL),
    ]
}
