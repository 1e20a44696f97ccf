// Names the end-to-end tests share: the fake cloud's credentials and the fake AEM's pages.
export { JWT_CLIENT_ID as JWT, OAUTH_CLIENT_ID as OAUTH, ORG_ID as ORG } from '../fake-cloud/state.mjs';

/** AEM 6.5 on premise, and an AEM as a Cloud Service author. */
export const AUTHOR = 'https://author.aem.test';
export const CLOUD = 'https://author-p12345-e67890.adobeaemcloud.com';
/** The IMS configuration wizard and the console it returns to. */
export const WIZARD = '/libs/cq/adobeims-configuration/content/configurations/create.html';
export const IMS_CONSOLE = '/libs/cq/adobeims-configuration/content/configurations.html';
/** The AEM as a Cloud Service Target configuration of site wknd. */
export const CLOUD_TARGET = '/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target';
