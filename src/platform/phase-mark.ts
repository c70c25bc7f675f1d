/**
 * A User Timing mark at a phase of the opening, once per page: tc:handshake, tc:batch-answered,
 * tc:first-frame, tc:typing (a message box takes typing: the early one, or the composer) and
 * tc:composer. Chromium's traces and the bench read where the time went from them. Costs a few
 * microseconds and shows nothing.
 */
export function phaseMark(name: `tc:${string}`): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name)
}
