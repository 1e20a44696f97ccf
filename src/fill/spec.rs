//! The field spec tables: for each fillable AEM form, which fields IMS Link fills, how it
//! finds them (names first, then labels, since most names are guesses: adobe-surfaces.md
//! §4-5) and where each value comes from. Label patterns are written normalized (see
//! `normalize_label`): lower case, punctuation as spaces, single spaces.

use crate::profile::{AuthType, Field};
use crate::text::Search;

/// What kind of control a spec fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A text input or textarea: `set-value`.
    Text,
    /// A select, Coral select or ExtJS combo: `select-option` with an option value.
    Choice,
    /// A checkbox, Coral checkbox or switch: `set-checked`.
    Check,
    /// A file input: `set-file` with the file's bytes (base64) and name.
    File,
}

/// Where a spec's value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueSource {
    /// A text field of the profile, as is.
    Profile(Field),
    /// The Target tenant id, else the client code (most customers use the same).
    Tenant,
    /// The Target client code, else the tenant id (AEM copies one into the other too).
    ClientCode,
    /// The profile's scopes joined with `,`.
    Scopes,
    /// The profile's authorization server, else `https://ims-na1.adobelogin.com`.
    AuthServer,
    /// The IMS configuration title: `options.title`, else `Adobe Target (<tenant>, <auth>)`.
    ImsTitle,
    /// A constant text.
    Constant(&'static str),
    /// The option whose value or text matches one of these normalized patterns; the first
    /// text is how the admin sees it.
    Option(&'static str, &'static [&'static str]),
    /// The option for the plan's authentication type (JWT or OAuth).
    AuthTypeOption,
    /// The IMS configuration made for this profile (see `resolve::resolve` and `choose::choose`).
    ImsConfig,
    /// A checkbox state.
    Checked(bool),
    /// The alias IMS Link proposes for its key pair in AEM's keystore.
    KeystoreAlias,
    /// IMS Link's private key, PKCS#8 DER (a secret).
    PrivateKeyDer,
    /// IMS Link's certificate, DER.
    CertificateDer,
    /// The key pair alias AEM showed stored in its keystore, picked in the wizard.
    KeypairAlias,
}

/// One field IMS Link fills in one form.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Stable id, used in plans and in `confirm`.
    pub id: &'static str,
    /// The label AEM documents, shown to the admin.
    pub label: &'static str,
    /// The control kind; fields of another kind never match.
    pub control: Control,
    /// `name` attributes, compared without a leading `./` and ignoring ASCII case.
    pub names: &'static [&'static str],
    /// Normalized label wordings, best first.
    pub labels: &'static [&'static str],
    /// Where the value comes from.
    pub source: ValueSource,
    /// Whether a form without this field is reported as missing it.
    pub required: bool,
    /// The authentication type this field belongs to; `None` for both.
    pub mode: Option<AuthType>,
    /// Whether the value is a secret the UI masks.
    pub secret: bool,
    /// Whether a different non-empty value already there is a conflict to confirm (free
    /// text the admin may have typed); settings IMS Link must set are just set.
    pub ask: bool,
    /// Whether any non-empty value already there is kept (titles are the admin's choice).
    pub keep: bool,
}

const fn spec(id: &'static str, label: &'static str, control: Control, source: ValueSource) -> Spec {
    Spec {
        id,
        label,
        control,
        names: &[],
        labels: &[],
        source,
        required: true,
        mode: None,
        secret: false,
        ask: matches!(control, Control::Text),
        keep: false,
    }
}

const fn named(mut s: Spec, names: &'static [&'static str], labels: &'static [&'static str]) -> Spec {
    s.names = names;
    s.labels = labels;
    s
}

const fn optional(mut s: Spec) -> Spec {
    s.required = false;
    s
}

const fn only(mut s: Spec, mode: AuthType) -> Spec {
    s.mode = Some(mode);
    s
}

const fn secret(mut s: Spec) -> Spec {
    s.secret = true;
    s
}

