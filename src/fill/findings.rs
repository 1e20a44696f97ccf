//! The profile's errors that a fill would write into AEM. A value the diagnostics call wrong
//! (an expired payload, a placeholder secret, a credential Adobe converted) fails later in
//! AEM with a vaguer message, so the fill shows the errors first and goes on only when the
//! admin says "fill anyway". The Authorization Server is never such a choice: only Adobe IMS
//! hosts are stored or filled (`trust`).

use super::spec::ValueSource;
use super::Plan;
use crate::gather::Gather;
use crate::profile::diagnose::{Finding, Severity};
use crate::profile::Field;

/// The profile fields a value source reads.
fn fields_of(source: ValueSource) -> Vec<Field> {
    match source {
        ValueSource::Profile(field) => vec![field],
        // Each falls back on the other.
        ValueSource::Tenant | ValueSource::ClientCode => vec![Field::Tenant, Field::ClientCode],
        ValueSource::Scopes => vec![Field::Scopes],
        ValueSource::AuthServer => vec![Field::AuthorizationServer],
        ValueSource::AuthTypeOption => vec![Field::AuthType],
        ValueSource::ImsTitle
        | ValueSource::Constant(_)
        | ValueSource::Option(..)
        | ValueSource::ImsConfig
        | ValueSource::Checked(_)
        | ValueSource::KeystoreAlias
        | ValueSource::PrivateKeyDer
        | ValueSource::CertificateDer
        | ValueSource::KeypairAlias => Vec::new(),
    }
}

/// The error findings about the values `plan` would write.
pub fn blocking(plan: &Plan, findings: &[Finding]) -> Vec<Finding> {
    let specs = plan.form.specs();
    // The secrets held back for the origin's yes are written after it, without another question.
    let held = plan.consent.iter().flat_map(|c| c.held.iter());
    let written: Vec<Field> = plan
        .actions
        .iter()
        .map(|a| &a.spec_id)
        .chain(held)
        .filter_map(|id| specs.iter().find(|s| s.id == id))
        .flat_map(|s| fields_of(s.source))
        .gather();
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error && written.contains(&f.field))
        .cloned()
        .gather()
}
