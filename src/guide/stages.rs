//! Where each of the four stages stands, from the profile, the key pair, the checks and the
//! forms filled.

use super::page::{aem_origin_of_permission, is_cloud_service, Page, CLOUD_SERVICES_PATH, TARGET_CONSOLE_PATH};
use super::{AwaitingSeen, CheckSeen, DiagnosisSeen, GuideInput, Link, Progress, Stage, StageId, Status, VerdictSeen};
use crate::fill::detect::{IMS_CONSOLE_PATH, IMS_WIZARD_PATH};
use crate::fill::FormKind;
use crate::gather::Gather;
use crate::profile::diagnose::{diagnose, Finding, Severity};
use crate::profile::{AuthType, Field, Profile};
use crate::text::{join, Search};

/// Target's Administration > Implementation without an organization: the shell adds the
/// admin's own (`#/@<org>/…`). Whether it keeps this route or lands on the organization's
/// default one (Activities) is a guess (tests/fake-cloud/PAGES.md); on Activities the guide
/// links to the Implementation page with the tenant, as before.
pub const TARGET_IMPLEMENTATION: &str = "https://experience.adobe.com/#/target/setup/implementation";
pub const CONSOLE_PROJECTS: &str = "https://developer.adobe.com/console/projects";

/// What the stages are decided from, read once.
pub struct Facts<'a> {
    pub profile: &'a Profile,
    pub tenant: Option<&'a str>,
    pub client_code: Option<&'a str>,
    pub auth: Option<AuthType>,
    pub has_key_pair: bool,
    pub errors: Vec<Finding>,
    pub ims: Option<&'a CheckSeen>,
    /// IMS Link asked IMS by itself for these values and waits for the answer.
    pub ims_running: bool,
    /// The IMS result is the one IMS Link asked for by itself.
    pub ims_by_itself: bool,
    pub target: Option<&'a CheckSeen>,
    /// The AEM author to send the admin to: this tab's, else the one the admin gave, else the
    /// last filled, else one allowed.
    pub aem: Option<String>,
    pub ims_filled_on: Option<&'a str>,
    pub target_filled_on: Option<&'a str>,
    pub filled_here: Option<FormKind>,
    /// The fields this page's fill found holding another value, waiting for the admin's choice.
    pub choices_here: &'a [super::Choice],
    /// The origin a fill on this page waits on the admin's yes for (secrets held back).
    pub consent_here: Option<String>,
    /// Whether the form this page's fill filled is a wizard with a step not shown (Next
    /// before Create); a one-page Create form has none.
    pub hidden_step_here: bool,
    /// A client id or secret read from a page, waiting for the admin's yes.
    pub awaiting: Option<&'a AwaitingSeen>,
    /// Another credential than the profile's, waiting for the admin's one decision.
    pub switch: Option<&'a super::SwitchSeen>,
    /// The title of the IMS configuration IMS Link filled.
    pub ims_title: Option<&'a str>,
    /// AEM's Check Health verdict for that configuration (another one's does not count).
    pub health: Option<&'a VerdictSeen>,
    /// AEM's Connect verdict on a Target configuration.
    pub connect: Option<&'a VerdictSeen>,
    /// This tab's address.
    pub url: Option<&'a str>,
    /// AEM's IMS configurations, when its console was read on the AEM in question.
    pub configs: Option<&'a [crate::ims::aem_configs::AemConfig]>,
    /// AEM's own certificate, taken from its wizard (JWT route A).
    pub aem_cert: Option<&'a super::AemCertificateSeen>,
    /// The certificates the profile's credential lists (another credential's list is ignored).
    pub credential_certs: Option<&'a super::CredentialCertificatesSeen>,
    /// Whether AEM's wizard was seen with "Create new certificate" on.
    pub aem_new_certificate: bool,
    /// The time the guide is decided at.
    pub now_ms: u64,
    /// AEM's keystore as its page last showed it (`jwt_keystore`).
    pub keystore: Option<&'a super::KeystoreSeen>,
    /// The alias IMS Link proposes for its key pair there.
    pub keystore_alias: Option<&'a str>,
    /// Whether the guide is for the side panel, which reads AEM's answers by itself.
    pub panel: bool,
    /// The page steps IMS Link last did itself.
    pub page_run: Option<&'a super::PageRun>,
    /// The `/conf` folder's Target configurations, when its console was read on this AEM.
    pub target_folder: Option<&'a crate::ims::target_folder::TargetFolder>,
    /// The configuration folders this AEM's Target console lists, when it was read.
    pub folders: Option<&'a crate::ims::target_folder::ConfFolders>,
}