const fn keep(mut s: Spec) -> Spec {
    s.keep = true;
    s
}

const fn ask(mut s: Spec) -> Spec {
    s.ask = true;
    s
}

/// The default Authorization Server (the IMS host in Developer Console payloads).
pub const DEFAULT_AUTH_SERVER: &str = "https://ims-na1.adobelogin.com";

/// Label wordings of the Cloud Configuration select, also used to recognise the wizard.
pub const CLOUD_CONFIGURATION_LABELS: &[&str] = &[
    "cloud configuration",
    "cloud solution",
    "cloud service",
    "cloud services configuration",
];

/// Label wordings of the Authentication Type select, also used to detect the wizard's modes.
pub const AUTH_TYPE_LABELS: &[&str] = &[
    "authentication type",
    "auth type",
    "authentication method",
    "type of authentication",
];

/// Names of the Authentication Type select.
pub const AUTH_TYPE_NAMES: &[&str] = &["authType", "authenticationType"];

/// Adobe IMS Technical Account Configuration wizard (Certificate and Account steps).
pub const IMS_WIZARD: &[Spec] = &[
    named(
        spec(
            "cloudConfiguration",
            "Cloud Configuration",
            Control::Choice,
            ValueSource::Option("Adobe Target", &["adobe target", "target"]),
        ),
        &["cloudServiceName", "cloudService"],
        CLOUD_CONFIGURATION_LABELS,
    ),
    optional(named(
        spec(
            "authType",
            "Authentication Type",
            Control::Choice,
            ValueSource::AuthTypeOption,
        ),
        AUTH_TYPE_NAMES,
        AUTH_TYPE_LABELS,
    )),
    keep(named(
        spec("title", "Title", Control::Text, ValueSource::ImsTitle),
        &["title", "jcr:title"],
        &["title", "configuration title", "ims configuration title"],
    )),
    named(
        spec(
            "authorizationServer",
            "Authorization Server",
            Control::Text,
            ValueSource::AuthServer,
        ),
        &[
            "authServerUrl",
            "authServer",
            "authorizationServer",
            "authorizationServerUrl",
        ],
        &[
            "authorization server",
            "authorization server url",
            "authorisation server",
            "auth server",
            "ims server",
        ],
    ),
    only(
        named(
            spec(
                "apiKey",
                "API Key",
                Control::Text,
                ValueSource::Profile(Field::ClientId),
            ),
            &["apiKey"],
            &["api key", "client id", "api key client id", "client id api key"],
        ),
        AuthType::Jwt,
    ),
    only(
        named(
            spec(
                "clientId",
                "Client ID",
                Control::Text,
                ValueSource::Profile(Field::ClientId),
            ),
            &["clientId"],
            &["client id", "api key", "client id api key", "api key client id"],
        ),
        AuthType::Oauth,
    ),
    secret(named(
        spec(
            "clientSecret",
            "Client Secret",
            Control::Text,
            ValueSource::Profile(Field::ClientSecret),
        ),
        &["clientSecret"],
        &["client secret", "secret"],
    )),
    only(
        named(
            spec(
                "payload",
                "Payload",
                Control::Text,
                ValueSource::Profile(Field::Payload),
            ),
            &["jwtClaims", "payload", "jwtPayload"],
            &["payload", "jwt payload", "jwt claims", "claims"],
        ),
        AuthType::Jwt,
    ),
    only(
        named(
            spec("scope", "Scope", Control::Text, ValueSource::Scopes),
            &["scope", "scopes"],
            &["scope", "scopes", "oauth scope", "oauth scopes"],
        ),
        AuthType::Oauth,
    ),
    only(
        named(
            spec("orgId", "Org ID", Control::Text, ValueSource::Profile(Field::OrgId)),
            &["orgId", "organizationId", "imsOrgId", "imsOrg"],
            &[
                "org id",
                "organization id",
                "organisation id",
                "ims org id",
                "ims organization id",
                "ims org",
                "organization",
            ],
        ),
        AuthType::Oauth,
    ),
    // Offered while "Create new certificate" is off (the keystore's certificates; I); planned
    // only when AEM showed IMS Link's key pair stored under an alias (`plan`).
    optional(only(
        named(
            spec(
                "keypairAlias",
                "Certificate",
                Control::Choice,
                ValueSource::KeypairAlias,
            ),
            &["keypairAlias"],
            &[
                "certificate",
                "select certificate",
                "existing certificate",
                "key pair alias",
                "keypair alias",
            ],
        ),
        AuthType::Jwt,
    )),
];

