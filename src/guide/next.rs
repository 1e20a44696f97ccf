//! The one next step, fitted to the tab: on the right page it is a click or a popup button;
//! elsewhere it is a link to the right page.

use super::page::{Page, PageKind};
use super::stages::Facts;
use super::{Action, Next, Stage, StageId, Status, Step};
use crate::fill::FormKind;
use crate::gather::Gather;
use crate::profile::AuthType;
use crate::text::{join, Search};

pub(super) fn click(name: &str) -> Step {
    Step::Click {
        name: name.into(),
        within: None,
    }
}

/// AEM's action `name` ("Check Health", "Properties") on the configuration titled `title` in its
/// IMS console: where the configuration's row carries the button, that one; else, as AEM's
/// documentation has it, select the configuration, then the toolbar's button.
fn on_config(f: &Facts, title: Option<&str>, name: &str) -> Vec<Step> {
    let Some(title) = title else {
        return vec![click(name)];
    };
    let row_buttons = f
        .configs
        .is_some_and(|configs| configs.iter().any(|c| c.title == title && c.row_buttons));
    if row_buttons {
        vec![Step::Click {
            name: name.into(),
            within: Some(title.into()),
        }]
    } else {
        vec![Step::Select { name: title.into() }, click(name)]
    }
}

pub(super) fn next(stage: StageId, text: impl Into<String>) -> Next {
    Next {
        stage: Some(stage),
        text: text.into(),
        steps: Vec::new(),
        action: None,
        link: None,
        watch_aem: false,
        runs: None,
    }
}

impl Next {
    /// The step ends with AEM's answer on this page, which IMS Link reads by itself
    /// (`Next::watch_aem`); the toolbar popup also offers its "Read AEM's result" button, as it
    /// closes when the admin clicks the page, the side panel none.
    pub(super) fn read_aem(mut self, f: &Facts) -> Next {
        self.watch_aem = true;
        self.action = (!f.panel).then_some(Action::ReadAemResult);
        self
    }
    pub(super) fn steps(mut self, steps: Vec<Step>) -> Next {
        self.steps = steps;
        self
    }
    pub(super) fn action(mut self, action: Action) -> Next {
        self.action = Some(action);
        self
    }
    pub(super) fn link(mut self, link: Option<super::Link>) -> Next {
        self.link = link;
        self
    }
    /// In the side panel IMS Link does these page steps itself (AEM's own check, which saves
    /// nothing), once for `key`, with `text` for what it does; after it could not, they are the
    /// admin's again, with why.
    fn by_itself(mut self, f: &Facts, key: String, text: String) -> Next {
        if !f.panel {
            return self;
        }
        match f.page_run.filter(|r| r.key == key).and_then(|r| r.stuck.as_deref()) {
            Some(stuck) => {
                self.text = format!(
                    "IMS Link could not {stuck} on this page: do these steps yourself. {}",
                    self.text
                );
            }
            None => {
                self.runs = Some(key);
                self.text = text;
            }
        }
        self
    }
    fn link_of(mut self, stage: &Stage) -> Next {
        self.link = stage.link.clone();
        self
    }
}

/// "Do this; AEM's verdict is read when it answers", in the words of the surface: the side panel
/// reads it by itself, the popup on its button.
fn when_aem_answers(f: &Facts, first: &str) -> String {
    if f.panel {
        format!("{first}: IMS Link reads its verdict as soon as AEM shows it.")
    } else {
        format!("{first}; when it answers, let IMS Link read its verdict.")
    }
}

/// "Do this; IMS Link fills what it opens", in the words of the surface: the side panel follows
/// the tab, the popup closes with the click and is opened again there.
fn then_fills(f: &Facts, first: &str, what: &str) -> String {
    if f.panel {
        format!("{first}: IMS Link follows you there and fills it.")
    } else {
        format!("{first}, then open IMS Link again on {what}.")
    }
}

