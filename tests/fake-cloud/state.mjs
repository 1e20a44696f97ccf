// The fake cloud's shared state: what Adobe would hold about orgs, Console credentials,
// issued tokens and Target tenants. Tests change it directly to set up each case; the fake
// Console, IMS and Target API all read and write the same object.

export const ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';
export const CONSOLE_ORG_ID = '1234567';
/** The OAuth Server-to-Server and the Service Account (JWT) credential of `createState()`. */
export const OAUTH_CLIENT_ID = '5f0a1b2c3d4e5f60718293a4b5c6d7e8';
export const JWT_CLIENT_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** A second org, so org switching and per-tenant pages have something to differ on. */
export const WERETAIL_ORG_ID = 'FEDCBA9876543210FEDCBA98@AdobeOrg';

/** A fresh state with one org ("acme"), one OAuth and one JWT credential, both Editors on Target. */
export function createState() {
  return {
    orgs: {
      [ORG_ID]: { name: 'Acme Corp', tenant: 'acme', clientCode: 'acme', consoleOrgId: CONSOLE_ORG_ID },
      [WERETAIL_ORG_ID]: { name: 'WeRetail Production', tenant: 'weretailprod', clientCode: 'weretailprod', consoleOrgId: '7654321' },
    },
    /** Developer Console credentials, by client id. */
    credentials: {
      [OAUTH_CLIENT_ID]: {
        type: 'oauth', // 'oauth' (OAuth Server-to-Server) or 'jwt' (Service Account (JWT))
        projectId: '4566206088344794932',
        projectName: 'AEM Target integration',
        credentialId: '97531',
        clientSecret: 'p8e-OAUTHsecret0123456789abcdefXYZ',
        orgId: ORG_ID,
        technicalAccountId: 'A1B2C3D4E5F6A7B8C9D0E1F2@techacct.adobe.com',
        technicalAccountEmail: '3c9ae1d2-5d3b-4d6e-9f5b-1d2e3f4a5b6c@techacct.adobe.com',
        scopes: ['openid', 'AdobeID', 'target_sdk', 'additional_info.projectedProductContext', 'read_organizations', 'additional_info.roles'],
        metascopes: [],
        certificates: [], // PEM strings uploaded to the credential (JWT only)
        migratedToOAuth: false, // a JWT credential converted by Adobe: the JWT exchange then fails
      },
      [JWT_CLIENT_ID]: {
        type: 'jwt',
        projectId: '4566206088344794933',
        projectName: 'AEM Target integration (JWT)',
        credentialId: '97532',
        clientSecret: 'p8e-JWTsecret9876543210fedcbaABC',
        orgId: ORG_ID,
        technicalAccountId: 'F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com',
        technicalAccountEmail: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a@techacct.adobe.com',
        scopes: [],
        metascopes: ['ent_marketing_sdk'],
        certificates: [],
        migratedToOAuth: false,
      },
    },
    /** Access tokens IMS issued: token -> { clientId, orgId, expiresAt (ms) }. */
    tokens: {},
    /** Target tenants: tenant -> { orgId, roles: { clientId: 'editor' | 'observer' } }. */
    target: {
      acme: {
        orgId: ORG_ID,
        roles: { '5f0a1b2c3d4e5f60718293a4b5c6d7e8': 'editor', a1b2c3d4e5f60718293a4b5c6d7e8f90: 'editor' },
      },
    },
    /** Faults tests switch on: { imsHang: bool, imsFailNext: number of 500s before success,
     *  imsDelayMs: how late IMS answers, imsRedirectTo / targetRedirectTo: an address IMS /
     *  the Target API answers 307 to }. */
    faults: { imsHang: false, imsFailNext: 0, imsDelayMs: 0, imsRedirectTo: null, targetRedirectTo: null, imsAnswer: null },
    /** What reached the attacker's collector host (sites/collector): must stay empty. */
    collected: [],
    /** Forms the fake AEM received: [{ path, fields }] in arrival order. */
    aemSubmissions: [],
    /**
     * What the fake AEM author stores (sites/aem/handler.mjs). imsConfigs: Adobe IMS
     * Configurations { id, title, cloudServiceName, authType: 'jwt' | 'oauth', clientId, and what
     * Check Health uses: clientSecret, scope, orgId, authServerUrl, keypairAlias, jwtClaims };
     * keypairs (optional): AEM's keystore, alias -> { certificate, privateKey } (PEM);
     * keystore (optional): { password } once the authentication-service key store exists
     * (sites/aem/pages/keystore.mjs creates it; absent: the page offers "Create KeyStore");
     * healthText (optional): 'plain' for AEM's Check Health failure without IMS's answer;
     * targetConfigs: Target cloud configurations { path, title, tenant, clientCode, imsConfigId, fields }
     * (fields: the last form saved; absent on a 6.5 configuration only created so far);
     * confSites (optional, default ['wknd']): the /conf containers the AEMaaCS Target console lists;
     * actions: buttons clicked that would call Adobe ({ action, ... }: 'checkHealth', 'connectTarget').
     */
    aem: {
      imsConfigs: [
        { id: 'analytics-ims-1', title: 'Adobe Analytics', cloudServiceName: 'Adobe Analytics', authType: 'jwt', clientId: 'b2c3d4e5f60718293a4b5c6d7e8f9001' },
      ],
      targetConfigs: [],
      actions: [],
    },
    /** Calls the fake Target API let through to a tenant: [{ method, path, tenant, clientId, role, status }].
     *  (Each tenant may also hold `activities`; the Target API seeds realistic ones when absent.) */
    targetApiCalls: [],
    /** Answers the fake IMS sent, with its own handling time: [{ path, status, durMs }]
     *  (also sent as `Server-Timing: app;dur=<ms>`). */
    imsTimings: [],
  };
}
