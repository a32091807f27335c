//! One screen a file.

pub mod crisis;
pub mod not_found;
pub mod overdose;
pub mod plan;
pub mod recovery;
pub mod settings;
pub mod today;
