// The fake AEM author (6.5 on premise and AEM as a Cloud Service share it; the host tells
// them apart). Pages are rendered from state so a test sees what it set up.
import { serveCoral } from './lib/coral-assets.mjs';
import { coralPage, sendHtml } from './lib/html.mjs';

export async function handle(req, res, ctx) {
  const path = ctx.url.pathname;
  if (req.method === 'GET' && serveCoral(res, path)) return true;
  if (path === '/coral-smoke.html') {
    return sendHtml(res, coralPage({ title: 'smoke', body: `<form id=f>
<coral-select name="sel" placeholder="Choose"><coral-select-item value="a">A</coral-select-item><coral-select-item value="target">Adobe Target</coral-select-item></coral-select>
<coral-switch name="sw" value="true">Create new certificate</coral-switch>
<input is="coral-textfield" name="tf" aria-label="x">
<coral-checkbox name="cb" value="true">Check</coral-checkbox>
<textarea is="coral-textarea" name="ta"></textarea>
<coral-wizardview><coral-steplist coral-wizardview-steplist><coral-step>One</coral-step><coral-step>Two</coral-step></coral-steplist>
<coral-panelstack coral-wizardview-panelstack><coral-panel class="foundation-wizard-step">P1 <input is="coral-textfield" name="p1"></coral-panel><coral-panel class="foundation-wizard-step">P2 <input is="coral-textfield" name="p2"></coral-panel></coral-panelstack></coral-wizardview>
<button is="coral-button" icon="add" variant="cta">Create</button>
</form>` }));
  }
  return false;
}
