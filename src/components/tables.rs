//! Every form of the plan as typed fields for the editors (`components::editor`): where each
//! list lives, how a record is made and named, and each field's accessors. Data, not view
//! code, so a new field costs a line, and a field that does not exist does not compile.

use super::editor::{
    choose, ids_text, lists, no_example, toggle, Field, Fields, Input, ListTable, Restore, Source,
    Text,
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

const ROLES: &[(&str, Text)] = &[
    ("sponsor", || tr!(editors.roles.sponsor)),
    ("family", || tr!(editors.roles.family)),
    ("friend", || tr!(editors.roles.friend)),
    ("recovery_coach", || tr!(editors.roles.recovery_coach)),
    ("peer_recovery_specialist", || {
        tr!(editors.roles.peer_recovery_specialist)
    }),
    ("therapist", || tr!(editors.roles.therapist)),
    ("doctor", || tr!(editors.roles.doctor)),
    ("other", || tr!(editors.roles.other)),
];

const PERSON_NAME: Field<SupportPerson> = Field::text(
    "name",
    || tr!(editors.field.name),
    Input::Text(|| tr!(editors.people.name_example)),
    |r| &r.name,
    |r| &mut r.name,
);
const PERSON_ROLE: Field<SupportPerson> = Field::own(
    "role",
    || tr!(editors.people.role),
    Input::Choice(ROLES),
    |r| word(&r.role),
    |r, v| choose(&mut r.role, v),
);
const PERSON_PHONE: Field<SupportPerson> = Field::text(
    "phone",
    || tr!(editors.field.phone),
    Input::Tel,
    |r| &r.phone,
    |r| &mut r.phone,
);
const PERSON_CRISIS: Field<SupportPerson> = Field::flag(
    "call_in_crisis",
    || tr!(editors.people.call_in_crisis),
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
            || tr!(editors.people.best_times),
            Input::Text(|| tr!(editors.people.best_times_example)),
            |r| &r.best_times,
            |r| &mut r.best_times,
        ),
        Field::text(
            "crisis_message",
            || tr!(editors.people.crisis_message),
            Input::Long(|| tr!(editors.people.crisis_message_example)),
            |r| &r.crisis_message,
            |r| &mut r.crisis_message,
        ),
        Field::text(
            "notes",
            || tr!(editors.field.notes),
            Input::Long(no_example),
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
        tr!(editors.people.detail_crisis)
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
            || tr!(editors.field.name),
            Input::Note,
            |r| r.name.clone(),
            |_, _| Ok(()),
        ),
        Field::text(
            "crisis_message",
            || tr!(editors.people.crisis_message),
            Input::Long(|| tr!(editors.people.crisis_message_example)),
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
const fn entry_field(label: Text, example: Text) -> Field<Entry> {
    Field::text(
        "text",
        label,
        Input::Long(example),
        |r| &r.text,
        |r| &mut r.text,
    )
}

pub static KEEP_DISTANCE: ListTable<KeepDistance> = ListTable::<KeepDistance>::new(
    &[entry_field(
        || tr!(editors.entries.keep_distance),
        || tr!(editors.entries.keep_distance_example),
    )],
    new_entry,
    entry_name,
);
pub static REASONS: ListTable<Reasons> = ListTable::<Reasons>::new(
    &[entry_field(
        || tr!(editors.entries.reason),
        || tr!(editors.entries.reason_example),
    )],
    new_entry,
    entry_name,
);
pub static WARNING_SIGNS: ListTable<WarningSigns> = ListTable::<WarningSigns>::new(
    &[entry_field(
        || tr!(editors.entries.warning_sign),
        || tr!(editors.entries.warning_sign_example),
    )],
    new_entry,
    entry_name,
);
pub static PLACES: ListTable<Places> = ListTable::<Places>::new(
    &[entry_field(
        || tr!(editors.entries.place),
        || tr!(editors.entries.place_example),
    )],
    new_entry,
    entry_name,
);
pub static CRISIS_STEPS: ListTable<CrisisSteps> = ListTable::<CrisisSteps>::new(
    &[entry_field(
        || tr!(editors.entries.step),
        || tr!(editors.entries.crisis_step_example),
    )],
    new_entry,
    entry_name,
)
.ordered();
pub static SLIP_STEPS: ListTable<SlipSteps> = ListTable::<SlipSteps>::new(
    &[entry_field(
        || tr!(editors.entries.step),
        || tr!(editors.entries.slip_step_example),
    )],
    new_entry,
    entry_name,
)
.ordered();

// ---- Medication and care ----

const MEDICATION_KINDS: &[(&str, Text)] = &[
    ("buprenorphine_naloxone", || {
        tr!(editors.medications.kinds.buprenorphine_naloxone)
    }),
    ("buprenorphine", || {
        tr!(editors.medications.kinds.buprenorphine)
    }),
    ("buprenorphine_injection", || {
        tr!(editors.medications.kinds.buprenorphine_injection)
    }),
    ("naltrexone_oral", || {
        tr!(editors.medications.kinds.naltrexone_oral)
    }),
    ("naltrexone_injection", || {
        tr!(editors.medications.kinds.naltrexone_injection)
    }),
    ("methadone", || tr!(editors.medications.kinds.methadone)),
    ("other", || tr!(editors.medications.kinds.other)),
];

pub static MEDICATIONS: ListTable<Medications> = ListTable::<Medications>::new(
    &[
        Field::text(
            "name",
            || tr!(editors.field.name),
            Input::Text(|| tr!(editors.medications.name_example)),
            |r| &r.name,
            |r| &mut r.name,
        ),
        Field::own(
            "kind",
            || tr!(editors.field.kind),
            Input::Choice(MEDICATION_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::text(
            "dose",
            || tr!(editors.medications.dose),
            Input::Text(|| tr!(editors.medications.dose_example)),
            |r| &r.dose,
            |r| &mut r.dose,
        ),
        Field::text(
            "schedule",
            || tr!(editors.medications.schedule),
            Input::Text(|| tr!(editors.medications.schedule_example)),
            |r| &r.schedule,
            |r| &mut r.schedule,
        ),
        Field::text(
            "prescriber",
            || tr!(editors.medications.prescriber),
            Input::Text(|| tr!(editors.medications.prescriber_example)),
            |r| &r.prescriber,
            |r| &mut r.prescriber,
        ),
        Field::text(
            "pharmacy",
            || tr!(editors.medications.pharmacy),
            Input::Text(|| tr!(editors.medications.pharmacy_example)),
            |r| &r.pharmacy,
            |r| &mut r.pharmacy,
        ),
        Field::own(
            "next_refill",
            || tr!(editors.medications.next_refill),
            Input::Date,
            |r| input::date_text(r.next_refill),
            |r, v| {
                r.next_refill = input::date(v)?;
                Ok(())
            },
        ),
        Field::text(
            "notes",
            || tr!(editors.field.notes),
            Input::Long(no_example),
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
        .map(|d| {
            tr!(
                editors.medications.detail_refill,
                date = crate::domain::dates::full_date(d)
            )
        })
        .unwrap_or_default();
    join(&[r.dose.trim(), r.schedule.trim(), &refill])
});

const APPOINTMENT_KINDS: &[(&str, Text)] = &[
    ("prescriber", || tr!(editors.appointments.kinds.prescriber)),
    ("counselling", || {
        tr!(editors.appointments.kinds.counselling)
    }),
    ("primary_care", || {
        tr!(editors.appointments.kinds.primary_care)
    }),
    ("dental", || tr!(editors.appointments.kinds.dental)),
    ("hepatitis_c", || {
        tr!(editors.appointments.kinds.hepatitis_c)
    }),
    ("hiv", || tr!(editors.appointments.kinds.hiv)),
    ("mental_health", || {
        tr!(editors.appointments.kinds.mental_health)
    }),
    ("other", || tr!(editors.appointments.kinds.other)),
];

pub static APPOINTMENTS: ListTable<Appointments> = ListTable::<Appointments>::new(
    &[
        Field::text(
            "with_whom",
            || tr!(editors.appointments.with_whom),
            Input::Text(|| tr!(editors.appointments.with_whom_example)),
            |r| &r.with_whom,
            |r| &mut r.with_whom,
        ),
        Field::own(
            "kind",
            || tr!(editors.field.kind),
            Input::Choice(APPOINTMENT_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "at",
            || tr!(editors.appointments.at),
            Input::DateTime,
            |r| input::datetime_text(r.at),
            |r, v| {
                r.at = input::datetime(v)?;
                Ok(())
            },
        ),
        Field::text(
            "place",
            || tr!(editors.appointments.place),
            Input::Text(|| tr!(editors.appointments.place_example)),
            |r| &r.place,
            |r| &mut r.place,
        ),
        Field::text(
            "notes",
            || tr!(editors.field.notes),
            Input::Long(no_example),
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

const THERAPY_KINDS: &[(&str, Text)] = &[
    ("cbt", || tr!(editors.therapy.kinds.cbt)),
    ("dbt", || tr!(editors.therapy.kinds.dbt)),
    ("contingency_management", || {
        tr!(editors.therapy.kinds.contingency_management)
    }),
    ("family_couples", || {
        tr!(editors.therapy.kinds.family_couples)
    }),
    ("group", || tr!(editors.therapy.kinds.group)),
    ("intensive_outpatient", || {
        tr!(editors.therapy.kinds.intensive_outpatient)
    }),
    ("other", || tr!(editors.therapy.kinds.other)),
];

pub static THERAPY: ListTable<Therapies> = ListTable::<Therapies>::new(
    &[
        Field::text(
            "provider",
            || tr!(editors.therapy.provider),
            Input::Text(|| tr!(editors.therapy.provider_example)),
            |r| &r.provider,
            |r| &mut r.provider,
        ),
        Field::own(
            "kind",
            || tr!(editors.field.kind),
            Input::Choice(THERAPY_KINDS),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "next_session",
            || tr!(editors.therapy.next_session),
            Input::DateTime,
            |r| input::datetime_text(r.next_session),
            |r, v| {
                r.next_session = input::datetime(v)?;
                Ok(())
            },
        ),
        Field::text(
            "working_on",
            || tr!(editors.therapy.working_on),
            Input::Long(|| tr!(editors.therapy.working_on_example)),
            |r| &r.working_on,
            |r| &mut r.working_on,
        ),
        Field::text(
            "phone",
            || tr!(editors.field.phone),
            Input::Tel,
            |r| &r.phone,
            |r| &mut r.phone,
        ),
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

const AREAS: &[(&str, Text)] = &[
    ("work", || tr!(editors.goals.areas.work)),
    ("education", || tr!(editors.goals.areas.education)),
    ("money", || tr!(editors.goals.areas.money)),
    ("housing", || tr!(editors.goals.areas.housing)),
    ("health", || tr!(editors.goals.areas.health)),
    ("leisure", || tr!(editors.goals.areas.leisure)),
    ("other", || tr!(editors.goals.areas.other)),
];

pub static GOALS: ListTable<Goals> = ListTable::<Goals>::new(
    &[
        Field::text(
            "goal",
            || tr!(editors.goals.goal),
            Input::Text(|| tr!(editors.goals.goal_example)),
            |r| &r.goal,
            |r| &mut r.goal,
        ),
        Field::own(
            "area",
            || tr!(editors.goals.area),
            Input::Choice(AREAS),
            |r| word(&r.area),
            |r, v| choose(&mut r.area, v),
        ),
        Field::text(
            "next_step",
            || tr!(editors.goals.next_step),
            Input::Text(|| tr!(editors.goals.next_step_example)),
            |r| &r.next_step,
            |r| &mut r.next_step,
        ),
        Field::flag(
            "done",
            || tr!(editors.field.done),
            |r| &r.done,
            |r| &mut r.done,
        ),
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

const TRIGGER_KINDS: &[(&str, Text)] = &[
    ("feeling", || tr!(editors.triggers.kinds.feeling)),
    ("person", || tr!(editors.triggers.kinds.person)),
    ("place", || tr!(editors.triggers.kinds.place)),
    ("time", || tr!(editors.triggers.kinds.time)),
    ("thing", || tr!(editors.triggers.kinds.thing)),
    ("other", || tr!(editors.triggers.kinds.other)),
];

const TRIGGER_TEXT: Field<Trigger> = Field::text(
    "text",
    || tr!(editors.triggers.text),
    Input::Text(|| tr!(editors.triggers.text_example)),
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
                || tr!(editors.field.kind),
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
                || tr!(editors.triggers.instead),
                Input::Idea(
                    || tr!(editors.coping.ideas.call_sponsor),
                    &[
                        || tr!(editors.coping.ideas.call_sponsor),
                        || tr!(editors.coping.ideas.extra_meeting),
                        || tr!(editors.coping.ideas.leave),
                        || tr!(editors.coping.ideas.eat_rest),
                        || tr!(editors.coping.ideas.walk),
                        || tr!(editors.coping.ideas.text_someone),
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
            || tr!(editors.coping.text),
            Input::Long(|| tr!(editors.coping.ideas.call_sponsor)),
            |r| &r.text,
            |r| &mut r.text,
        ),
        Field::plan(
            "trigger_ids",
            || tr!(editors.coping.trigger_ids),
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
                let (trigger, on) = v.split_once(' ').ok_or(tr!(editors.errors.not_a_choice))?;
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
            || tr!(editors.kits.location),
            Input::Text(|| tr!(editors.kits.location_example)),
            |r| r.location.clone(),
            |r, v| {
                // A kit keeps a place: an emptied field is not saved.
                if v.trim().is_empty() {
                    return Err(tr!(editors.kits.location_missing).into());
                }
                r.location = v.to_string();
                Ok(())
            },
        ),
        Field::own(
            "kind",
            || tr!(editors.field.kind),
            Input::Choice(&[
                ("nasal_spray", || tr!(editors.kits.kinds.nasal_spray)),
                ("injectable", || tr!(editors.kits.kinds.injectable)),
                ("other", || tr!(editors.kits.kinds.other)),
            ]),
            |r| word(&r.kind),
            |r, v| choose(&mut r.kind, v),
        ),
        Field::own(
            "expires",
            || tr!(editors.kits.expires),
            Input::Date,
            |r| input::date_text(r.expires),
            |r, v| {
                r.expires = input::date(v)?;
                Ok(())
            },
        ),
        Field::own(
            "doses",
            || tr!(editors.kits.doses),
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
            || tr!(editors.kits.who_knows),
            Input::Text(|| tr!(editors.kits.who_knows_example)),
            |r| &r.who_knows,
            |r| &mut r.who_knows,
        ),
        Field::flag(
            "others_trained",
            || tr!(editors.kits.others_trained),
            |r| &r.others_trained,
            |r| &mut r.others_trained,
        ),
    ],
    |id, location, _| NaloxoneKit::new(id, location),
    |r| r.location.clone(),
)
.detail(|r| {
    r.expires
        .map(|d| {
            tr!(
                editors.kits.detail_expires,
                date = crate::domain::dates::full_date(d)
            )
        })
        .unwrap_or_default()
});

// ---- Meetings ----

/// The names of fellowships are their own (not translated).
const FELLOWSHIPS: &[(&str, Text)] = &[
    ("narcotics_anonymous", || "Narcotics Anonymous (NA)"),
    ("smart_recovery", || "SMART Recovery"),
    ("pills_anonymous", || "Pills Anonymous"),
    ("heroin_anonymous", || "Heroin Anonymous"),
    ("celebrate_recovery", || "Celebrate Recovery"),
    ("nar_anon", || tr!(editors.meetings.fellowships.nar_anon)),
    ("peer_support", || {
        tr!(editors.meetings.fellowships.peer_support)
    }),
    ("other", || tr!(editors.meetings.fellowships.other)),
];

pub static MEETINGS: ListTable<MeetingList> = ListTable::<MeetingList>::new(
    &[
        Field::text(
            "name",
            || tr!(editors.field.name),
            Input::Text(|| tr!(editors.meetings.name_example)),
            |r| &r.name,
            |r| &mut r.name,
        ),
        Field::own(
            "fellowship",
            || tr!(editors.meetings.fellowship),
            Input::Choice(FELLOWSHIPS),
            |r| word(&r.fellowship),
            |r, v| choose(&mut r.fellowship, v),
        ),
        Field::own(
            "format",
            || tr!(editors.meetings.format),
            Input::Choice(&[
                ("in_person", || tr!(editors.meetings.formats.in_person)),
                ("online", || tr!(editors.meetings.formats.online)),
                ("hybrid", || tr!(editors.meetings.formats.hybrid)),
            ]),
            |r| word(&r.format),
            |r, v| choose(&mut r.format, v),
        ),
        Field::text(
            "address",
            || tr!(editors.meetings.address),
            Input::Text(|| tr!(editors.meetings.address_example)),
            |r| &r.address,
            |r| &mut r.address,
        ),
        Field::text(
            "link",
            || tr!(editors.meetings.link),
            Input::Text(|| "https://…"),
            |r| &r.link,
            |r| &mut r.link,
        ),
        Field::own(
            "access",
            || tr!(editors.meetings.access),
            Input::Choice(&[
                ("open", || tr!(editors.meetings.accesses.open)),
                ("closed", || tr!(editors.meetings.accesses.closed)),
                ("not_sure", || tr!(editors.meetings.accesses.not_sure)),
            ]),
            |r| word(&r.access),
            |r, v| choose(&mut r.access, v),
        ),
        Field::own(
            "style",
            || tr!(editors.meetings.style),
            Input::Choice(&[
                ("speaker", || tr!(editors.meetings.styles.speaker)),
                ("discussion", || tr!(editors.meetings.styles.discussion)),
                ("step_study", || tr!(editors.meetings.styles.step_study)),
                ("other", || tr!(editors.meetings.styles.other)),
            ]),
            |r| word(&r.style),
            |r, v| choose(&mut r.style, v),
        ),
        Field::own(
            "days",
            || tr!(editors.meetings.days),
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
                let (day, on) = v.split_once(' ').ok_or(tr!(editors.meetings.not_a_day))?;
                let day = datefmt::parse_weekday(day).ok_or(tr!(editors.meetings.not_a_day))?;
                r.days.retain(|d| *d != day);
                if on == "true" {
                    r.days.push(day);
                }
                Ok(())
            },
        ),
        Field::own(
            "time",
            || tr!(editors.meetings.time),
            Input::Time,
            |r| input::time_text(r.time),
            |r, v| {
                r.time = input::time(v)?;
                Ok(())
            },
        ),
        Field::own(
            "duration_minutes",
            || tr!(editors.meetings.duration),
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
            || tr!(editors.field.notes),
            Input::Long(no_example),
            |r| &r.notes,
            |r| &mut r.notes,
        ),
        Field::plan(
            "attended",
            || tr!(editors.meetings.attended),
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
            || tr!(editors.meetings.attended_on),
            Input::Date,
            |_, _, _| String::new(),
            |p, id, v, ctx| {
                let Some(day) = input::date(v)? else {
                    return Ok(());
                };
                if day > ctx.today {
                    return Err(tr!(editors.meetings.future).into());
                }
                p.meetings.mark_attended(id, day);
                Ok(())
            },
        ),
        Field::plan(
            "fit",
            || tr!(editors.meetings.fit),
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
            || tr!(editors.meetings.liked),
            Input::Long(|| tr!(editors.meetings.liked_example)),
            |r| &r.liked,
            |r| &mut r.liked,
        ),
        Field::text(
            "disliked",
            || tr!(editors.meetings.disliked),
            Input::Long(no_example),
            |r| &r.disliked,
            |r| &mut r.disliked,
        ),
        Field::own(
            "decision",
            || tr!(editors.meetings.decision),
            Input::Choice(&[
                ("undecided", || tr!(editors.meetings.decisions.undecided)),
                ("keep", || tr!(editors.meetings.decisions.keep)),
                ("try_another", || {
                    tr!(editors.meetings.decisions.try_another)
                }),
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
    Field::flag(
        "done",
        || tr!(editors.field.done),
        |r| &r.done,
        |r| &mut r.done,
    ),
    Field::text(
        "text",
        || tr!(editors.checklist.text),
        Input::Long(no_example),
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
            || tr!(editors.field.date),
            Input::Date,
            |p, id, _| {
                p.recovery
                    .slips
                    .find(id)
                    .map(|s| datefmt::write_date(s.date))
                    .unwrap_or_default()
            },
            |p, id, v, ctx| {
                let date = input::date(v)?.ok_or(tr!(editors.slips.date_missing))?;
                p.recovery
                    .move_slip(id, date, ctx.today)
                    .map_err(|e| e.to_string())
            },
        ),
        Field::text(
            "note",
            || tr!(editors.slips.note),
            Input::Long(no_example),
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
            || tr!(editors.personal.title),
            Input::Text(|| tr!(editors.personal.title_example)),
            |r| &r.title,
            |r| &mut r.title,
        ),
        Field::own(
            "date",
            || tr!(editors.field.date),
            Input::Date,
            |r| datefmt::write_date(r.date),
            |r, v| {
                r.date = input::date(v)?.ok_or(tr!(editors.personal.date_missing))?;
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
        || tr!(editors.loved_ones.what_to_know),
        Input::Long(|| tr!(editors.loved_ones.what_to_know_example)),
        |r| &r.what_to_know,
        |r| &mut r.what_to_know,
    ),
    Field::text(
        "how_to_help",
        || tr!(editors.loved_ones.how_to_help),
        Input::Long(|| tr!(editors.loved_ones.how_to_help_example)),
        |r| &r.how_to_help,
        |r| &mut r.how_to_help,
    ),
    Field::text(
        "boundaries",
        || tr!(editors.loved_ones.boundaries),
        Input::Long(|| tr!(editors.loved_ones.boundaries_example)),
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
    || tr!(editors.settings.review_every),
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
        || tr!(editors.settings.lock_after),
        Input::Choice(&[
            ("1", || tr!(editors.settings.minutes_1)),
            ("5", || tr!(editors.settings.minutes_5)),
            ("15", || tr!(editors.settings.minutes_15)),
            ("30", || tr!(editors.settings.minutes_30)),
            ("60", || tr!(editors.settings.hour_1)),
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
        || tr!(editors.settings.open_contacts),
        |r| &r.open_contacts,
        |r| &mut r.open_contacts,
    ),
]);

/// What the wallet card says about its owner.
pub static CARD_SETTINGS: Fields<SettingsPart> = Fields::<SettingsPart>::new(&[
    Field::text(
        "first_name",
        || tr!(editors.settings.first_name),
        Input::Text(|| tr!(editors.settings.first_name_example)),
        |r| &r.first_name,
        |r| &mut r.first_name,
    ),
    Field::flag(
        "card_medication",
        || tr!(editors.settings.card_medication),
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

const MOODS: &[(&str, Text)] = &[
    ("", || tr!(editors.checkin.moods.choose)),
    ("1", || tr!(editors.checkin.moods.m1)),
    ("2", || tr!(editors.checkin.moods.m2)),
    ("3", || tr!(editors.checkin.moods.m3)),
    ("4", || tr!(editors.checkin.moods.m4)),
    ("5", || tr!(editors.checkin.moods.m5)),
];

fn scale_text(v: Option<u8>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// How the day went: mood and the scales.
pub static CHECKIN_HOW: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::own(
        "mood",
        || tr!(editors.checkin.mood),
        Input::Choice(MOODS),
        |r| scale_text(r.mood),
        |r, v| {
            r.mood = input::scale(v, 1, 5)?;
            Ok(())
        },
    ),
    Field::own(
        "craving",
        || tr!(editors.checkin.craving),
        Input::Number,
        |r| scale_text(r.craving),
        |r, v| {
            r.craving = input::scale(v, 0, 10)?;
            Ok(())
        },
    ),
    Field::own(
        "stress",
        || tr!(editors.checkin.stress),
        Input::Number,
        |r| scale_text(r.stress),
        |r, v| {
            r.stress = input::scale(v, 0, 10)?;
            Ok(())
        },
    ),
    Field::own(
        "sleep_minutes",
        || tr!(editors.checkin.sleep),
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
    || tr!(editors.checkin.medications),
    Input::Links(|p| choices(p, checkin::Items::Medications)),
    |r| ids_text(&r.medications_taken),
    |r, v| toggle(&mut r.medications_taken, v),
)]);

/// Support: a meeting, someone from the network.
pub static CHECKIN_SUPPORT: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::flag(
        "went_to_meeting",
        || tr!(editors.checkin.went_to_meeting),
        |r| &r.went_to_meeting,
        |r| &mut r.went_to_meeting,
    ),
    Field::flag(
        "contacted_support",
        || tr!(editors.checkin.contacted_support),
        |r| &r.contacted_support,
        |r| &mut r.contacted_support,
    ),
]);

/// Triggers, warning signs, coping and a note.
pub static CHECKIN_NOTICED: Fields<CheckInOfDay> = Fields::<CheckInOfDay>::new(&[
    Field::own(
        "triggers",
        || tr!(editors.checkin.triggers),
        Input::Links(|p| choices(p, checkin::Items::Triggers)),
        |r| ids_text(&r.triggers),
        |r, v| toggle(&mut r.triggers, v),
    ),
    Field::own(
        "warning_signs",
        || tr!(editors.checkin.warning_signs),
        Input::Links(|p| choices(p, checkin::Items::WarningSigns)),
        |r| ids_text(&r.warning_signs),
        |r, v| toggle(&mut r.warning_signs, v),
    ),
    Field::own(
        "coping_used",
        || tr!(editors.checkin.coping_used),
        Input::Links(|p| choices(p, checkin::Items::Coping)),
        |r| ids_text(&r.coping_used),
        |r, v| toggle(&mut r.coping_used, v),
    ),
    Field::text(
        "note",
        || tr!(editors.checkin.note),
        Input::Long(no_example),
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