/// The name of AEM's Connect button on a Target form: on AEM as a Cloud Service, a saved
/// configuration's Properties say "Re-connect to Adobe Target" (Adobe's docs, editing).
fn connect_label(f: &Facts, form: FormKind) -> &'static str {
    if form == FormKind::TargetClassic {
        "Connect to Adobe Target"
    } else if f.target_folder_here().is_some_and(|t| !t.titles.is_empty()) {
        "Re-connect to Adobe Target"
    } else {
        "Connect"
    }
}

/// The name of the button that saves a Target form.
fn save_label(form: FormKind, page: &Page) -> &'static str {
    if form == FormKind::TargetClassic {
        "OK"
    } else if page.target_create {
        "Save"
    } else {
        "Save & Close"
    }
}

/// The stage a fill of `form` advances.
fn stage_of(form: FormKind) -> StageId {
    if matches!(form, FormKind::ImsWizard | FormKind::Keystore) {
        StageId::AemIms
    } else {
        StageId::AemTarget
    }
}

/// The form this tab shows and IMS Link filled in it, if any.
fn filled_form_here(f: &Facts, page: &Page) -> Option<FormKind> {
    f.filled_here.filter(|form| page.kind.form() == Some(*form))
}

/// The choices the next step asks for: those of this page's fill, while any is open. The
/// popup draws them inside the next-step box, each with "Use IMS Link's" and "Keep mine".
pub fn open_choices(f: &Facts, page: &Page) -> Vec<super::Choice> {
    match filled_form_here(f, page) {
        Some(_) => f.choices_here.to_vec(),
        None => Vec::new(),
    }
}

/// Saving a form IMS Link just filled in this tab.
fn save_filled(f: &Facts, form: FormKind, on_properties: bool, stages: &[Stage]) -> Option<Next> {
    // A field holding another value first: saving before the choice would keep a value
    // nobody chose (the admin's typo, or IMS Link's over the admin's).
    if !f.choices_here.is_empty() {
        let n = f.choices_here.len();
        return Some(next(
            stage_of(form),
            if n == 1 {
                "IMS Link filled the other fields; this one holds another value than the profile's. Choose which stays, then save the form.".to_string()
            } else {
                format!("IMS Link filled the other fields; these {n} hold other values than the profile's. Choose which stays in each, then save the form.")
            },
        ));
    }
    if let Some(origin) = &f.consent_here {
        let stage = stage_of(form);
        return Some(
            next(
                stage,
                format!(
                    "IMS Link filled the other fields but has not sent the {} yet: allow {origin} to receive it, only if it is your AEM author.",
                    if form == FormKind::Keystore { "private key" } else { "client secret" }
                ),
            )
            .action(Action::AllowSecrets),
        );
    }
    let target_done = stages
        .iter()
        .any(|s| s.id == StageId::AemTarget && s.status == Status::Done);
    match form {
        FormKind::ImsWizard if on_properties => Some(
            next(
                StageId::AemIms,
                "Check the values (Authentication Type OAuth, the title kept), then save; run Check Health on it afterwards.",
            )
            .steps(vec![click("Save & Close")]),
        ),
        // AEM 6.5 before SP20 shows a wizard (Certificate, then Account: Next); the Create
        // page of AEM as a Cloud Service and 6.5 SP20+ is one page with Create alone
        // (tests/fake-cloud/PAGES.md, V).
        FormKind::ImsWizard => Some(
            next(
                StageId::AemIms,
                "Check the values, then save the IMS configuration.",
            )
            .steps(if f.hidden_step_here {
                vec![click("Next"), click("Create")]
            } else {
                vec![click("Create")]
            }),
        ),
        // Connect first (6.5 keeps OK disabled until it succeeds), then save: AEM's own Connect
        // is the verdict, read from the page before it is saved away.
        FormKind::TargetClassic | FormKind::TargetCloud if !target_done && !f.connect_read_here() => {
            let connect = connect_label(f, form);
            Some(
                next(StageId::AemTarget, when_aem_answers(f, "Check the values and let AEM connect"))
                    .steps(vec![click(connect)])
                    .read_aem(f)
                    .by_itself(
                        f,
                        format!("connect {}", f.url.unwrap_or_default()),
                        format!("IMS Link clicks AEM's own \u{201c}{connect}\u{201d} and reads its verdict as soon as AEM shows it; check the values meanwhile."),
                    ),
            )
        }
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
                "IMS Link read {what} from the page below: if it is your credential's page, accept them into the profile."
            ),
        )
        .action(Action::AcceptCaptured),
    )
}

