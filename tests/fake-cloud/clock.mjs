// The fake cloud's own clock. Tests skew it (state.faults.clockSkewMs) to play a machine
// whose clock disagrees with Adobe's: IMS and the Target API must judge expiry by the same
// "now", and announce it in the Date header, as the real services do.

/** Adobe's "now" in ms since the epoch, skewed by state.faults.clockSkewMs when set. */
export function cloudNow(state) {
  return Date.now() + (Number(state.faults?.clockSkewMs) || 0);
}

/** The Date header value for Adobe's "now" (Node's own Date header would ignore the skew). */
export function dateHeader(state) {
  return new Date(cloudNow(state)).toUTCString();
}