fn value(field: &Option<crate::profile::Sourced<String>>) -> Option<&str> {
    field
        .as_ref()
        .map(|s| s.value.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// The credential's kind: the profile's, else what its values imply.
pub fn auth_of(p: &Profile) -> Option<AuthType> {
    let has_scopes = p.scopes.as_ref().is_some_and(|s| !s.value.is_empty());
    p.auth_type.as_ref().map(|a| a.value).or_else(|| {
        if value(&p.payload).is_some() {
            Some(AuthType::Jwt)
        } else if has_scopes {
            Some(AuthType::Oauth)
        } else {
            None
        }
    })
}

/// The credential's values still missing for its kind (`key_pair`: a JWT's key is there).
pub fn missing_values(p: &Profile, key_pair: bool) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if value(&p.client_id).is_none() {
        missing.push("Client ID");
    }
    if value(&p.client_secret).is_none() {
        missing.push("Client secret");
    }
    match auth_of(p) {
        Some(AuthType::Jwt) => {
            if value(&p.payload).is_none() {
                missing.push("JWT payload");
            }
            if !key_pair {
                missing.push("key pair");
            }
        }
        Some(AuthType::Oauth) | None => {
            if value(&p.org_id).is_none() {
                missing.push("Organization ID");
            }
            if p.scopes.as_ref().is_none_or(|s| s.value.is_empty()) {
                missing.push("Scopes");
            }
        }
    }
    missing
}

impl<'a> Facts<'a> {
    pub fn new(input: &'a GuideInput, page: &Page, now_ms: u64) -> Facts<'a> {
        let p = &input.profile;
        let auth = auth_of(p);
        let filled_on = |forms: &[FormKind]| {
            input
                .filled
                .iter()
                .rev()
                .find(|f| forms.contains(&f.form))
                .map(|f| f.origin.as_str())
        };
        let aem = page
            .aem_origin
            .clone()
            .or_else(|| input.aem_author.clone())
            .or_else(|| input.filled.last().map(|f| f.origin.clone()))
            .or_else(|| input.granted_origins.iter().find_map(|o| aem_origin_of_permission(o)));
        // A fill belongs to the page it was made on; after Create or Save the page is another one.
        let filled_here = input
            .fill_here
            .as_ref()
            .filter(|f| input.url.as_deref() == Some(f.url.as_str()))
            .map(|f| f.form);
        let choices_here = input
            .fill_here
            .as_ref()
            .filter(|f| input.url.as_deref() == Some(f.url.as_str()))
            .map(|f| f.choices.as_slice())
            .unwrap_or_default();
        let consent_here = input
            .fill_here
            .as_ref()
            .filter(|f| input.url.as_deref() == Some(f.url.as_str()))
            .and_then(|f| f.consent.clone());
        let hidden_step_here = input
            .fill_here
            .as_ref()
            .is_some_and(|f| input.url.as_deref() == Some(f.url.as_str()) && f.hidden_step);
        Facts {
            profile: p,
            tenant: value(&p.tenant),
            client_code: value(&p.client_code),
            auth,
            has_key_pair: input.has_key_pair,
            errors: diagnose(p, now_ms)
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .gather(),
            ims: input.checks.ims.as_ref(),
            ims_running: input.checks.ims_running && input.checks.ims.is_none(),
            ims_by_itself: input.checks.ims_by_itself && input.checks.ims.is_some(),
            target: input.checks.target.as_ref(),
            aem,
            ims_filled_on: filled_on(&[FormKind::ImsWizard]),
            target_filled_on: filled_on(&[FormKind::TargetClassic, FormKind::TargetCloud]),
            filled_here,
            choices_here,
            consent_here,
            hidden_step_here,
            awaiting: input.awaiting.as_ref(),
            switch: input.switch.as_ref(),
            ims_title: input.ims_config_title.as_deref().filter(|t| !t.trim().is_empty()),
            health: input.aem.health.as_ref().filter(|h| {
                // The dialog names the configuration checked; a verdict about another one
                // proves nothing about the one IMS Link filled.
                input
                    .ims_config_title
                    .as_deref()
                    .is_some_and(|t| !t.trim().is_empty() && h.context.contains_text(t.trim()))
            }),
            connect: input.aem.connect.as_ref(),
            url: input.url.as_deref(),
            configs: None,
            aem_cert: input.aem_certificate.as_ref(),
            credential_certs: input.credential_certificates.as_ref().filter(|c| {
                match (c.client_id.as_deref(), value(&p.client_id)) {
                    (Some(listed), Some(ours)) => listed.trim() == ours,
                    _ => true,
                }
            }),
            aem_new_certificate: input.aem_new_certificate.is_some(),
            now_ms,
            keystore: input.aem.keystore.as_ref(),
            keystore_alias: input.keystore_alias.as_deref(),
            panel: input.panel,
            page_run: input.page_run.as_ref(),
            target_folder: None,
            folders: None,
        }
        .with_configs(input)
    }

    fn with_configs(mut self, input: &'a GuideInput) -> Facts<'a> {
        // A list read on another AEM author says nothing about this one.
        let aem = self.aem.as_deref();
        let here = |url: &str| {
            let origin = crate::fill::detect::Address::parse(url).origin;
            aem.is_some_and(|a| a.eq_ignore_ascii_case(&origin))
        };
        self.configs = input
            .aem
            .configs
            .as_ref()
            .filter(|c| here(&c.url))
            .map(|c| c.configs.as_slice());
        self.target_folder = input.aem.target_folder.as_ref().filter(|t| here(&t.url));
        self.folders = input.aem.folders.as_ref().filter(|t| here(&t.url));
        self
    }

    /// The Target configurations of the `/conf` folder this tab shows or edits under, when its
    /// console was read: `Some` with no titles is a folder read empty.
    pub fn target_folder_here(&self) -> Option<&'a crate::ims::target_folder::TargetFolder> {
        let folder = self.target_folder?;
        let conf = crate::ims::target_folder::folder_of(&folder.url)?;
        let here = self.url?.before_any(b"?#").trim_end_chars(&['/']);
        (here.ends_with(conf) || here.contains_text(&format!("{conf}/"))).then_some(folder)
    }

    /// The JWT configuration for Target that the profile's OAuth credential should replace.
    pub fn to_migrate(&self) -> Option<&'a crate::ims::aem_configs::AemConfig> {
        self.configs?.iter().find(|c| c.migrate_with_profile())
    }

    /// JWT configurations AEM lists without saying which cloud solution they serve (its cards
    /// show only the title), when none says Adobe Target: one of them may be Target's.
    pub fn unmarked_jwt(&self) -> Vec<&'a str> {
        let configs = self.configs.unwrap_or_default();
        if configs.iter().any(|c| c.target) {
            return Vec::new();
        }
        configs
            .iter()
            .filter(|c| c.may_be_target())
            .map(|c| c.title.as_str())
            .gather()
    }

    /// Whether AEM's console (read on this AEM) lists the configuration IMS Link filled: the
    /// page shows it saved. A migration keeps the title, so for an OAuth profile the list must
    /// show it as OAuth: still JWT, the Properties were not saved yet.
    pub fn ims_saved(&self) -> bool {
        let Some(title) = self.ims_title.map(str::trim) else {
            return false;
        };
        let kind_saved = |c: &crate::ims::aem_configs::AemConfig| {
            self.auth != Some(AuthType::Oauth) || c.kind == crate::ims::aem_configs::ConfigKind::Oauth
        };
        self.configs
            .is_some_and(|c| c.iter().any(|c| c.title.trim() == title && kind_saved(c)))
    }

    /// The fields this page's fill waits on for `forms`, if any: a choice is open there.
    pub fn choices_for(&self, forms: &[FormKind]) -> Option<&'a [super::Choice]> {
        self.filled_here
            .filter(|f| forms.contains(f))
            .map(|_| self.choices_here)
            .filter(|c| !c.is_empty())
    }

    /// Whether AEM's Connect verdict was read on the page this tab shows.
    pub fn connect_read_here(&self) -> bool {
        match (self.connect, self.url) {
            (Some(c), Some(url)) => crate::fill::trust::same_page(&c.url, url),
            _ => false,
        }
    }

    /// The first error about one of `fields`.
    fn error_in(&self, fields: &[Field]) -> Option<&Finding> {
        self.errors.iter().find(|f| fields.contains(&f.field))
    }

    /// The Console values still missing, by the names the Console gives them.
    pub fn missing_console_values(&self) -> Vec<&'static str> {
        // With AEM's own certificate (route A) IMS Link needs no key pair.
        missing_values(
            self.profile,
            self.has_key_pair || super::jwt_aem_certificate::applies(self),
        )
    }

    pub fn is_cloud_service(&self) -> bool {
        self.aem.as_deref().is_some_and(is_cloud_service)
    }

    /// A link to `path` on the AEM author, its label naming the host.
    pub fn aem_link(&self, path: &str, label: &str) -> Option<Link> {
        self.aem.as_ref().map(|origin| Link {
            label: format!("{label} on {}", super::page::host_of(origin)),
            url: format!("{origin}{path}"),
        })
    }

    /// Where the Target configuration of this AEM is created: on AEM as a Cloud Service, the
    /// site's own folder when AEM's console leaves no choice, else the console of folders.
    pub fn target_console_link(&self) -> Option<Link> {
        if let Some(site) = self.only_site_folder() {
            self.aem_link(
                &format!("{TARGET_CONSOLE_PATH}/conf/{site}"),
                &format!("Open the Adobe Target configurations of /conf/{site}"),
            )
        } else if self.is_cloud_service() {
            self.aem_link(TARGET_CONSOLE_PATH, "Open Adobe Target configurations")
        } else {
            self.aem_link(CLOUD_SERVICES_PATH, "Open Legacy Cloud Services")
        }
    }

    /// The one configuration folder of this AEM as a Cloud Service a site's Target
    /// configuration goes in, when its console lists no other (`ConfFolders::only_site`).
    pub fn only_site_folder(&self) -> Option<&'a str> {
        self.folders
            .filter(|_| self.is_cloud_service())
            .and_then(|f| f.only_site())
    }

    pub fn target_link(&self) -> Link {
        match self.tenant {
            Some(t) => Link {
                label: "Open Target's Implementation page".into(),
                url: format!("https://experience.adobe.com/#/@{t}/target/setup/implementation"),
            },
            None => Link {
                label: "Open Target's Implementation page".into(),
                url: TARGET_IMPLEMENTATION.into(),
            },
        }
    }
}

