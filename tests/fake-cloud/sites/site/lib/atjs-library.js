/*
 * Our stand-in for Adobe's at.js 2.x library (written for the fake; no Adobe code). It behaves
 * like the real one in what a page, and so IMS Link, can observe (adobe-surfaces.md §8, V from
 * real at.js builds and Target's docs):
 * - before init, `window.adobe.target` holds only `init`; the settings are the argument of
 *   `adobe.target.init(window, document, {...})`, written into the at.js file Target serves;
 * - init merges `window.targetGlobalSettings` over them (an optional override: most sites set
 *   none, or only timeouts), keeps the result private (nothing on `window` holds it), then
 *   replaces `adobe.target` with the public API (VERSION, event, getOffer(s), applyOffer(s),
 *   trackEvent, triggerView, sendNotifications, registerExtension, init);
 * - unless `pageLoadEnabled` is false, it posts the page-load delivery request to
 *   `https://<serverDomain>/rest/v1/delivery?client=<clientCode>&sessionId=…&version=…`
 *   (text/plain body, XHR with credentials), also when serverDomain is a first-party CNAME.
 */
(function (win, doc) {
  'use strict';
  var VERSION = '2.11.4';
  var EVENTS = {
    LIBRARY_LOADED: 'at-library-loaded', REQUEST_START: 'at-request-start', REQUEST_SUCCEEDED: 'at-request-succeeded',
    REQUEST_FAILED: 'at-request-failed', CONTENT_RENDERING_START: 'at-content-rendering-start',
    CONTENT_RENDERING_SUCCEEDED: 'at-content-rendering-succeeded', CONTENT_RENDERING_FAILED: 'at-content-rendering-failed',
    CONTENT_RENDERING_NO_OFFERS: 'at-content-rendering-no-offers', CONTENT_RENDERING_REDIRECT: 'at-content-rendering-redirect',
  };
  var sessionId = Math.random().toString(16).slice(2) + Date.now().toString(16);

  function emit(name, detail) { doc.dispatchEvent(new CustomEvent(name, { detail: detail || {} })); }

  function deliver(config, request) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      var url = 'https://' + config.serverDomain + '/rest/v1/delivery?client=' + encodeURIComponent(config.clientCode) +
        '&sessionId=' + sessionId + '&version=' + VERSION;
      xhr.open('POST', url, true);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Content-Type', 'text/plain');
      xhr.timeout = config.timeout;
      xhr.onload = function () { emit(EVENTS.REQUEST_SUCCEEDED); resolve(xhr.responseText); };
      xhr.onerror = xhr.ontimeout = function () { emit(EVENTS.REQUEST_FAILED); reject(new Error('request failed')); };
      emit(EVENTS.REQUEST_START);
      xhr.send(JSON.stringify({ requestId: sessionId, context: { channel: 'web', address: { url: win.location.href } }, execute: request }));
    });
  }

  function init(w, d, fileSettings) {
    if (w.adobe.target && w.adobe.target.getOffer) return; // initialised once
    var config = {};
    var key;
    for (key in fileSettings) config[key] = fileSettings[key];
    var overrides = w.targetGlobalSettings || {};
    for (key in overrides) config[key] = overrides[key];
    d.cookie = 'mbox=session#' + sessionId + '#' + (Math.floor(Date.now() / 1000) + 1860) + '; path=/';
    w.adobe.target = {
      VERSION: VERSION,
      event: EVENTS,
      getOffer: function (opts) { deliver(config, { mboxes: [{ name: opts.mbox }] }).then(function () { if (opts.success) opts.success([]); }); },
      getOffers: function (opts) { return deliver(config, (opts && opts.request && opts.request.execute) || {}).then(function () { return {}; }); },
      applyOffer: function () {},
      applyOffers: function () { return Promise.resolve(); },
      trackEvent: function (opts) { if (opts && opts.success) opts.success(); },
      triggerView: function () {},
      sendNotifications: function () {},
      registerExtension: function () {},
      init: init,
    };
    emit(EVENTS.LIBRARY_LOADED);
    if (config.enabled !== false && config.pageLoadEnabled !== false) deliver(config, { pageLoad: {} }).catch(function () {});
  }

  win.adobe = win.adobe || {};
  win.adobe.target = { init: init };
})(window, document);
