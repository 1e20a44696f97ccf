// The Adobe Target settings both AEMs show (adobe-surfaces.md §5). Labels are documented;
// of the names only ./clientcode is (classic API), the rest are guesses shared by both
// pages: the extension must match these fields by label too.

export const AUTHENTICATIONS = [['ims', 'IMS'], ['user', 'User Credentials']];
export const API_KINDS = [['rest', 'REST'], ['soap', 'SOAP']];
export const CLIENT_LIBS = [['atjs', 'AT.js'], ['mboxjs', 'mbox.js (deprecated)']];
export const A4T_CONFIGS = [['', 'None'], ['/etc/cloudservices/sitecatalyst/acme-analytics/report-suite', 'Acme Analytics (acmeprod)']];

/** Text fields: [name, label, auth ('ims' | 'user' | undefined = both)]. */
export const TEXT_FIELDS = {
  tenant: ['./tenant', 'Tenant ID', 'ims'],
  clientcode: ['./clientcode', 'Client Code'],
  email: ['./email', 'Email', 'user'],
  password: ['./password', 'Password', 'user'],
};

/** Checkboxes: [name, label, checked by default]. */
export const CHECKBOXES = [
  ['./accurateTargeting', 'Use accurate targeting', true],
  ['./syncSegments', 'Synchronize segments from Adobe Target', false],
  ['./useLaunch', 'Use Tag Management System to deliver client library', false],
];

/** A stored Target configuration's value for `name` (a test may seed state.aem.targetConfigs). */
export function savedValue(config, name, fallback = '') {
  return config?.fields?.[name] ?? fallback;
}
