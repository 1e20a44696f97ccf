//! The one next step, fitted to the tab: on the right page it is a click or a popup button;
//! elsewhere it is a link to the right page.

use super::page::{Page, PageKind};
use super::stages::Facts;
use super::{Action, Next, Stage, StageId, Status, Step};
use crate::fill::FormKind;
use crate::profile::AuthType;

fn click(name: &str) -> Step {
    Step::Click {
        name: name.into(),
        within: None,
    }
}

fn next(stage: StageId, text: impl Into<String>) -> Next {
    Next {
        stage: Some(stage),
        text: text.into(),
        steps: Vec::new(),
        action: None,
        link: None,
    }
}

impl Next {
    fn steps(mut self, steps: Vec<Step>) -> Next {
        self.steps = steps;
        self
    }
    fn action(mut self, action: Action) -> Next {
        self.action = Some(action);
        self
    }
    fn link_of(mut self, stage: &Stage) -> Next {
        self.link = stage.link.clone();
        self
    }
}

/// Saving a form IMS Link just filled in this tab.
fn save_filled(f: &Facts, form: FormKind, stages: &[Stage]) -> Option<Next> {
    if let Some(origin) = &f.consent_here {
        let stage = if form == FormKind::ImsWizard {
            StageId::AemIms
        } else {
            StageId::AemTarget
        };
        return Some(
            next(
                stage,
                format!(
                    "IMS Link filled the other fields but has not sent the client secret yet: allow {origin} to receive it, only if it is your AEM author."
                ),
            )
            .action(Action::AllowSecrets),
        );
    }
    let target_done = stages
        .iter()
        .any(|s| s.id == StageId::AemTarget && s.status == Status::Done);
    match form {
        FormKind::ImsWizard => Some(
            next(
                StageId::AemIms,
                "Check the values, then click \u{201c}Next\u{201d} and \u{201c}Create\u{201d} to save the IMS configuration.",
            )
            .steps(vec![click("Next"), click("Create")]),
        ),
        FormKind::TargetClassic if !target_done => Some(
            next(
                StageId::AemTarget,
                "Check the values, click \u{201c}OK\u{201d} to save them, then connect to Target.",
            )
            .steps(vec![click("OK")])
            .action(if f.ims.is_some_and(|c| c.ok) { Action::CheckTarget } else { Action::CheckIms }),
        ),
        FormKind::TargetCloud if !target_done => Some(
            next(
                StageId::AemTarget,
                "Check the values, click \u{201c}Save & Close\u{201d}, then connect to Target.",
            )
            .steps(vec![click("Save & Close")])
            .action(if f.ims.is_some_and(|c| c.ok) { Action::CheckTarget } else { Action::CheckIms }),
        ),
        _ => None,
    }
}

/// A client id or secret a page showed, waiting for the admin's yes. On the credential page
/// the secret is retrieved first, so that one yes takes both.
fn accept_captured(f: &Facts, page: &Page) -> Option<Next> {
    let a = f.awaiting?;
    let on_credential = page.kind == PageKind::ConsoleCredential;
    if on_credential && !a.client_secret && f.missing_console_values().contains(&"Client secret") {
        return None;
    }
    let what = match (a.client_id, a.client_secret) {
        (true, true) => "a Client ID and client secret",
        (true, false) => "a Client ID",
        _ => "a client secret",
    };
    Some(
        next(
            StageId::Console,
            format!(
                "IMS Link read {what} from {}: if that is your credential's page, accept them into the profile.",
                a.page
            ),
        )
        .action(Action::AcceptCaptured),
    )
}

