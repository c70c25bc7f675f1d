/**
 * Bitrix24 prints dates in the portal's time zone with a fixed offset, e.g.
 * `2026-03-04T09:43:26+03:00`. The local portal pretends to live in Moscow time.
 */
const OFFSET_MINUTES = 180
const OFFSET_TEXT = '+03:00'

/** ISO 8601 with the portal offset, seconds precision. `unixSeconds` may be fractional. */
export function portalIso(unixSeconds: number): string {
  const shifted = new Date((Math.floor(unixSeconds) + OFFSET_MINUTES * 60) * 1000)
  return shifted.toISOString().slice(0, 19) + OFFSET_TEXT
}

/** Unix seconds of a wall-clock time in the portal zone. */
export function portalTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - OFFSET_MINUTES * 60
}

export function nowSeconds(): number {
  return Date.now() / 1000
}
