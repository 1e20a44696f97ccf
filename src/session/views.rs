//! What the popup reads: the profile's state, a tab's state, the guide, all of it at once.

use super::event::{AfterTab, Step};
use super::reply::{PopupState, ProfileState, Reply};
use super::Session;
use crate::guide::{
    self, AemSeen, AwaitingSeen, CheckSeen, ConfigsSeen, DiagnosisSeen, FillHere, GuideInput, VerdictSeen,
};
use crate::ims::aem_verdict::AemVerdict;
use crate::ims::check::CheckReport;
use crate::profile::diagnose;
use crate::tab;

pub(super) fn profile_state(s: &Session, now_ms: u64) -> ProfileState {
    ProfileState {
        profile: s.profile.clone(),
        findings: diagnose::diagnose(&s.profile, now_ms),
        conflicts: s.pending.iter().flat_map(|p| p.conflicts.clone()).collect(),
        awaiting: s.awaiting.clone(),
        notices: s.notices.clone(),
        checks: s.checks.clone(),
        has_key_pair: s.key_pair.is_some(),
        import: None,
    }
}

fn seen(report: &Option<CheckReport>) -> Option<CheckSeen> {
    report.as_ref().map(|r| CheckSeen {
        ok: r.ok,
        diagnosis: r.diagnosis.as_ref().map(|d| DiagnosisSeen {
            summary: d.summary.clone(),
            next_step: d.next_step.clone(),
        }),
    })
}

fn verdict_seen(v: &Option<AemVerdict>) -> Option<VerdictSeen> {
    v.as_ref().map(|v| VerdictSeen {
        ok: v.ok,
        url: v.url.clone(),
        text: v.text.clone(),
        context: v.context.clone(),
        diagnosis: v.diagnosis.as_ref().map(|d| DiagnosisSeen {
            summary: d.summary.clone(),
            next_step: d.next_step.clone(),
        }),
    })
}

fn guide_for(s: &Session, tab_id: u32, url: Option<String>, granted_origins: Vec<String>, now_ms: u64) -> guide::Guide {
    let input = GuideInput {
        url,
        profile: s.profile.clone(),
        has_key_pair: s.key_pair.is_some(),
        checks: guide::Checks {
            ims: seen(&s.checks.ims),
            target: seen(&s.checks.target),
        },
        filled: s.filled.clone(),
        granted_origins,
        secret_origins: s.secret_origins.clone(),
        fill_here: s.fills.iter().find(|f| f.tab_id == tab_id).map(|f| FillHere {
            form: f.form,
            url: f.url.clone(),
            consent: f.consent.clone(),
        }),
        awaiting: s.awaiting.as_ref().map(|a| AwaitingSeen {
            page: a.page.clone(),
            client_id: a.client_id.is_some(),
            client_secret: a.client_secret.is_some(),
        }),
        ims_config_title: s.ims_config_title.clone(),
        aem: AemSeen {
            health: verdict_seen(&s.aem.health),
            connect: verdict_seen(&s.aem.connect),
            configs: s.aem.configs.as_ref().map(|c| ConfigsSeen {
                url: c.url.clone(),
                configs: c.configs.clone(),
            }),
            keystore: s.aem.keystore.as_ref().map(|k| guide::KeystoreSeen {
                url: k.url.clone(),
                exists: k.exists,
                aliases: k.aliases.clone(),
                error: k.error.clone(),
            }),
        },
        aem_certificate: s.aem_certificate.as_ref().map(|c| guide::AemCertificateSeen {
            origin: c.origin.clone(),
            alias: c.alias.clone(),
            file_name: c.file_name.clone(),
            sha1_fingerprint: c.sha1_fingerprint.clone(),
            sha256_fingerprint: c.sha256_fingerprint.clone(),
            not_after: c.not_after,
        }),
        credential_certificates: s
            .credential_certificates
            .as_ref()
            .map(|c| guide::CredentialCertificatesSeen {
                client_id: c.client_id.clone(),
                fingerprints: c.fingerprints.clone(),
            }),
        aem_new_certificate: s.aem_new_certificate.clone(),
        keystore_alias: super::keystore::files(s).map(|k| k.alias),
    };
    guide::guide(&input, now_ms)
}

/// The answer a tab's address (and the granted permissions) were fetched for.
pub(super) fn tab_facts(
    s: &Session,
    tab_id: u32,
    then: AfterTab,
    url: Option<String>,
    granted_origins: Vec<String>,
    now_ms: u64,
) -> Step {
    let url = url.filter(|u| !u.is_empty());
    Step::reply(match then {
        AfterTab::TabState => Reply::TabState(tab::describe(tab_id, url.as_deref())),
        AfterTab::Guide => Reply::Guide {
            guide: Box::new(guide_for(s, tab_id, url, granted_origins, now_ms)),
        },
        AfterTab::Popup => Reply::Popup(Box::new(PopupState {
            tab: tab::describe(tab_id, url.as_deref()),
            profile: profile_state(s, now_ms),
            guide: guide_for(s, tab_id, url, granted_origins, now_ms),
            key_pair: s.key_pair.clone(),
            aem_certificate: s.aem_certificate.clone(),
        })),
    })
}
