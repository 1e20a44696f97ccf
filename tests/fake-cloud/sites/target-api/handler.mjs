// Fake Target Admin API on mc.adobe.io (shared/reference/adobe-surfaces.md §7): the gateway's
// token and key checks, then Target's own: media type, tenant, org, and the integration's role
// (Observer may read, only Editor may write, as the seed requires Editor).
import { randomUUID } from 'node:crypto';
import { cloudNow, dateHeader } from '../../clock.mjs';
import { newAbActivity, seedActivities } from './activities.mjs';
import { admit, PROFILE_NOT_VALID } from './gateway.mjs';

const V1 = 'application/vnd.adobe.target.v1+json';
// Target's default page size when no limit is given.
const DEFAULT_LIMIT = 2147483647;

/** Target's own error shape. */
function targetError(status, errorCode, message) {
  return { status, body: { httpStatus: status, requestId: randomUUID(), errors: [{ errorCode, message }] } };
}

const ROUTES = [
  { method: 'GET', pattern: /^\/([^/]+)\/target\/activities\/?$/, needs: 'observer', run: listActivities },
  { method: 'POST', pattern: /^\/([^/]+)\/target\/activities\/ab\/?$/, needs: 'editor', run: createAb },
];
const RANK = { observer: 1, editor: 2 };

export async function handle(req, res, ctx) {
  if (ctx.state.faults.targetRedirectTo) {
    // A client that follows this sends the Bearer token and the API key to the new address.
    res.writeHead(307, { location: ctx.state.faults.targetRedirectTo, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  const out = answer(req, ctx);
  // No CORS headers: mc.adobe.io is called from the extension's service worker only.
  return ctx.json(res, out.status, out.body, { date: dateHeader(ctx.state), 'content-type': out.type ?? 'application/json;charset=UTF-8' });
}

function answer(req, { url, body, state }) {
  const admitted = admit(req, state);
  if (!admitted.token) return admitted;
  const { token } = admitted;
  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  if (!route) return targetError(404, 'NotFound', `No resource at ${req.method} ${url.pathname}`);
  if (req.method === 'GET' && !accepts(req.headers.accept, V1)) {
    return targetError(406, 'NotAcceptable', `Accept must be ${V1}`);
  }
  const name = decodeURIComponent(route.pattern.exec(url.pathname)[1]);
  const tenant = Object.hasOwn(state.target, name) ? state.target[name] : null;
  if (!tenant) return targetError(404, 'NotFound', `Tenant ${name} not found`);
  if (tenant.orgId !== token.orgId) {
    return targetError(403, 'Forbidden', `Tenant ${name} does not belong to the organization of the access token`);
  }
  const role = tenant.roles?.[token.clientId];
  const record = (status) => state.targetApiCalls?.push({ method: req.method, path: url.pathname, tenant: name, clientId: token.clientId, role: role ?? null, status });
  if (!RANK[role]) {
    record(403);
    return PROFILE_NOT_VALID;
  }
  if (RANK[role] < RANK[route.needs]) {
    record(403);
    return targetError(403, 'Forbidden', `Insufficient permissions: role ${role} on tenant ${name} cannot change activities (Editor required)`);
  }
  tenant.activities ??= seedActivities();
  const out = route.run({ req, url, body, state, tenant });
  record(out.status);
  return out;
}

function mediaTypes(header) {
  return (header ?? '').split(',').map((t) => t.split(';')[0].trim().toLowerCase());
}

function accepts(header, type) {
  return mediaTypes(header).includes(type);
}

function listActivities({ url, tenant }) {
  const limit = intParam(url, 'limit', DEFAULT_LIMIT, 1);
  const offset = intParam(url, 'offset', 0, 0);
  if (limit === null || offset === null) return targetError(400, 'InvalidParameter', 'limit and offset must be non-negative integers (limit at least 1)');
  const activities = tenant.activities.slice(offset, offset + limit);
  return { status: 200, type: V1, body: { total: tenant.activities.length, offset, limit, activities } };
}

function intParam(url, name, fallback, min) {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  return /^\d+$/.test(raw) && Number.isSafeInteger(n) && n >= min ? n : null;
}

// Target accepts its v1 and v3 vendor types for activity bodies, and answers in the one sent.
function createAb({ req, body, state, tenant }) {
  const type = mediaTypes(req.headers['content-type'])[0];
  if (!/^application\/vnd\.adobe\.target\.v[13]\+json$/.test(type)) {
    return targetError(415, 'UnsupportedMediaType', `Content-Type must be ${V1} or application/vnd.adobe.target.v3+json`);
  }
  let input;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return targetError(400, 'InvalidJson', 'Request body is not valid JSON');
  }
  if (typeof input?.name !== 'string' || input.name.trim() === '') return targetError(400, 'InvalidParameter', 'name is required');
  const activity = newAbActivity(tenant, input, cloudNow(state));
  tenant.activities.unshift(activity);
  return { status: 200, type, body: activity };
}