/// Another credential than the profile's: one decision for all its values together.
fn switch_credential(f: &Facts) -> Option<Next> {
    // The two credentials are named once, in the box the popup draws under this text.
    f.switch?;
    Some(
        next(
            StageId::Console,
            "IMS Link read another credential than the profile's. Switch to it (all its values replace the profile's) or keep the current one.",
        )
        .action(Action::SwitchCredential),
    )
}

fn console_next(f: &Facts, page: &Page, stage: &Stage) -> Next {
    let missing = f.missing_console_values();
    let jwt = f.auth == Some(AuthType::Jwt);
    // A client id or secret read from a page waits for the admin's yes before anything else.
    if let Some(n) = accept_captured(f, page).or_else(|| switch_credential(f)) {
        return n;
    }
    // IMS Link's own check is on its way: nothing to click, and where the secret went is said.
    if f.ims_running && missing.is_empty() {
        let host = crate::ims::check::ims_host(f.profile.authorization_server.as_ref().map(|a| a.value.as_str()))
            .unwrap_or_else(|| "Adobe IMS".into());
        return next(
            StageId::Console,
            format!(
                "IMS Link is checking the credential with IMS by itself: it sent {}. Its answer shows here.",
                crate::ims::check::sent(f.auth, &host)
            ),
        );
    }
    // A JWT key pair: which route (AEM's certificate, or IMS Link's key pair) and its steps.
    if let Some(n) = super::jwt_aem_certificate::console_next(f, page, stage, &missing) {
        return n;
    }
    let on_credential = page.kind == PageKind::ConsoleCredential;
    if on_credential && missing.contains(&"Client secret") {
        return next(
            StageId::Console,
            "IMS Link reads the client secret once the page shows it.",
        )
        .steps(vec![click("Retrieve client secret")]);
    }
    if on_credential && missing.contains(&"JWT payload") {
        return next(
            StageId::Console,
            "IMS Link reads the JWT payload from the credential's JWT tab.",
        )
        .steps(vec![click("Generate JWT")]);
    }
    if on_credential && missing.is_empty() && jwt && f.ims.is_none() {
        let steps = vec![click("Credential details"), click("Upload public key")];
        // Where the page lists the credential's certificates, IMS Link sees the upload and asks
        // IMS by itself (`session::auto_check`); elsewhere the admin asks.
        if f.credential_certs.is_some() && f.has_key_pair {
            return next(
                StageId::Console,
                "IMS checks the JWT against the credential's certificates: upload certificate_pub.crt (from this popup); once the page lists it, IMS Link asks IMS by itself.",
            )
            .steps(steps);
        }
        return next(
            StageId::Console,
            "IMS checks the JWT against the credential's certificates: upload certificate_pub.crt (from this popup), then check IMS.",
        )
        .steps(steps)
        .action(Action::CheckIms);
    }
    // A problem: once nothing is missing, IMS itself judges (a pass outweighs a finding).
    if missing.is_empty() || (stage.status == Status::Problem && f.ims.is_some()) {
        let text = if stage.status == Status::Problem {
            stage.todo.as_str()
        } else {
            "Check that IMS accepts the credential."
        };
        // A refused credential is fixed on its own page, which the profile may know.
        let link = (stage.status == Status::Problem).then(|| super::stages::console_link(f));
        return next(StageId::Console, text).action(Action::CheckIms).link(link);
    }
    if page.kind == PageKind::Console {
        return next(
            StageId::Console,
            "Open your project, then its credential (OAuth Server-to-Server, or Service Account (JWT)).",
        );
    }
    next(StageId::Console, stage.todo.clone()).link_of(stage)
}