fn console_next(f: &Facts, page: &Page, stage: &Stage) -> Next {
    let missing = f.missing_console_values();
    let jwt = f.auth == Some(AuthType::Jwt);
    if jwt && missing.contains(&"key pair") {
        return next(
            StageId::Console,
            "Generate a key pair; then upload its certificate_pub.crt to the credential with \u{201c}Upload public key\u{201d}.",
        )
        .action(Action::GenerateKeyPair);
    }
    let on_credential = page.kind == PageKind::ConsoleCredential;
    if let Some(n) = accept_captured(f, page) {
        return n;
    }
    if on_credential && missing.contains(&"Client secret") {
        return next(
            StageId::Console,
            "Click \u{201c}Retrieve client secret\u{201d} on this page: IMS Link reads the secret once it is shown.",
        )
        .steps(vec![click("Retrieve client secret")]);
    }
    if on_credential && missing.contains(&"JWT payload") {
        return next(
            StageId::Console,
            "Open the \u{201c}Generate JWT\u{201d} tab: IMS Link reads the JWT payload there.",
        )
        .steps(vec![click("Generate JWT")]);
    }
    if on_credential && missing.is_empty() && jwt && f.ims.is_none() {
        return next(
            StageId::Console,
            "On the \u{201c}Credential details\u{201d} tab, upload certificate_pub.crt (from this popup) with \u{201c}Upload public key\u{201d}, then check IMS.",
        )
        .steps(vec![click("Credential details"), click("Upload public key")])
        .action(Action::CheckIms);
    }
    // A problem: once nothing is missing, IMS itself judges (a pass outweighs a finding).
    if missing.is_empty() || (stage.status == Status::Problem && f.ims.is_some()) {
        let text = if stage.status == Status::Problem {
            stage.detail.as_str()
        } else {
            "Check that IMS accepts the credential."
        };
        return next(StageId::Console, text).action(Action::CheckIms);
    }
    if page.kind == PageKind::Console {
        return next(
            StageId::Console,
            "Open your project, then its credential (OAuth Server-to-Server, or Service Account (JWT)).",
        );
    }
    next(StageId::Console, stage.detail.clone()).link_of(stage)
}

fn aem_ims_next(page: &Page, stage: &Stage) -> Next {
    match page.kind {
        PageKind::AemImsWizard => {
            next(StageId::AemIms, "Fill this wizard with the profile's values.").action(Action::FillForm)
        }
        PageKind::AemImsConsole => next(
            StageId::AemIms,
            "Click \u{201c}Create\u{201d}, then open IMS Link again on the wizard.",
        )
        .steps(vec![click("Create")]),
        _ => next(StageId::AemIms, stage.detail.clone()).link_of(stage),
    }
}

fn aem_target_next(f: &Facts, page: &Page, stage: &Stage) -> Next {
    if stage.status == Status::Problem {
        return next(StageId::AemTarget, stage.detail.clone()).action(Action::CheckTarget);
    }
    let title = format!("Adobe Target ({})", f.tenant.unwrap_or("tenant"));
    match page.kind {
        PageKind::AemTargetClassic | PageKind::AemTargetCloud => {
            next(StageId::AemTarget, "Fill this form with the profile's values.").action(Action::FillForm)
        }
        PageKind::AemCloudServices => next(
            StageId::AemTarget,
            format!(
                "Under Adobe Target, click \u{201c}Configure now\u{201d}, give it a title such as \u{201c}{title}\u{201d}, \
                 click \u{201c}Create\u{201d}, then open IMS Link again on the new configuration."
            ),
        )
        .steps(vec![
            Step::Click {
                name: "Configure now".into(),
                within: Some("Adobe Target".into()),
            },
            Step::Enter {
                label: "Title".into(),
                value: title,
            },
            click("Create"),
        ]),
        PageKind::AemTargetConsole if page.in_conf_folder => next(
            StageId::AemTarget,
            "Click \u{201c}Create\u{201d}, then open IMS Link again on the new configuration.",
        )
        .steps(vec![click("Create")]),
        PageKind::AemTargetConsole => next(
            StageId::AemTarget,
            "Open your site's configuration folder, then click \u{201c}Create\u{201d}.",
        ),
        _ if f.target_filled_on.is_some() => next(StageId::AemTarget, stage.detail.clone()).action(Action::CheckTarget),
        _ => next(StageId::AemTarget, stage.detail.clone()).link_of(stage),
    }
}

