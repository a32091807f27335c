//! The domain: pure Rust (std, serde and chrono), no browser types.
//! Everything here is tested natively with `cargo test`.

pub mod backup;
pub mod bytes;
pub mod care;
pub mod checkin;
pub mod community;
pub mod contacts;
pub mod datefmt;
pub mod dates;
pub mod goals;
pub mod ics;
pub mod id;
pub mod input;
pub mod list;
pub mod lock;
pub mod meetings;
pub mod milestones;
pub mod naloxone;
pub mod order;
pub mod pillars;
pub mod plan;
pub mod relapse;
pub mod resources;
pub mod safekeeping;
pub mod schema;
pub mod trends;
pub mod upcoming;
pub mod words;

pub use id::Id;
pub use list::Entry;
pub use plan::Plan;