fn aem_ims_next(f: &Facts, page: &Page, stage: &Stage) -> Next {
    if let Some(n) = super::jwt_aem_certificate::aem_ims_next(f, page) {
        return n;
    }
    // JWT with IMS Link's key pair on AEM 6.5: its private key goes into AEM's keystore first.
    if let Some(n) = super::jwt_keystore::next_step(f, page) {
        return n;
    }
    match page.kind {
        PageKind::AemImsWizard => {
            next(StageId::AemIms, "Fill this wizard with the profile's values.").action(Action::FillForm)
        }
        // After IMS Link filled a configuration (or when AEM's check failed): AEM's own verdict.
        PageKind::AemImsConsole if f.ims_filled_on.is_some() || stage.status == Status::Problem => {
            let name = f.ims_title.unwrap_or("your configuration");
            let text = if stage.status == Status::Problem {
                // Said once: a diagnosis may already end with it.
                if stage.todo.contains_text("Check Health again") {
                    stage.todo.clone()
                } else {
                    format!("{} Then run Check Health again.", stage.todo).trim().to_string()
                }
            } else {
                when_aem_answers(f, &format!("Let AEM check \u{201c}{name}\u{201d} itself"))
            };
            let mut steps = on_config(f, f.ims_title, "Check Health");
            steps.push(click("Check"));
            let n = next(StageId::AemIms, text).steps(steps).read_aem(f);
            // Once AEM lists the configuration IMS Link filled, IMS Link runs its Check Health.
            let listed = f
                .configs
                .is_some_and(|configs| f.ims_title.is_some_and(|t| configs.iter().any(|c| c.title == t)));
            if stage.status == Status::Problem || !listed {
                return n;
            }
            n.by_itself(
                f,
                format!("check-health {name}"),
                format!("IMS Link runs AEM's own Check Health on \u{201c}{name}\u{201d} and reads its verdict as soon as AEM shows it."),
            )
        }
        PageKind::AemImsProperties => next(
            StageId::AemIms,
            "Switch this configuration to OAuth Server-to-Server with the profile's values; its title stays. The profile comes from the same Console credential: Adobe's conversion kept its client ID.",
        )
        .action(Action::FillForm),
        // JWT configurations must be migrated, not duplicated: read AEM's list first.
        PageKind::AemImsConsole if f.configs.is_none() => next(
            StageId::AemIms,
            format!(
                "{} AEM's IMS configurations: JWT ones are deprecated and are migrated to OAuth Server-to-Server rather than created anew.",
                if f.panel { "IMS Link reads" } else { "Let IMS Link read" }
            ),
        )
        .read_aem(f),
        PageKind::AemImsConsole if f.to_migrate().is_some() => {
            let title = f.to_migrate().map(|c| c.title.clone()).unwrap_or_default();
            let leave: Vec<String> = f
                .configs
                .unwrap_or_default()
                .iter()
                .filter(|c| c.auto_provisioned)
                .map(|c| format!("\u{201c}{}\u{201d}", c.title))
                .gather();
            let leave = if leave.is_empty() {
                String::new()
            } else {
                format!(" Leave {}: auto-provisioned, Adobe migrates these.", join(&leave, ", "))
            };
            next(
                StageId::AemIms,
                format!(
                    "Migrate \u{201c}{title}\u{201d} to OAuth Server-to-Server in its Properties; IMS Link fills them.{leave}"
                ),
            )
            .steps(on_config(f, Some(&title), "Properties"))
        }
        // AEM's cards do not name the cloud solution: a JWT configuration titled otherwise may
        // still be Target's. Its Properties say (IMS Link fills nothing of another solution's).
        PageKind::AemImsConsole if !f.unmarked_jwt().is_empty() => {
            let titles = f.unmarked_jwt();
            let named: Vec<String> = titles.iter().map(|t| format!("\u{201c}{t}\u{201d}")).gather();
            let (which, steps) = match titles.as_slice() {
                [one] => (
                    format!("AEM lists the JWT configuration {}, and its card does not say which cloud solution it serves. If Adobe Target uses it, migrate it in its Properties", join(&named, "")),
                    on_config(f, Some(one), "Properties"),
                ),
                _ => (
                    format!("AEM lists the JWT configurations {}, and their cards do not say which cloud solution each serves. Open the Properties of the one Adobe Target uses and migrate it", join(&named, ", ")),
                    Vec::new(),
                ),
            };
            next(
                StageId::AemIms,
                format!("{which}: IMS Link fills them, and fills nothing if they name another solution. If none is Target's, click Create instead."),
            )
            .steps(steps)
        }
        PageKind::AemImsConsole => next(
            StageId::AemIms,
            then_fills(f, "Create an IMS configuration", "the wizard"),
        )
        .steps(vec![click("Create")]),
        _ => next(StageId::AemIms, stage.todo.clone()).link_of(stage),
    }
}

