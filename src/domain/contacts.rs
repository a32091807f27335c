//! The support network: the people the person can lean on.

use super::list::impl_has_id;
use super::Id;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Sponsor,
    Family,
    Friend,
    RecoveryCoach,
    PeerRecoverySpecialist,
    Therapist,
    Doctor,
    Other,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Sponsor,
        Role::Family,
        Role::Friend,
        Role::RecoveryCoach,
        Role::PeerRecoverySpecialist,
        Role::Therapist,
        Role::Doctor,
        Role::Other,
    ];

    /// The role's name as shown, in the app's language (the saved word is serde's).
    pub fn label(self) -> &'static str {
        match self {
            Role::Sponsor => tr!(editors.roles.sponsor),
            Role::Family => tr!(editors.roles.family),
            Role::Friend => tr!(editors.roles.friend),
            Role::RecoveryCoach => tr!(editors.roles.recovery_coach),
            Role::PeerRecoverySpecialist => tr!(editors.roles.peer_recovery_specialist),
            Role::Therapist => tr!(editors.roles.therapist),
            Role::Doctor => tr!(editors.roles.doctor),
            Role::Other => tr!(editors.roles.other),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportPerson {
    pub id: Id,
    pub name: String,
    pub role: Role,
    /// As the person typed it; the dialler gets [`dial_string`].
    pub phone: String,
    /// Shown first on the crisis screen.
    pub call_in_crisis: bool,
    /// "evenings", "any time".
    pub best_times: String,
    /// A text message written in advance, sent with one tap in a crisis.
    pub crisis_message: String,
    pub notes: String,
}

impl_has_id!(SupportPerson);

/// The characters of a phone number a `tel:`/`sms:` link can carry: digits, and a leading `+`.
/// Returns `None` when nothing dialable is left.
pub fn dial_string(phone: &str) -> Option<String> {
    let mut out = String::new();
    for c in phone.trim().chars() {
        if c.is_ascii_digit() || (c == '+' && out.is_empty()) {
            out.push(c);
        }
    }
    if out.trim_start_matches('+').len() >= 3 {
        Some(out)
    } else {
        None
    }
}

/// An `sms:` link to `number` that opens the messaging app with `message` already written
/// (the person still presses send). `?body=` works on Android and current iPhones.
pub fn sms_href(number: &str, message: &str) -> String {
    let mut href = format!("sms:{number}");
    let message = message.trim();
    if !message.is_empty() {
        href.push_str("?body=");
        for b in message.bytes() {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                href.push(b as char);
            } else {
                href.push_str(&format!("%{b:02X}"));
            }
        }
    }
    href
}

/// A crisis contact with a number that can be dialed: what Call and Text links need.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisContact {
    pub name: String,
    /// For `tel:` (digits, maybe a leading `+`).
    pub number: String,
    /// The `sms:` link with the message written in advance.
    pub sms: String,
}

/// The people marked "call me in a crisis" who have a number, in the plan's order.
pub fn crisis_contacts(p: &super::Plan) -> Vec<CrisisContact> {
    p.people
        .iter()
        .filter(|c| c.call_in_crisis)
        .filter_map(|c| {
            let number = dial_string(&c.phone)?;
            Some(CrisisContact {
                name: c.name.clone(),
                sms: sms_href(&number, &c.crisis_message),
                number,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_links_carry_the_message_written_in_advance() {
        assert_eq!(sms_href("5550102030", "  "), "sms:5550102030");
        assert_eq!(
            sms_href("+15550102030", "I'm struggling & need you. Call me?"),
            "sms:+15550102030?body=I%27m%20struggling%20%26%20need%20you.%20Call%20me%3F"
        );
        assert_eq!(sms_href("911", "café"), "sms:911?body=caf%C3%A9");
    }

    #[test]
    fn dial_strings() {
        assert_eq!(dial_string("(555) 010-2030").as_deref(), Some("5550102030"));
        assert_eq!(
            dial_string("+1 555 010 2030").as_deref(),
            Some("+15550102030")
        );
        assert_eq!(dial_string("988").as_deref(), Some("988"));
        assert_eq!(dial_string("call me"), None);
        assert_eq!(dial_string("javascript:alert(1)"), None);
    }
}
