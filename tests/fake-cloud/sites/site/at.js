/**
 * A stub of Adobe's at.js 2.x: the globals and the load event a page sees, without the
 * network calls (the delivery host is not part of the fake cloud, and tests run offline).
 */
(function () {
  'use strict';
  var settings = window.targetGlobalSettings || {};
  var config = {
    clientCode: settings.clientCode,
    imsOrgId: settings.imsOrgId,
    serverDomain: settings.serverDomain || (settings.clientCode + '.tt.omtrdc.net'),
    timeout: settings.timeout || 3000,
    globalMboxName: settings.globalMboxName || 'target-global-mbox',
    version: '2.11.4',
  };
  function resolved(value) { return Promise.resolve(value); }
  window.adobe = window.adobe || {};
  window.adobe.target = {
    VERSION: config.version,
    getOffer: function (opts) { if (opts && opts.success) opts.success([]); },
    getOffers: function () { return resolved({ execute: { pageLoad: {} } }); },
    applyOffer: function () {},
    applyOffers: function () { return resolved(); },
    trackEvent: function (opts) { if (opts && opts.success) opts.success(); },
    triggerView: function () {},
    sendNotifications: function () {},
    init: function () {},
  };
  document.dispatchEvent(new CustomEvent('at-library-loaded', { detail: { version: config.version } }));
})();