fn aem_target_next(f: &Facts, page: &Page, stage: &Stage) -> Next {
    if stage.status == Status::Problem {
        // AEM's Connect failed: fix, then connect again on the form; IMS Link's own check failed: run it again.
        if f.connect.is_some() {
            return match page.kind.form() {
                Some(form @ (FormKind::TargetClassic | FormKind::TargetCloud)) => next(
                    StageId::AemTarget,
                    format!("{} Then let AEM connect again.", stage.todo).trim().to_string(),
                )
                .steps(vec![click(connect_label(f, form))])
                .read_aem(f),
                _ => next(StageId::AemTarget, stage.todo.clone()).link_of(stage),
            };
        }
        return next(StageId::AemTarget, stage.todo.clone()).action(Action::CheckTarget);
    }
    let title = format!("Adobe Target ({})", f.tenant.unwrap_or("tenant"));
    match page.kind {
        PageKind::AemTargetClassic | PageKind::AemTargetCloud => {
            next(StageId::AemTarget, "Fill this form with the profile's values.").action(Action::FillForm)
        }
        PageKind::AemCloudServices => next(StageId::AemTarget, then_fills(f, "Create a Target configuration", "it"))
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
        // A site has one Target configuration: an existing one is opened, not created again.
        PageKind::AemTargetConsole if page.in_conf_folder => match f.target_folder_here() {
            None => next(
                StageId::AemTarget,
                format!(
                    "{} this folder's Target configuration: a site has one, which is edited rather than created anew.",
                    if f.panel { "IMS Link reads" } else { "Let IMS Link read" }
                ),
            )
            .read_aem(f),
            Some(folder) => match folder.titles.first() {
                Some(title) => next(
                    StageId::AemTarget,
                    then_fills(
                        f,
                        &format!("Open the Properties of \u{201c}{title}\u{201d}, this site's Target configuration"),
                        "them",
                    ),
                )
                .steps(vec![Step::Select { name: title.clone() }, click("Properties")]),
                None => next(
                    StageId::AemTarget,
                    then_fills(f, "Create a Target configuration here", "it"),
                )
                .steps(vec![click("Create")]),
            },
        },
        PageKind::AemTargetConsole => next(
            StageId::AemTarget,
            "Open your site's configuration folder: IMS Link reads whether it has its Target configuration.",
        ),
        _ => next(StageId::AemTarget, stage.todo.clone()).link_of(stage),
    }
}

/// The next step for this tab.
pub fn next_step(f: &Facts, page: &Page, stages: &[Stage]) -> Next {
    if let Some(form) = filled_form_here(f, page) {
        if let Some(n) = save_filled(f, form, page.kind == PageKind::AemImsProperties, stages) {
            return n;
        }
    }
    // On the Console, a credential the page showed is the question of the moment, whatever
    // stage comes first.
    if matches!(page.kind, PageKind::Console | PageKind::ConsoleCredential) {
        if let Some(n) = accept_captured(f, page) {
            return n;
        }
        if let Some(n) = switch_credential(f) {
            return n;
        }
    }
    let Some(stage) = stages.iter().find(|s| s.status != Status::Done) else {
        return all_done(f, page);
    };
    match stage.id {
        StageId::Target => next(StageId::Target, stage.todo.clone()).link_of(stage),
        StageId::Console => console_next(f, page, stage),
        StageId::AemIms => aem_ims_next(f, page, stage),
        StageId::AemTarget => aem_target_next(f, page, stage),
    }
}