/// A stage: where it stands (`detail`) and, apart, what to do for it (`todo`), so that the
/// popup says each once.
pub(super) fn stage(
    id: StageId,
    title: &'static str,
    status: Status,
    (detail, todo): (String, String),
    link: Option<Link>,
) -> Stage {
    let link = if status == Status::Done { None } else { link };
    Stage {
        id,
        title,
        status,
        detail,
        link,
        more: None,
        progress: Progress::Later,
        todo,
    }
}

impl Stage {
    /// The same stage with the words behind its failure, shown on demand.
    fn more(self, more: String) -> Stage {
        Stage {
            more: Some(more),
            ..self
        }
    }
}

/// Where a stage stands, with nothing more to do.
pub(super) fn said(detail: impl Into<String>) -> (String, String) {
    (detail.into(), String::new())
}

/// Where a stage stands, and what to do for it.
pub(super) fn to_do(detail: impl Into<String>, todo: impl Into<String>) -> (String, String) {
    (detail.into(), todo.into())
}

/// The stepper's word for each stage: the next step's stage is "now", whatever its status.
pub fn with_progress(stages: Vec<Stage>, now: Option<StageId>) -> Vec<Stage> {
    stages
        .into_iter()
        .map(|s| Stage {
            progress: match s.status {
                Status::Done => Progress::Done,
                _ if Some(s.id) == now => Progress::Now,
                Status::Problem => Progress::Problem,
                Status::NeedsYou => Progress::Later,
            },
            ..s
        })
        .gather()
}

