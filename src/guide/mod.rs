//! The popup's guide: the four stages of the integration (Target → Developer Console →
//! AEM IMS configuration → AEM Target configuration), each done, waiting for the admin or in
//! trouble, and the one next step that fits the tab the admin is looking at.

mod jwt_aem_certificate;
mod jwt_keystore;
mod next;
pub mod page;
pub mod site_access;
mod stages;
#[cfg(test)]
mod tests;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use crate::fill::FormKind;
use crate::profile::Profile;

pub use jwt_aem_certificate::{AemCertificateSeen, CredentialCertificatesSeen};
pub use page::{classify, Page, PageKind};
pub use stages::{auth_of, missing_values};

/// What the guide is decided from, gathered by the worker.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct GuideInput {
    /// The tab's address; absent when the browser hides it.
    pub url: Option<String>,
    /// The integration profile.
    pub profile: Profile,
    /// Whether a key pair is held.
    pub has_key_pair: bool,
    /// The last results of the two checks.
    pub checks: Checks,
    /// Forms filled in this browser session, newest last.
    pub filled: Vec<Filled>,
    /// The AEM author the admin gave (or a visited AEM page showed), remembered by the session.
    pub aem_author: Option<String>,
    /// The AEM author the admin typed, while its naming waits for the browser's grant: the
    /// grant then also allows it secrets (`session::aem_author`), which the guide says.
    pub aem_author_named: Option<String>,
    /// The browser's granted host permissions; those naming one AEM author are remembered.
    pub granted_origins: Vec<String>,
    /// Origins the admin allowed to receive secrets (`fill::trust`).
    pub secret_origins: Vec<String>,
    /// The last fill in this tab, if any.
    pub fill_here: Option<FillHere>,
    /// A client id or secret read from a page, waiting for the admin's yes.
    pub awaiting: Option<AwaitingSeen>,
    /// Another credential than the profile's, read from a page, waiting for "Switch" or "Keep".
    pub switch: Option<SwitchSeen>,
    /// The title of the IMS configuration IMS Link filled (or migrated).
    pub ims_config_title: Option<String>,
    /// AEM's own verdicts, read from its pages.
    pub aem: AemSeen,
    /// AEM's own certificate, taken from its IMS wizard (JWT route A).
    pub aem_certificate: Option<AemCertificateSeen>,
    /// The certificates the Console credential page last listed.
    pub credential_certificates: Option<CredentialCertificatesSeen>,
    /// The AEM origin whose wizard showed "Create new certificate" on.
    pub aem_new_certificate: Option<String>,
    /// The alias IMS Link proposes for its key pair in AEM's keystore (a key pair with its
    /// certificate is held).
    pub keystore_alias: Option<String>,
    /// Whether the guide is for the side panel, which has no `activeTab`: AEM pages need the
    /// admin's "Allow on this AEM site" (`site_access`).
    pub panel: bool,
    /// The admin has just named the AEM author in the side panel: the same click asks the
    /// browser for that site (at once where it is granted already) and opens its page.
    pub just_named: bool,
    /// The page steps IMS Link last did itself (`Next::runs`).
    pub page_run: Option<PageRun>,
}

/// Page steps IMS Link did itself: AEM's own check (Check Health, Connect) in the side panel.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct PageRun {
    /// Which steps (`Next::runs`): each is done by IMS Link once.
    pub key: String,
    /// The step IMS Link could not do, in words ("click “Check Health”"): the admin does them.
    pub stuck: Option<String>,
    /// When IMS Link did them (ms since the epoch), until AEM shows an answer (then 0): an
    /// answer that does not come in time makes them the admin's (`session::page_run`).
    pub at_ms: u64,
}

/// What the guide needs of a credential waiting for the admin's yes.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct AwaitingSeen {
    /// The page it was read from.
    pub page: String,
    /// Whether a client id waits.
    pub client_id: bool,
    /// Whether a client secret waits.
    pub client_secret: bool,
}

/// Another credential than the profile's, in a few words each.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(default)]
pub struct SwitchSeen {
    /// The profile's credential.
    pub current: String,
    /// The other one.
    pub incoming: String,
}