/// AEM's keystore, "Add Private Key from DER file" (adobe-surfaces.md §8: V for the fields'
/// meaning, G for their names). The key store password is the admin's own: never filled.
pub const KEYSTORE: &[Spec] = &[
    named(
        spec("alias", "New Alias", Control::Text, ValueSource::KeystoreAlias),
        &["newAlias", "alias"],
        &["new alias", "alias"],
    ),
    secret(named(
        spec(
            "privateKeyFile",
            "Private Key File",
            Control::File,
            ValueSource::PrivateKeyDer,
        ),
        &["keyFile", "privateKeyFile", "privateKey"],
        &["private key file", "private key", "key file"],
    )),
    named(
        spec(
            "certificateFile",
            "Certificate Chain File",
            Control::File,
            ValueSource::CertificateDer,
        ),
        &["certChain", "certificateChainFile", "certificateFile", "certFile"],
        &[
            "certificate chain file",
            "certificate chain",
            "certificate file",
            "certificate",
        ],
    ),
];

const AUTHENTICATION: Spec = named(
    spec(
        "authentication",
        "Authentication",
        Control::Choice,
        ValueSource::Option("IMS", &["ims", "adobe ims"]),
    ),
    &["authentication"],
    &["authentication"],
);
const TENANT: Spec = named(
    spec("tenant", "Tenant ID", Control::Text, ValueSource::Tenant),
    &["tenant", "tenantId"],
    &["tenant id", "tenant", "target tenant id", "tenant name"],
);
const CLIENT_CODE: Spec = named(
    spec("clientCode", "Client Code", Control::Text, ValueSource::ClientCode),
    &["clientcode", "clientCode"],
    &["client code", "clientcode", "target client code"],
);
const IMS_CONFIGURATION: Spec = ask(named(
    spec(
        "imsConfiguration",
        "IMS Configuration",
        Control::Choice,
        ValueSource::ImsConfig,
    ),
    &["imsConfigId", "imsConfig", "imsConfiguration"],
    &["ims configuration", "ims config", "adobe ims configuration"],
));
const API_TYPE: Spec = named(
    spec(
        "apiType",
        "API Type",
        Control::Choice,
        ValueSource::Option("REST", &["rest"]),
    ),
    &["apiKind", "apiType"],
    &["api type", "api kind"],
);
const ACCURATE_TARGETING: Spec = optional(named(
    spec(
        "accurateTargeting",
        "Use accurate targeting",
        Control::Check,
        ValueSource::Checked(true),
    ),
    &["accurateTargeting"],
    // AEM as a Cloud Service words it "On page load, wait for ContextHub data to load before
    // sending Target request" (V, Adobe's screenshot of its Create page).
    &[
        "use accurate targeting",
        "accurate targeting",
        "wait for contexthub data",
    ],
));
const SYNC_SEGMENTS: Spec = named(
    spec(
        "syncSegments",
        "Synchronize segments from Adobe Target",
        Control::Check,
        ValueSource::Checked(true),
    ),
    &["syncSegments"],
    &[
        "synchronize segments from adobe target",
        "synchronise segments from adobe target",
        "synchronize segments from target",
        "synchronize segments",
        "sync segments",
    ],
);
const CLIENT_LIBRARY: Spec = optional(named(
    spec(
        "clientLibrary",
        "Client library",
        Control::Choice,
        ValueSource::Option("AT.js", &["atjs", "at js"]),
    ),
    &["clientlib", "clientLibrary"],
    &["client library", "client lib"],
));

