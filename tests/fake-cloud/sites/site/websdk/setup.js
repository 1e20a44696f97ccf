// The site's Web SDK setup: a datastream id and the org, no Target client code.
window.alloy('configure', { datastreamId: '3f0b1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', orgId: '0123456789ABCDEF01234567@AdobeOrg' });
window.alloy('sendEvent', { renderDecisions: true, xdm: { eventType: 'web.webpagedetails.pageViews' } });