/// The last message: what was proven, by whom; on the form AEM just connected, save it.
fn all_done(f: &Facts, page: &Page) -> Next {
    let mut text = "All four stages are done. Adobe Target gave the tenant; Adobe IMS accepted the credential \
                    (IMS Link's check); AEM's own Check Health got a token from IMS; AEM's own Connect reached Target."
        .to_string();
    let mut steps = Vec::new();
    if let Some(form) = page.kind.form().filter(|_| f.connect_read_here()) {
        text.push_str(" Save the Target configuration:");
        // 6.5's "Connection successful" box has an OK of its own, in front of the dialog's.
        if form == FormKind::TargetClassic {
            steps.push(Step::Click {
                name: "OK".into(),
                within: Some("Connection successful".into()),
            });
        }
        steps.push(click(save_label(form, page)));
    }
    Next {
        stage: None,
        text,
        steps,
        action: None,
        link: None,
        watch_aem: false,
        runs: None,
    }
}

/// The popup button that fits this page, whatever the next step is.
pub fn page_action(f: &Facts, page: &Page) -> Option<Action> {
    match page.kind {
        PageKind::Target if page.tenant.is_some() => Some(Action::CopyTenant),
        PageKind::AemImsWizard
        | PageKind::AemImsProperties
        | PageKind::AemTargetClassic
        | PageKind::AemTargetCloud
        | PageKind::AemKeystore => Some(Action::FillForm),
        PageKind::ConsoleCredential
            if f.auth == Some(AuthType::Jwt) && !f.has_key_pair && !super::jwt_aem_certificate::applies(f) =>
        {
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
        PageKind::AemImsWizard
        | PageKind::AemImsProperties
        | PageKind::AemTargetClassic
        | PageKind::AemTargetCloud
        | PageKind::AemKeystore
        | PageKind::AemImsConsole => {
            let host = page
                .aem_origin
                .as_deref()
                .and_then(|o| o.split_once_text("://"))
                .map(|(_, h)| h);
            Some(host.map_or_else(|| "Fill this form".to_string(), |h| format!("Fill this form on {h}")))
        }
        PageKind::Unreadable => Some("Fill this form".into()),
        _ => None,
    }
}

/// One sentence about the tab; on AEM's IMS console, its configurations with their types.
pub fn here_with_configs(f: &Facts, page: &Page) -> String {
    let here = here(page);
    match f
        .configs
        .filter(|c| page.kind == PageKind::AemImsConsole && !c.is_empty())
    {
        Some(configs) => {
            let list: Vec<String> = configs
                .iter()
                .map(|c| format!("\u{201c}{}\u{201d} ({})", c.title, c.advice()))
                .gather();
            format!("{here} AEM lists: {}.", join(&list, "; "))
        }
        None => here,
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
        PageKind::AemImsProperties => format!("An IMS configuration's Properties on {on}."),
        PageKind::AemCloudServices => format!("AEM's Legacy Cloud Services on {on}."),
        PageKind::AemTargetConsole => format!("AEM's Adobe Target configurations on {on}."),
        PageKind::AemTargetClassic | PageKind::AemTargetCloud => format!("An AEM Target configuration on {on}."),
        PageKind::AemKeystore => format!("AEM's keystore of authentication-service on {on}."),
        PageKind::Aem => format!("An AEM page on {on}."),
        PageKind::Other => "IMS Link has nothing to read or fill on this page.".into(),
        PageKind::Unreadable => {
            "IMS Link cannot see this page: it reads Adobe pages, and an AEM page once you click its icon there.".into()
        }
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod watch_tests;
