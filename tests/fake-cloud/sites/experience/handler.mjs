// The Unified Shell's own data. Target's screens are not here: like the real shell, this page
// loads them in an iframe from the solutions origin (sites/solutions/, PAGES.md "Target").
import { SOLUTION_ORIGINS } from '../solutions/handler.mjs';

export { SOLUTION_ORIGINS };

/**
 * `/shell/api/config`: where the shell loads solution UIs from (`state.shell.solutionsOrigin`,
 * one of SOLUTION_ORIGINS; which one Target really uses is I, so tests run both) and the extra
 * frames a test puts next to Target's (`state.shell.extraFrames`: addresses of other frames on
 * the same top page, e.g. a hostile one), and what an address without `@<org>` does
 * (`state.shell.withoutOrg`: 'route', the default, keeps the route and adds the org;
 * 'default' lands on the org's default route, Target's Activities; which one is G, PAGES.md).
 */
export async function handle(req, res, { url, state, json }) {
  if (url.pathname === '/shell/api/config') {
    const shell = state.shell ?? {};
    return json(res, 200, {
      solutionsOrigin: SOLUTION_ORIGINS.includes(shell.solutionsOrigin) ? shell.solutionsOrigin : SOLUTION_ORIGINS[0],
      extraFrames: shell.extraFrames ?? [],
      withoutOrg: shell.withoutOrg === 'default' ? 'default' : 'route',
    });
  }
  return false;
}
