// Generated from src/profile/fields.rs, the core's one table of profile fields: do not edit.
// The popup does not load the wasm core, so it reads the table here; `cargo test` fails when
// this copy is stale, and `IMS_LINK_WRITE_FIELDS=1 cargo test profile::fields` rewrites it.
export const PROFILE_FIELDS = [
  {"field":"tenant","label":"Tenant ID","secret":false},
  {"field":"clientCode","label":"Client Code","secret":false},
  {"field":"authType","label":"Authentication","secret":false},
  {"field":"clientId","label":"Client ID","secret":false},
  {"field":"clientSecret","label":"Client secret","secret":true},
  {"field":"orgId","label":"Organization ID (AEM: Org ID)","secret":false},
  {"field":"technicalAccountId","label":"Technical account ID","secret":false},
  {"field":"technicalAccountEmail","label":"Technical account email","secret":false},
  {"field":"scopes","label":"Scopes","secret":false},
  {"field":"payload","label":"JWT payload","secret":false},
  {"field":"authorizationServer","label":"Authorization server","secret":false},
  {"field":"certificateSha256","label":"Certificate","secret":false},
];
