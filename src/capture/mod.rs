//! Capturing profile values from what content scripts see of Adobe pages.

pub mod atjs;
pub mod certificates;
pub mod pages;
pub mod snapshot;
