import type { Span } from './in-frame/probe-api'

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/**
 * Round trips: the number of waves of requests, where a wave is a run of requests each of which
 * started while an earlier one of the wave was still in flight. Two requests in parallel cost one
 * round trip; a request that had to wait for another's answer costs a second.
 */
export function roundTrips(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  let waves = 0
  let waveEnd = -Infinity
  for (const span of sorted) {
    if (span.start >= waveEnd) waves++
    waveEnd = Math.max(span.start >= waveEnd ? span.end : waveEnd, span.end)
  }
  return waves
}

/** Most events in any window of windowMs (times in ms, any order). */
export function peakInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let peak = 0
  let from = 0
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++
    peak = Math.max(peak, to - from + 1)
  }
  return peak
}

/**
 * The fullest a leaky bucket of the portal's kind gets (each request adds one, `drainPerS` leak out
 * every second): Bitrix24 answers 503 QUERY_LIMIT_EXCEEDED once it would pass its size (50).
 */
export function bucketPeak(times: number[], drainPerS: number): number {
  let level = 0
  let peak = 0
  let last = -Infinity
  for (const at of [...times].sort((a, b) => a - b)) {
    level = Math.max(0, level - ((at - last) / 1000) * drainPerS) + 1
    last = at
    peak = Math.max(peak, level)
  }
  return peak
}