/// A failed check's diagnosis: what is wrong (the stage's detail) and the one thing to do (the
/// next step's), kept apart so neither is printed twice.
fn failed(check: Option<&CheckSeen>) -> Option<(String, String)> {
    let c = check.filter(|c| !c.ok)?;
    Some(split(c.diagnosis.as_ref(), "The check failed."))
}

fn split(d: Option<&DiagnosisSeen>, unknown: &str) -> (String, String) {
    match d {
        Some(d) => (d.summary.clone(), d.next_step.clone()),
        None => (unknown.into(), String::new()),
    }
}

fn target(f: &Facts) -> Stage {
    let (status, detail) = if let Some(e) = f.error_in(&[Field::Tenant, Field::ClientCode]) {
        (
            Status::Problem,
            to_do(
                e.message.clone(),
                "Open Adobe Target again so IMS Link reads it, or correct it in the profile's values.",
            ),
        )
    } else {
        match (f.tenant, f.client_code) {
            (None, _) => (
                Status::NeedsYou,
                to_do(
                    "Tenant ID not read yet.",
                    "Open Target's Administration > Implementation in this browser: IMS Link reads the tenant ID from its address and the Client Code from the page.",
                ),
            ),
            (Some(t), None) => (
                Status::NeedsYou,
                to_do(
                    format!("Tenant ID {t}; Client Code not read yet."),
                    "Open Target's Administration > Implementation: IMS Link reads the Client Code there.",
                ),
            ),
            (Some(t), Some(c)) if t == c => (Status::Done, said(format!("Tenant ID and Client Code {t}."))),
            (Some(t), Some(c)) => (Status::Done, said(format!("Tenant ID {t}, Client Code {c}."))),
        }
    };
    stage(StageId::Target, "Adobe Target", status, detail, Some(f.target_link()))
}