/// AEM's own verdicts as the guide needs them.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct AemSeen {
    /// Check Health on the IMS configurations console.
    pub health: Option<VerdictSeen>,
    /// Connect on a Target configuration.
    pub connect: Option<VerdictSeen>,
    /// AEM's IMS configurations, as its console last listed them.
    pub configs: Option<ConfigsSeen>,
    /// The authentication-service keystore, as its page last showed it.
    pub keystore: Option<KeystoreSeen>,
    /// The Target configurations of the `/conf` folder whose console was last read.
    pub target_folder: Option<crate::ims::target_folder::TargetFolder>,
    /// The configuration folders AEM's Target console lists.
    pub folders: Option<crate::ims::target_folder::ConfFolders>,
}

/// AEM's keystore as its page showed it.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(default)]
pub struct KeystoreSeen {
    /// The keystore page's address.
    pub url: String,
    /// Whether the key store exists.
    pub exists: bool,
    /// The aliases it lists.
    pub aliases: Vec<String>,
    /// AEM's error in the form, if it showed one.
    pub error: Option<String>,
}

/// AEM's IMS configurations as one console listed them.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(default)]
pub struct ConfigsSeen {
    /// The console's address.
    pub url: String,
    /// The configurations.
    pub configs: Vec<crate::ims::aem_configs::AemConfig>,
}

/// One verdict of AEM's.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(default)]
pub struct VerdictSeen {
    /// Whether AEM said it worked.
    pub ok: bool,
    /// The page it was read on.
    pub url: String,
    /// AEM's words.
    pub text: String,
    /// The dialog around them (names the configuration checked).
    pub context: String,
    /// Why it failed, from the catalogue.
    pub diagnosis: Option<DiagnosisSeen>,
}

/// The last fill in a tab: which form, on which address.
#[derive(Default, Debug, Clone, FromJson)]
pub struct FillHere {
    /// Which form.
    pub form: FormKind,
    /// The page's address when it was filled.
    pub url: String,
    /// The origin whose first secret waits for the admin's yes (`fill::trust`), if any.
    #[serde(default)]
    pub consent: Option<String>,
    /// Fields that held another value than the profile's, waiting for the admin's choice.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// Whether the form is a wizard with a step not shown (`fill::Plan::hidden_step`).
    #[serde(default, rename = "hiddenStep")]
    pub hidden_step: bool,
}

/// A field the fill found holding another value than the profile's: the admin chooses which
/// stays before the form is saved. Secrets come masked (`session/fills.rs`).
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The field's spec id (what "Use IMS Link's" confirms, "Keep mine" keeps).
    pub spec_id: String,
    /// The field's label as the page shows it.
    pub label: String,
    /// What the field holds (typed by the admin, or left by an earlier save).
    pub typed: String,
    /// What IMS Link would put there.
    pub ours: String,
    /// Whether the values are a secret's (both are masked then).
    pub secret: bool,
}

/// The last result of each check, as the worker keeps them.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(default)]
pub struct Checks {
    /// The IMS check.
    pub ims: Option<CheckSeen>,
    /// The Target connection check.
    pub target: Option<CheckSeen>,
    /// IMS Link asked IMS by itself for the values the profile holds and waits for its answer.
    pub ims_running: bool,
    /// The IMS result is the one IMS Link asked for by itself.
    pub ims_by_itself: bool,
}

/// What the guide needs of a check report.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckSeen {
    /// Whether it passed.
    pub ok: bool,
    /// Why it failed.
    pub diagnosis: Option<DiagnosisSeen>,
}

/// The two lines of a failed check's diagnosis the guide repeats.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct DiagnosisSeen {
    /// What is wrong.
    pub summary: String,
    /// The one thing to do.
    pub next_step: String,
}

/// A form filled by IMS Link.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Filled {
    /// Which form.
    pub form: FormKind,
    /// The AEM author it is on.
    pub origin: String,
}

/// The four stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum StageId {
    /// Tenant id and client code from Target.
    Target,
    /// Key pair and the Developer Console credential, accepted by IMS.
    Console,
    /// AEM's IMS configuration.
    AemIms,
    /// AEM's Target configuration, connected.
    AemTarget,
}

/// Where a stage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Nothing left to do.
    Done,
    /// Waiting for the admin.
    NeedsYou,
    /// Something is wrong; the detail says what and how to fix it.
    Problem,
}

/// Where a stage stands in the walk, as the popup's stepper shows it: done, the one the next
/// step advances, waiting its turn, or in trouble.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    /// Nothing left to do.
    Done,
    /// The stage the next step advances.
    Now,
    /// Not done, and not the next step's.
    Later,
    /// Something is wrong (and it is not the next step's stage).
    Problem,
}