/// The next step for this tab.
pub fn next_step(f: &Facts, page: &Page, stages: &[Stage]) -> Next {
    if let Some(form) = f.filled_here.filter(|form| page.kind.form() == Some(*form)) {
        if let Some(n) = save_filled(f, form, stages) {
            return n;
        }
    }
    // On the Console, a credential the page showed is the question of the moment, whatever
    // stage comes first.
    if matches!(page.kind, PageKind::Console | PageKind::ConsoleCredential) {
        if let Some(n) = accept_captured(f, page) {
            return n;
        }
    }
    let Some(stage) = stages.iter().find(|s| s.status != Status::Done) else {
        return Next {
            stage: None,
            text: "All four stages are done: AEM reaches Adobe Target through IMS.".into(),
            steps: Vec::new(),
            action: None,
            link: None,
        };
    };
    match stage.id {
        StageId::Target => next(StageId::Target, stage.detail.clone()).link_of(stage),
        StageId::Console => console_next(f, page, stage),
        StageId::AemIms => aem_ims_next(page, stage),
        StageId::AemTarget => aem_target_next(f, page, stage),
    }
}

/// The popup button that fits this page, whatever the next step is.
pub fn page_action(f: &Facts, page: &Page) -> Option<Action> {
    match page.kind {
        PageKind::Target if page.tenant.is_some() => Some(Action::CopyTenant),
        PageKind::AemImsWizard | PageKind::AemTargetClassic | PageKind::AemTargetCloud => Some(Action::FillForm),
        PageKind::ConsoleCredential if f.auth == Some(AuthType::Jwt) && !f.has_key_pair => {
            Some(Action::GenerateKeyPair)
        }
        _ => None,
    }
}

/// The Fill button's text on this page: the host it would fill, on AEM's forms (and the IMS
/// console, whose fill opens the wizard); plain where the browser hides the address (the
/// click then asks for site access); none elsewhere, where there is nothing to fill.
pub fn fill_label(page: &Page) -> Option<String> {
    match page.kind {
        PageKind::AemImsWizard | PageKind::AemTargetClassic | PageKind::AemTargetCloud | PageKind::AemImsConsole => {
            let host = page
                .aem_origin
                .as_deref()
                .and_then(|o| o.split_once("://"))
                .map(|(_, h)| h);
            Some(host.map_or_else(|| "Fill this form".to_string(), |h| format!("Fill this form on {h}")))
        }
        PageKind::Unreadable => Some("Fill this form".into()),
        _ => None,
    }
}

/// One sentence about the tab.
pub fn here(page: &Page) -> String {
    let on = page.aem_origin.as_deref().unwrap_or("this AEM");
    match page.kind {
        PageKind::Target => format!("Adobe Target, tenant {}.", page.tenant.as_deref().unwrap_or("?")),
        PageKind::ExperienceCloud => "Adobe Experience Cloud, outside Target.".into(),
        PageKind::ConsoleCredential => "A Developer Console credential: IMS Link reads its values.".into(),
        PageKind::Console => "The Adobe Developer Console.".into(),
        PageKind::AemImsConsole => format!("AEM's Adobe IMS Configurations on {on}."),
        PageKind::AemImsWizard => format!("AEM's IMS configuration wizard on {on}."),
        PageKind::AemCloudServices => format!("AEM's Legacy Cloud Services on {on}."),
        PageKind::AemTargetConsole => format!("AEM's Adobe Target configurations on {on}."),
        PageKind::AemTargetClassic | PageKind::AemTargetCloud => format!("An AEM Target configuration on {on}."),
        PageKind::Aem => format!("An AEM page on {on}."),
        PageKind::Other => "IMS Link has nothing to read or fill on this page.".into(),
        PageKind::Unreadable => {
            "IMS Link cannot see this page: it reads Adobe pages, and an AEM page once you click its icon there.".into()
        }
    }
}
