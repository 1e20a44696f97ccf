/*
 * Our stand-in for Adobe Experience Platform Web SDK (alloy), written for the fake. What a page
 * sees of the real one (I, from Adobe's Web SDK docs): the base code's `window.__alloyNS`
 * (instance names) and `window.alloy(command, options)` returning a promise; `configure`
 * takes a datastream id and the IMS org, and `sendEvent` posts to the Edge Network
 * (`https://edge.adobedc.net/ee/v1/interact?configId=<datastreamId>`). Target's client code
 * lives in the datastream's server-side configuration, never in the page.
 */
(function (win) {
  'use strict';
  var config = null;
  win.__alloyNS = win.__alloyNS || [];
  if (win.__alloyNS.indexOf('alloy') < 0) win.__alloyNS.push('alloy');
  win.alloy = function (command, options) {
    if (command === 'configure') { config = options; return Promise.resolve(); }
    if (command === 'sendEvent' && config) {
      return fetch('https://edge.adobedc.net/ee/v1/interact?configId=' + encodeURIComponent(config.datastreamId), {
        method: 'POST', credentials: 'include', headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ events: [{ xdm: (options && options.xdm) || {} }] }),
      }).then(function (r) { return r.json(); }).catch(function () { return {}; });
    }
    return Promise.resolve();
  };
})(window);
