// Experience Cloud solution UIs, as the Unified Shell loads them in its iframe (adobe-surfaces.md
// §8 "Target pages", V: `https://experience.adobe.net/solutions/<app>/` and
// `https://exc-unifiedcontent.experience.adobe.net/solutions/<app>/`; which one Target's frame
// uses is I, so the fake serves Target on both). Only `/solutions/...` exists on these hosts.
// Target's frame loads its data from its own origin: "Account details" (client code and IMS
// org of a tenant) from `/solutions/target/api/account?tenant=`.

/** The origins the fake shell may load Target from. */
export const SOLUTION_ORIGINS = ['https://experience.adobe.net', 'https://exc-unifiedcontent.experience.adobe.net'];

export async function handle(req, res, { url, state, json }) {
  if (!url.pathname.startsWith('/solutions/')) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>404</title><h1>Not found</h1>');
    return true;
  }
  if (url.pathname !== '/solutions/target/api/account') return false;
  const tenant = url.searchParams.get('tenant');
  const found = Object.entries(state.orgs).find(([, o]) => o.tenant === tenant);
  if (!found) return json(res, 404, { httpStatus: 404, errors: [{ errorCode: 'TenantNotFound', message: `No Target tenant ${tenant}` }] });
  const [orgId, org] = found;
  // How the page draws the ⓘ beside each label (G, PAGES.md): the frame asks along with the values.
  return json(res, 200, { tenant, clientCode: org.clientCode ?? tenant, imsOrgId: orgId, orgName: org.name, infoIcon: state.shell?.infoIcon ?? 'button' });
}
