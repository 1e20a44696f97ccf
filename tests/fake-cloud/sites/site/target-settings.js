// What a customer's site sets before at.js loads (Adobe's documented targetGlobalSettings);
// IMS Link reads clientCode and serverDomain from the page's world, not its own.
window.targetGlobalSettings = {
  clientCode: 'acme',
  imsOrgId: '0123456789ABCDEF01234567@AdobeOrg',
  serverDomain: 'acme.tt.omtrdc.net',
  cookieDomain: 'acme-shop.test',
  timeout: 3000,
  globalMboxName: 'target-global-mbox',
  bodyHidingEnabled: true,
};