/// The credential's own page when the profile knows it (its values were read there), else the
/// Console's projects.
pub fn console_link(f: &Facts) -> Link {
    match super::page::credential_page(f.profile) {
        Some(url) => Link {
            label: "Open the credential in the Developer Console".into(),
            url,
        },
        None => Link {
            label: "Open the Developer Console's projects".into(),
            url: CONSOLE_PROJECTS.into(),
        },
    }
}

fn console(f: &Facts) -> Stage {
    let link = Some(console_link(f));
    // OAuth Server-to-Server needs no key pair: the stage is the credential alone.
    let title = if f.auth == Some(AuthType::Jwt) {
        "Key pair and Developer Console"
    } else {
        "Developer Console credential"
    };
    let console_fields = crate::profile::CREDENTIAL_FIELDS;
    let missing = f.missing_console_values();
    let kind = match f.auth {
        Some(AuthType::Jwt) => "Service Account (JWT)",
        _ => "OAuth Server-to-Server",
    };
    if let Some(st) = super::jwt_aem_certificate::console_stage(f, &missing, link.clone()) {
        // The admin chose JWT by letting AEM make its key pair; whether Adobe still takes it is
        // AEM's Check Health to say (as IMS Link's own check outweighs a finding elsewhere).
        let judged: Vec<Field> = console_fields
            .iter()
            .copied()
            .filter(|f| *f != Field::AuthType)
            .gather();
        return match f.error_in(&judged) {
            Some(e) => stage(StageId::Console, title, Status::Problem, said(e.message.clone()), link),
            None => st,
        };
    }
    // A passing check outweighs a finding: findings predict what IMS will say, the check asks it.
    if missing.is_empty() && f.ims.is_some_and(|c| c.ok) {
        return stage(
            StageId::Console,
            title,
            Status::Done,
            said(if f.ims_by_itself {
                let host =
                    crate::ims::check::ims_host(f.profile.authorization_server.as_ref().map(|a| a.value.as_str()))
                        .unwrap_or_else(|| "Adobe IMS".into());
                format!("{kind} credential; IMS accepts it (IMS Link asked {host} by itself).")
            } else {
                format!("{kind} credential; IMS accepts it.")
            }),
            link,
        );
    }
    if let Some((what, fix)) = failed(f.ims) {
        return stage(
            StageId::Console,
            title,
            Status::Problem,
            to_do(format!("IMS refused the credential: {what}"), fix),
            link,
        );
    }
    if let Some(e) = f.error_in(&console_fields) {
        return stage(
            StageId::Console,
            title,
            Status::Problem,
            to_do(
                e.message.clone(),
                "Open the credential in the Developer Console again so IMS Link reads it, or correct the value in the profile.",
            ),
            link,
        );
    }
    let (status, detail) = if f.auth.is_none() && value(&f.profile.client_id).is_none() {
        (
            Status::NeedsYou,
            to_do(
                "No credential captured yet.",
                "Open your project's credential in the Developer Console (OAuth Server-to-Server, or Service Account \
                 (JWT) for an older one): IMS Link reads its values as you look at them.",
            ),
        )
    } else if !missing.is_empty() {
        (
            Status::NeedsYou,
            to_do(
                format!("{kind} credential; still missing: {}.", join(&missing, ", ")),
                "Open the credential in the Developer Console: IMS Link reads the missing values there.",
            ),
        )
    } else if f.ims_running {
        (
            Status::NeedsYou,
            said("All values captured; IMS Link asked IMS by itself and waits for its answer."),
        )
    } else if f.auth == Some(AuthType::Jwt) {
        (
            Status::NeedsYou,
            to_do(
                "All values captured; IMS has not been asked yet.",
                "Upload certificate_pub.crt to the credential (\u{201c}Upload public key\u{201d}), then check IMS.",
            ),
        )
    } else {
        (
            Status::NeedsYou,
            to_do(
                "All values captured; IMS has not been asked yet.",
                "Check that IMS accepts the credential.",
            ),
        )
    };
    stage(StageId::Console, title, status, detail, link)
}

