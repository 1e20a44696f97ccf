//! What the popup reads: the profile's state, a tab's state, the guide, all of it at once.

use super::event::{AfterTab, Step};
use super::reply::{PopupState, ProfileState, Reply};
use super::Session;
use crate::gather::Gather;
use crate::guide::{
    self, AemSeen, AwaitingSeen, CheckSeen, ConfigsSeen, DiagnosisSeen, FillHere, GuideInput, PageKind, VerdictSeen,
};
use crate::ims::aem_verdict::AemVerdict;
use crate::ims::check::CheckReport;
use crate::profile::diagnose;
use crate::tab;

pub(super) fn profile_state(s: &Session, now_ms: u64) -> ProfileState {
    ProfileState {
        profile: s.profile.clone(),
        findings: diagnose::diagnose(&s.profile, now_ms),
        conflicts: s.pending.iter().flat_map(|p| p.conflicts.clone()).gather(),
        awaiting: s.awaiting.clone(),
        switch: super::credential_switch::view(s),
        taken: super::taken::view(s),
        notices: s.notices.clone(),
        checks: s.checks.clone(),
        sends: crate::ims::check::sends(
            s.profile.auth_type.as_ref().map(|a| a.value),
            s.profile.authorization_server.as_ref().map(|a| a.value.as_str()),
        ),
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

fn guide_for(
    s: &Session,
    tab_id: u32,
    url: Option<String>,
    granted_origins: Vec<String>,
    then: AfterTab,
    now_ms: u64,
) -> guide::Guide {
    let input = GuideInput {
        url,
        profile: s.profile.clone(),
        has_key_pair: s.key_pair.is_some(),
        checks: guide::Checks {
            ims: seen(&s.checks.ims),
            target: seen(&s.checks.target),
            // Started by IMS Link for these very values (the revision did not move since).
            ims_running: super::auto_check::running(s, now_ms),
            ims_by_itself: s.checks.ims.is_some() && s.checks.ims_auto.is_some(),
        },
        filled: s.filled.clone(),
        aem_author: s.aem_author.clone(),
        aem_author_named: s.aem_author_named.clone(),
        granted_origins,
        secret_origins: s.secret_origins.clone(),
        fill_here: s.fills.iter().find(|f| f.tab_id == tab_id).map(|f| FillHere {
            form: f.form,
            url: f.url.clone(),
            consent: f.consent.clone(),
            choices: f.choices.clone(),
            hidden_step: f.hidden_step,
        }),
        awaiting: s.awaiting.as_ref().map(|a| AwaitingSeen {
            page: a.page.clone(),
            client_id: a.client_id.is_some(),
            client_secret: a.client_secret.is_some(),
        }),
        switch: super::credential_switch::view(s).map(|w| guide::SwitchSeen {
            current: w.current,
            incoming: w.incoming,
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
            target_folder: s.aem.target_folder.clone(),
            folders: s.aem.folders.clone(),
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
        panel: matches!(then, AfterTab::Panel | AfterTab::NamedInPanel | AfterTab::RunSteps),
        just_named: then == AfterTab::NamedInPanel,
        page_run: s.aem.ran.clone(),
    };
    guide::guide(&input, now_ms)
}

/// A revealed secret masks itself again after this long, as a password manager's does.
pub const REVEAL_MS: u64 = 30_000;

/// Whether the tab is a site's own page, where its at.js may carry the client code; not once
/// every stage is done.
fn reads_site(guide: &guide::Guide) -> bool {
    guide.page == PageKind::Other && guide.next.stage.is_some()
}

/// The tab's problem ("… is not an Adobe Target page") only where a Target address was to be
/// expected: on the Console, on AEM or once everything is done it is a false alarm; on a page
/// the browser hides, the guide's own sentence about the page already says it.
fn popup_tab(mut tab: tab::TabState, guide: &guide::Guide) -> tab::TabState {
    let expected = matches!(
        guide.page,
        PageKind::Target | PageKind::ExperienceCloud | PageKind::Other
    );
    if !expected || guide.next.stage.is_none() {
        tab.problem = None;
    }
    tab
}

/// The answer a tab's address (and the granted permissions) were fetched for.
pub(super) fn tab_facts(
    mut s: Session,
    tab_id: u32,
    then: AfterTab,
    url: Option<String>,
    granted_origins: Vec<String>,
    now_ms: u64,
) -> Step {
    let url = url.filter(|u| !u.is_empty());
    // The first AEM page the popup is opened on names the admin's author.
    let mut changed = false;
    if let Some(origin) = super::aem_author::learned(&s, url.as_deref()) {
        s.aem_author = Some(origin);
        changed = true;
    }
    // The author the admin typed, now granted: it may receive secrets from here on.
    changed |= super::aem_author::named_granted(&mut s, &granted_origins);
    let reply = match then {
        AfterTab::RunSteps => {
            let guide = guide_for(&s, tab_id, url, granted_origins, then, now_ms);
            return super::page_run::start(s, tab_id, guide, now_ms);
        }
        AfterTab::Guide | AfterTab::NamedInPanel => Reply::Guide {
            guide: Box::new(guide_for(&s, tab_id, url, granted_origins, then, now_ms)),
        },
        AfterTab::Popup | AfterTab::Panel => {
            let guide = guide_for(&s, tab_id, url.clone(), granted_origins, then, now_ms);
            let mut profile = profile_state(&s, now_ms);
            // What IMS Link took by itself is said on the page it came from, until the credential's
            // stage is done (IMS accepted it: the guide moves on, and the stage says so).
            let console_open = guide
                .stages
                .iter()
                .any(|st| st.id == guide::StageId::Console && st.status != guide::Status::Done);
            profile.taken = profile.taken.filter(|t| {
                console_open
                    && url
                        .as_deref()
                        .is_some_and(|u| crate::fill::trust::same_page(&t.page, u))
            });
            Reply::Popup(Box::new(PopupState {
                tab: popup_tab(tab::describe(tab_id, url.as_deref()), &guide),
                read_site: reads_site(&guide),
                profile,
                guide,
                key_pair: s.key_pair.clone(),
                aem_certificate: s.aem_certificate.clone(),
                reveal_ms: REVEAL_MS,
            }))
        }
    };
    // Written quietly: the reply already shows it, a broadcast would only redraw the popup.
    Step {
        session: changed.then_some(s),
        ..Step::reply(reply)
    }
}
