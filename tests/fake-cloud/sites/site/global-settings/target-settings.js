// A site that sets Adobe's documented targetGlobalSettings before at.js loads, client code
// included; at.js lets these override the settings in its file.
window.targetGlobalSettings = {
  clientCode: 'acme',
  imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
  serverDomain: 'acme.tt.omtrdc.net',
  cookieDomain: 'acme-shop.test',
  timeout: 3000,
  globalMboxName: 'target-global-mbox',
  bodyHidingEnabled: true,
};
