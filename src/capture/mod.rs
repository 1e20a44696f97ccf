//! Capturing profile values from what content scripts see of Adobe pages.

pub mod pages;
pub mod snapshot;