/// What the catalogue says about AEM's verdict (the stage's detail), the one thing to do (the
/// next step's), and AEM's own words (behind a disclosure): each said once.
fn aem_failure(v: &VerdictSeen) -> (String, String, String) {
    let (what, fix) = split(v.diagnosis.as_ref(), "");
    (what, fix, format!("AEM said \u{201c}{}\u{201d}.", v.text))
}

/// The forms whose fill advances the IMS configuration stage.
pub const IMS_FORMS: [FormKind; 2] = [FormKind::ImsWizard, FormKind::Keystore];
/// The forms whose fill advances the Target configuration stage.
pub const TARGET_FORMS: [FormKind; 2] = [FormKind::TargetClassic, FormKind::TargetCloud];

/// A fill on this page found fields holding other values than the profile's: until the admin
/// chose for each, nothing about the form is settled (following the guide would save values
/// nobody chose), so the stage waits for the admin, whatever an earlier fill or verdict said.
fn choice_open(f: &Facts, forms: &[FormKind]) -> Option<(Status, (String, String))> {
    let choices = f.choices_for(forms)?;
    let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).gather();
    let (list, verb) = match labels.as_slice() {
        [one] => ((*one).to_string(), "holds"),
        [init @ .., last] => (format!("{} and {last}", join(init, ", ")), "hold"),
        [] => return None,
    };
    let on = f.aem.as_deref().unwrap_or("this page");
    Some((
        Status::NeedsYou,
        to_do(
            format!(
                "Filled on {on} except the {list}, which {verb} another value than the profile's: your choice is open."
            ),
            "Choose which value stays in each field, then save the form.",
        ),
    ))
}

