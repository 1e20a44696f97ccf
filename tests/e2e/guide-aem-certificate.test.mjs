// JWT on AEM 6.5 with AEM's own certificate (issue 13, point 3, route A): two of the walks
// (the others are in guide-aem-certificate-gone.test.mjs; tests/e2e/aem-certificate-kit.mjs
// says why and holds the route's helpers).
import { aemCertificateKit } from './aem-certificate-kit.mjs';

const { walkTest } = aemCertificateKit();
walkTest(null, false);
walkTest('sha1-colons', true);
