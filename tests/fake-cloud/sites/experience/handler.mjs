// Data the Target screens of the Unified Shell load by XHR. Only Administration >
// Implementation needs any: its "Account details" (client code and IMS org of a tenant).
export async function handle(req, res, { url, state, json }) {
  if (url.pathname !== '/target/api/account') return false;
  const tenant = url.searchParams.get('tenant');
  const found = Object.entries(state.orgs).find(([, o]) => o.tenant === tenant);
  if (!found) return json(res, 404, { httpStatus: 404, errors: [{ errorCode: 'TenantNotFound', message: `No Target tenant ${tenant}` }] });
  const [orgId, org] = found;
  return json(res, 200, { tenant, clientCode: org.clientCode ?? tenant, imsOrgId: orgId, orgName: org.name });
}