fn aem_ims(f: &Facts) -> Stage {
    // Straight to the wizard once AEM's list was read and holds nothing to migrate.
    let link = if f.ims_filled_on.is_none() && f.configs.is_some() && f.to_migrate().is_none() {
        f.aem_link(IMS_WIZARD_PATH, "Open the IMS configuration wizard")
    } else {
        f.aem_link(IMS_CONSOLE_PATH, "Open Adobe IMS Configurations")
    };
    let title = "AEM IMS configuration";
    let name = f.ims_title.unwrap_or("your configuration");
    if let Some((status, detail)) = choice_open(f, &IMS_FORMS) {
        return stage(StageId::AemIms, title, status, detail, link);
    }
    // Only AEM's own Check Health proves AEM reaches IMS: IMS Link's check proves the credential.
    if let Some(h) = f.health {
        return if h.ok {
            stage(
                StageId::AemIms,
                title,
                Status::Done,
                said(format!(
                    "AEM's own Check Health passed for \u{201c}{name}\u{201d}: AEM gets a token from Adobe IMS."
                )),
                link,
            )
        } else {
            let (what, fix, said) = aem_failure(h);
            // On route A the fix names AEM's certificate, not IMS Link's key pair.
            let (what, fix) = super::jwt_aem_certificate::aem_failure(f, h).unwrap_or((what, fix));
            stage(
                StageId::AemIms,
                title,
                Status::Problem,
                to_do(
                    format!("AEM's Check Health failed for \u{201c}{name}\u{201d}. {what}")
                        .trim()
                        .to_string(),
                    fix,
                ),
                link,
            )
            .more(said)
        };
    }
    if let Some(detail) = super::jwt_keystore::detail(f) {
        let link = super::jwt_keystore::keystore_link(f).or(link);
        return stage(StageId::AemIms, title, Status::NeedsYou, said(detail), link);
    }
    let own_pass = f.ims.is_some_and(|c| c.ok);
    // Filled, then saved (AEM's console lists it), then verified (AEM's Check Health, above):
    // each said only once the page showed it.
    let check_health = format!(
        "Now run Check Health in AEM: in Adobe IMS Configurations, select \u{201c}{name}\u{201d}, then \u{201c}Check Health\u{201d} and \u{201c}Check\u{201d}."
    );
    let (status, detail) = match f.ims_filled_on {
        Some(_) if f.ims_saved() => (
            Status::NeedsYou,
            to_do(
                if own_pass {
                    format!("Saved: AEM lists \u{201c}{name}\u{201d}; the credential works (IMS Link's own check), AEM has not checked it yet.")
                } else {
                    format!("Saved: AEM lists \u{201c}{name}\u{201d}; AEM has not checked it yet.")
                },
                check_health,
            ),
        ),
        Some(origin) if own_pass => (
            Status::NeedsYou,
            to_do(
                format!("Filled on {origin}; the credential works (IMS Link's own check), AEM has not checked it yet."),
                check_health,
            ),
        ),
        Some(origin) => (
            Status::NeedsYou,
            to_do(
                format!("Filled on {origin}; AEM has not checked it yet."),
                format!(
                    "Once it is saved with \u{201c}Create\u{201d}, run AEM's Check Health for \u{201c}{name}\u{201d}."
                ),
            ),
        ),
        None if f.to_migrate().is_some() => (
            Status::NeedsYou,
            to_do(
                format!(
                    "AEM's \u{201c}{}\u{201d} uses a JWT credential, which is deprecated.",
                    f.to_migrate().map(|c| c.title.as_str()).unwrap_or_default()
                ),
                "Migrate it to OAuth Server-to-Server in its Properties (IMS Link fills them).",
            ),
        ),
        None if f.aem.is_some() => (
            Status::NeedsYou,
            to_do(
                "Not created yet.",
                "In AEM's Adobe IMS Configurations, click \u{201c}Create\u{201d}, then let IMS Link fill the wizard.",
            ),
        ),
        // No AEM author known yet: the popup asks for its address, then links to the page.
        None => (
            Status::NeedsYou,
            to_do(
                "Not created yet.",
                "Give your AEM author's address: IMS Link then opens its Adobe IMS Configurations.",
            ),
        ),
    };
    stage(StageId::AemIms, title, status, detail, link)
}