/// A place to go.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Link {
    /// What the link says.
    pub label: String,
    /// Where it goes.
    pub url: String,
}

/// One stage as the popup shows it.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Stage {
    /// Which stage.
    pub id: StageId,
    /// Its heading.
    pub title: &'static str,
    /// Where it stands.
    pub status: Status,
    /// Where it stands, in one or two sentences: what is done, what is missing, what failed.
    /// Never what to do: that is the next step's, said once.
    pub detail: String,
    /// Where to go for it, while it is not done.
    pub link: Option<Link>,
    /// The words behind a failure (AEM's own verdict), shown on demand under the detail.
    pub more: Option<String>,
    /// Done, now, later or problem, for the stepper (set once the next step is known).
    pub progress: Progress,
    /// What to do for it, when the next step is only words (and a link): the next step's text.
    #[serde(skip)]
    pub todo: String,
}

/// The popup's own buttons the guide can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Copy the tenant id.
    CopyTenant,
    /// Generate a key pair and certificate.
    GenerateKeyPair,
    /// Fill the AEM form in this tab.
    FillForm,
    /// Run the IMS check.
    CheckIms,
    /// Run the Target connection check.
    CheckTarget,
    /// Read AEM's own verdict (Check Health, Connect) on this page.
    ReadAemResult,
    /// Allow this AEM origin to receive the client secret (the fill's waiting question).
    AllowSecrets,
    /// Take the client id and secret read from a page into the profile.
    AcceptCaptured,
    /// Take the certificate AEM's IMS wizard created (JWT route A).
    TakeAemCertificate,
    /// Switch the profile to the other credential a page showed, whole.
    SwitchCredential,
    /// Ask the browser for host access on the AEM author (`Guide::allow_site`), from the click.
    AllowSite,
}

/// Something the admin does on the page itself, in order.
#[derive(Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum Step {
    /// Click the button or link with this name (inside the region named `within`, if given).
    Click { name: String, within: Option<String> },
    /// Select the item with this name in AEM's list (its row's checkbox), so that AEM's
    /// toolbar offers the item's actions.
    Select { name: String },
    /// Type this value into the field with this label.
    Enter { label: String, value: String },
    /// Type something only the admin knows (`what`, e.g. "your key store password") into the
    /// field with this label: IMS Link neither has nor keeps it.
    EnterOwn { label: String, what: String },
}

/// The one next step: do the page steps in order, then the action; or follow the link.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Next {
    /// The stage it advances; none when all are done.
    pub stage: Option<StageId>,
    /// What to do, in plain words.
    pub text: String,
    /// Page steps, in order.
    pub steps: Vec<Step>,
    /// The popup button to press after them.
    pub action: Option<Action>,
    /// Where to go instead, when this tab is not the place.
    pub link: Option<Link>,
    /// The step ends with AEM's answer on this page (its IMS configurations, keystore, Check
    /// Health or Connect verdict), which IMS Link reads by itself: the popup at once when it
    /// opens, the side panel also each time the page changes while this stays true. In the side
    /// panel there is then no button to press (`action` is none); the popup, which closes when
    /// the admin clicks the page, keeps "Read AEM's result".
    #[serde(rename = "watchAem")]
    pub watch_aem: bool,
    /// IMS Link does `steps` itself, once for this key (`PageRun`): AEM's own check in the side
    /// panel, which then reads AEM's verdict as ever. AEM's buttons that save (Create, Save)
    /// stay the admin's.
    pub runs: Option<String>,
}

