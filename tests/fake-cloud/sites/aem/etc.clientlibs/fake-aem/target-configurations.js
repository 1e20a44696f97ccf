// Adobe Target configurations console (AEMaaCS): plain links, so only readiness to report.
import { coralReady } from './foundation-form.js';

await coralReady();
document.documentElement.dataset.ready = 'true';