fn aem_target(f: &Facts) -> Stage {
    let link = f.target_console_link();
    let title = "AEM Target configuration";
    if let Some((status, detail)) = choice_open(f, &TARGET_FORMS) {
        return stage(StageId::AemTarget, title, status, detail, link);
    }
    // Only AEM's own Connect proves AEM reaches Target.
    if let Some(c) = f.connect {
        return if c.ok {
            stage(
                StageId::AemTarget,
                title,
                Status::Done,
                said("AEM's own Connect passed: AEM reaches Adobe Target with its IMS configuration."),
                link,
            )
        } else {
            let (what, fix, said) = aem_failure(c);
            stage(
                StageId::AemTarget,
                title,
                Status::Problem,
                to_do(format!("AEM's Connect failed. {what}").trim().to_string(), fix),
                link,
            )
            .more(said)
        };
    }
    if let Some((what, fix)) = failed(f.target) {
        return stage(
            StageId::AemTarget,
            title,
            Status::Problem,
            to_do(format!("Target refused the connection: {what}"), fix),
            link,
        );
    }
    let (status, detail) = match f.target_filled_on {
        Some(origin) => (
            Status::NeedsYou,
            to_do(
                format!("Filled on {origin}; AEM has not connected yet."),
                "Click AEM's Connect in the form and let IMS Link read AEM's answer; then save.",
            ),
        ),
        None if f.aem.is_some() => (
            Status::NeedsYou,
            to_do(
                "Not created yet.",
                if let Some(site) = f.only_site_folder() {
                    format!("In AEM's Tools > Cloud Services > Adobe Target, open /conf/{site}, the one configuration folder AEM lists: IMS Link then says whether to create its Target configuration or open the one it has, and fills it.")
                } else if f.is_cloud_service() {
                    "In AEM's Tools > Cloud Services > Adobe Target, open your site's folder: IMS Link then says whether to create its Target configuration or open the one it has, and fills it.".into()
                } else {
                    "In AEM's Legacy Cloud Services, under Adobe Target, click \u{201c}Configure now\u{201d}, then let IMS Link fill the form.".into()
                },
            ),
        ),
        None => (
            Status::NeedsYou,
            to_do(
                "Not created yet.",
                "Give your AEM author's address: IMS Link then opens its Target configurations.",
            ),
        ),
    };
    stage(StageId::AemTarget, title, status, detail, link)
}

/// The four stages, in order.
pub fn all(f: &Facts) -> Vec<Stage> {
    vec![target(f), console(f), aem_ims(f), aem_target(f)]
}
