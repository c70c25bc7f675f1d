/**
 * A User Timing mark at a phase of the opening (tc:handshake, tc:batch-answered, tc:first-frame,
 * tc:composer), once per page: Chromium's traces and the bench read where the time went from
 * them. Costs a few microseconds and shows nothing.
 */
export function phaseMark(name: `tc:${string}`): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}
