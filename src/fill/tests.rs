//! Tests of form detection, field matching and fill plans against snapshots of the fake AEM pages.
