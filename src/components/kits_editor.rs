//! Naloxone kits in the plan: where each is kept, what kind, when it expires, how many doses,
//! who else knows. Storage guidance sits beside them. Every change saves at once.

use crate::components::record_list::{Field, Input, RecordList, Records, Restore};
use crate::components::static_html::each;
use crate::domain::list::OrderedList;
use crate::domain::naloxone::{KitKind, NaloxoneKit, STORAGE_GUIDANCE};
use crate::domain::{datefmt, Id, Plan};
use leptos::prelude::*;

fn kit<'a>(p: &'a Plan, id: &Id) -> Option<&'a NaloxoneKit> {
    p.naloxone_kits.find(id)
}

fn edit(p: &mut Plan, id: &Id, change: impl FnOnce(&mut NaloxoneKit)) {
    if let Some(k) = p.naloxone_kits.find_mut(id) {
        change(k)
    }
}

fn read(p: &Plan, id: &Id, f: fn(&NaloxoneKit) -> String) -> String {
    kit(p, id).map(f).unwrap_or_default()
}

static KITS: Records = Records {
    ids: |p| p.naloxone_kits.iter().map(|k| k.id.clone()).collect(),
    name: |p, id| read(p, id, |k| k.location.clone()),
    add: |p, id, place| p.naloxone_kits.push(NaloxoneKit::new(id, place)),
    remove: |p, id| {
        let removed = p.naloxone_kits.remove_id(id)?;
        Some(Box::new(move |p: &mut Plan| p.naloxone_kits.restore(removed)) as Restore)
    },
    shift: None,
    fields: &[
        Field {
            key: "kit-where",
            label: "Where it's kept",
            input: Input::Text("Kitchen drawer"),
            get: |p, id| read(p, id, |k| k.location.clone()),
            set: |p, id, v| {
                if !v.trim().is_empty() {
                    edit(p, id, |k| k.location = v.trim().into())
                }
            },
        },
        Field {
            key: "kit-kind",
            label: "Kind",
            input: Input::Choice(&[
                ("nasal_spray", "Nasal spray"),
                ("injectable", "Injectable"),
                ("other", "Other"),
            ]),
            get: |p, id| read(p, id, |k| k.kind.as_str().into()),
            set: |p, id, v| edit(p, id, |k| k.kind = KitKind::parse(v).unwrap_or(k.kind)),
        },
        Field {
            key: "kit-expires",
            label: "Expiry date (on the box)",
            input: Input::Date,
            get: |p, id| {
                read(p, id, |k| {
                    k.expires.map(datefmt::write_date).unwrap_or_default()
                })
            },
            set: |p, id, v| edit(p, id, |k| k.expires = datefmt::parse_date(v)),
        },
        Field {
            key: "kit-doses",
            label: "Doses in the kit",
            input: Input::Number,
            get: |p, id| read(p, id, |k| k.doses.to_string()),
            set: |p, id, v| {
                edit(p, id, |k| {
                    k.doses = v.trim().parse::<u8>().map_or(k.doses, |n| n.min(20))
                })
            },
        },
        Field {
            key: "kit-who",
            label: "Who else knows where it is",
            input: Input::Text("My roommate Jo"),
            get: |p, id| read(p, id, |k| k.who_knows.clone()),
            set: |p, id, v| edit(p, id, |k| k.who_knows = v.trim().into()),
        },
        Field {
            key: "kit-trained",
            label: "They have been shown how to use it",
            input: Input::Check,
            get: |p, id| read(p, id, |k| k.others_trained.to_string()),
            set: |p, id, v| edit(p, id, |k| k.others_trained = v == "true"),
        },
    ],
};

#[component]
pub fn KitsEditor() -> impl IntoView {
    view! {
        <RecordList anchor="naloxone" title="Naloxone kits" noun="kit" records=&KITS
            hint="Where your naloxone is, so you and the people around you can find it fast."
            add_label="Add a kit: where is it kept?" placeholder="Kitchen drawer">
            <details class="guidance">
                <summary>"How to store naloxone"</summary>
                <ul inner_html=each("li", &STORAGE_GUIDANCE)></ul>
                <p class="small">"Source: Narcan nasal spray label (2020); state health departments."</p>
            </details>
        </RecordList>
    }
}