/// The guide for one tab.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Guide {
    /// What the tab shows.
    pub page: PageKind,
    /// One sentence about this page.
    pub here: String,
    /// The four stages, in order.
    pub stages: Vec<Stage>,
    /// The next step.
    pub next: Next,
    /// The action that fits this page, shown even when the next step is elsewhere.
    pub action: Option<Action>,
    /// The Fill button's text, naming the host it fills; absent where there is nothing to
    /// fill, so the popup does not offer it there.
    #[serde(rename = "fillLabel")]
    pub fill_label: Option<String>,
    /// Whether the key pair card applies: not for OAuth Server-to-Server, which needs no key.
    #[serde(rename = "keyPairCard")]
    pub key_pair_card: bool,
    /// The button of the AEM author's address form, when the next step needs that address and
    /// no page or fill gave it yet: the popup asks for it once, in the next-step box. In the
    /// side panel the address and the browser's site access are one step ("Allow on this AEM
    /// site"); in the toolbar popup, which has `activeTab`, it is only kept ("Save").
    #[serde(rename = "aemAuthorButton")]
    pub aem_author_button: Option<String>,
    /// The question a fill on this page is waiting on: secrets to this origin, yes or no.
    pub consent: Option<crate::fill::trust::Consent>,
    /// This AEM page's origin, when the admin allowed it to receive secrets (the popup offers
    /// to take the yes back).
    #[serde(rename = "secretsAllowed")]
    pub secrets_allowed: Option<String>,
    /// The choices this page's fill waits on, drawn inside the next-step box while the next
    /// step is to make them (empty otherwise).
    pub choices: Vec<Choice>,
    /// The AEM origin the "Allow on this AEM site" step asks the browser for (side panel).
    #[serde(rename = "allowSite")]
    pub allow_site: Option<String>,
    /// The page on that origin the panel opens once the browser granted it (the link the
    /// Allow step stands in for), so no link is left to follow.
    #[serde(rename = "allowSiteOpens")]
    pub allow_site_opens: Option<String>,
    /// That step's button text ("Allow on author-…"), with `allow_site`.
    #[serde(rename = "allowSiteLabel")]
    pub allow_site_label: Option<String>,
}

/// Decides the guide for a tab at `now_ms`.
pub fn guide(input: &GuideInput, now_ms: u64) -> Guide {
    let page = classify(input.url.as_deref());
    let facts = stages::Facts::new(input, &page, now_ms);
    let stages = stages::all(&facts);
    let next = next::next_step(&facts, &page, &stages);
    let (next, allow) = site_access::in_panel(input, &facts, &page, next);
    let ask_aem_author = facts.aem.is_none() && matches!(next.stage, Some(StageId::AemIms | StageId::AemTarget));
    // Typing the author names it: once IMS Link is also allowed there (in the side panel the
    // address form's own button asks the browser; in the popup its "Allow on this AEM site"),
    // its secrets go there without another question (`session::aem_author`), so the form says
    // so wherever it is asked.
    let next = if ask_aem_author {
        // In the side panel the form's button also asks the browser for the site.
        let (asked, lead) = if input.panel {
            (format!(" {}", site_access::ASKED_ONCE), "Allowing it lets")
        } else {
            (String::new(), "Naming it lets")
        };
        Next {
            text: format!("{}{asked} {}", next.text, site_access::named_sentence(&facts, lead)),
            ..next
        }
    } else {
        next
    };
    let stages = stages::with_progress(stages, next.stage);
    Guide {
        page: page.kind,
        here: site_access::here(input, &page).unwrap_or_else(|| next::here_with_configs(&facts, &page)),
        // While a fill's choice is open, its two answers are the only buttons to press; while
        // the side panel reads AEM's answer by itself, none (the page steps are the admin's).
        action: next::page_action(&facts, &page)
            .or(next.action)
            .filter(|_| next::open_choices(&facts, &page).is_empty())
            .filter(|_| !(input.panel && next.watch_aem)),
        // On the IMS console a fill opens the Create wizard: offered until IMS Link filled one,
        // and not while the console lists a JWT configuration to migrate (a new one would
        // duplicate it).
        fill_label: next::fill_label(&page).filter(|_| {
            page.kind != PageKind::AemImsConsole || (facts.ims_filled_on.is_none() && facts.to_migrate().is_none())
        }),
        aem_author_button: ask_aem_author.then(|| if input.panel { site_access::BUTTON } else { "Save" }.to_string()),
        key_pair_card: facts.auth != Some(crate::profile::AuthType::Oauth) || input.has_key_pair,
        secrets_allowed: page
            .aem_origin
            .clone()
            .filter(|o| input.secret_origins.iter().any(|s| s.eq_ignore_ascii_case(o))),
        consent: facts
            .consent_here
            .as_deref()
            .map(|o| crate::fill::trust::consent(o, &[jwt_keystore::secret_label(&page)])),
        choices: next::open_choices(&facts, &page),
        stages,
        next,
        allow_site_opens: allow.as_ref().and_then(|a| a.opens.clone()),
        allow_site_label: allow.as_ref().map(site_access::Allow::label),
        allow_site: allow.map(|a| a.origin),
    }
}
