// Activities a fresh tenant shows, shaped like GET /{tenant}/target/activities items.

export function seedActivities() {
  return [
    { id: 168816, name: 'Homepage hero A/B test', type: 'ab', state: 'approved', priority: 0, modifiedAt: '2026-10-14T09:12:31Z', workspace: '1234567' },
    { id: 168813, name: 'Checkout button copy', type: 'ab', state: 'saved', priority: 5, modifiedAt: '2026-10-02T16:40:07Z', workspace: '1234567' },
    { id: 168799, name: 'Recommendations by segment (XT)', type: 'xt', state: 'deactivated', priority: 10, modifiedAt: '2026-08-21T11:05:52Z', workspace: '1234567' },
  ];
}

/** A created A/B activity as Target stores it (id after the highest one, state "saved" unless given). */
export function newAbActivity(tenant, input, nowMs) {
  const id = Math.max(168000, ...tenant.activities.map((a) => a.id)) + 1;
  return {
    id,
    name: input.name,
    type: 'ab',
    state: input.state ?? 'saved',
    priority: input.priority ?? 0,
    modifiedAt: new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    workspace: input.workspace ?? '1234567',
  };
}