/// AEM 6.5 Legacy Cloud Services > Adobe Target dialog (ExtJS), tab Adobe Target Settings.
pub const TARGET_CLASSIC: &[Spec] = &[
    AUTHENTICATION,
    TENANT,
    CLIENT_CODE,
    IMS_CONFIGURATION,
    API_TYPE,
    ACCURATE_TARGETING,
    SYNC_SEGMENTS,
    CLIENT_LIBRARY,
];

/// AEM as a Cloud Service Adobe Target configuration (Coral form). Its documentation lists
/// Tenant ID, Client Code and the IMS configuration; Authentication, API Type, Sync segments
/// and the client library (Target is delivered through Launch there) are not documented
/// (adobe-surfaces.md §8, G): filled when present, never reported missing. Its Create page in
/// Adobe's screenshot (2020) has no Client Code either, so that one is optional here too.
pub const TARGET_CLOUD: &[Spec] = &[
    optional(keep(named(
        spec("title", "Title", Control::Text, ValueSource::Constant("Adobe Target")),
        &["jcr:title", "title"],
        &["title"],
    ))),
    optional(AUTHENTICATION),
    TENANT,
    optional(CLIENT_CODE),
    IMS_CONFIGURATION,
    optional(API_TYPE),
    ACCURATE_TARGETING,
    optional(SYNC_SEGMENTS),
    CLIENT_LIBRARY,
];

/// Lower case, every run of separators (see `is_separator`) as one space, trimmed: "Tenant
/// Id:", "tenant-ID *", "TENANT  ID" and "Tenant\u{a0}–\u{a0}ID" all become "tenant id".
pub fn normalize_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if !is_separator(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Non-ASCII punctuation and symbols that part a label's words: Latin-1's, the General
/// Punctuation, currency, arrow, mathematical, technical, box and dingbat blocks, and the CJK
/// and full-width punctuation. Every one of them is outside Unicode's alphanumerics (a test
/// checks each).
const SEPARATORS: &[(char, char)] = &[
    ('\u{a1}', '\u{a9}'),
    ('\u{ab}', '\u{b1}'),
    ('\u{b4}', '\u{b4}'),
    ('\u{b6}', '\u{b8}'),
    ('\u{bb}', '\u{bb}'),
    ('\u{bf}', '\u{bf}'),
    ('\u{d7}', '\u{d7}'),
    ('\u{f7}', '\u{f7}'),
    ('\u{2000}', '\u{206f}'),
    ('\u{20a0}', '\u{20c0}'),
    ('\u{2190}', '\u{245f}'),
    ('\u{2500}', '\u{2775}'),
    ('\u{2794}', '\u{2bff}'),
    ('\u{3001}', '\u{3004}'),
    ('\u{3008}', '\u{3020}'),
    ('\u{ff01}', '\u{ff0f}'),
    ('\u{ff1a}', '\u{ff20}'),
    ('\u{ff3b}', '\u{ff40}'),
    ('\u{ff5b}', '\u{ff65}'),
];

/// Whether `c` parts a label's words: ASCII other than letters and digits, white space, and
/// `SEPARATORS`. Any other character is part of a word. Not `char::is_alphanumeric`, whose
/// Unicode tables and lookups were 2.7 KB of the module, 1.4 KB gzipped (issue 17): the two
/// differ only on the rarer non-ASCII symbols, which no label IMS Link matches is written with.
pub(crate) fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        c.is_whitespace() || SEPARATORS.iter().any(|&(from, to)| (from..=to).contains(&c))
    }
}

/// A `name` attribute as compared: without a leading `./`, ASCII lower case.
pub fn normalize_name(s: &str) -> String {
    s.trim().trim_start_text("./").to_ascii_lowercase()
}
