import type { Browser } from '@playwright/test'
import { FIRST_PAINT_RUNS, LATENCIES_MS, RUNS } from './config'
import { firstPaintRun, type FirstPaintRun } from './measure-first-paint'
import type { BenchResults } from './results'
import type { BenchServers, Side } from './servers'

/** The key of the slow-link runs in BenchResults['firstPaint'] (the others are keyed by portal latency). */
export const SLOW_LINK_KEY = 'slow'

/**
 * Figures 2, 15 and 16 (and what 1 and 3 read off the same runs): the card opened cold, the app
 * beside the 50-article floor, at every latency and on the slow link, FIRST_PAINT_RUNS times each,
 * alternating, so that anything drifting on the machine falls on both sides alike. The line floor
 * (info since #23) runs RUNS times beside them at every latency, not on the slow link.
 */
export async function firstPaintRuns(
  browser: Browser,
  servers: BenchServers,
  step: (what: string) => void,
  latencies: readonly number[] = LATENCIES_MS,
  slowLink = true,
): Promise<BenchResults['firstPaint']> {
  const firstPaint: BenchResults['firstPaint'] = { app: {}, floor: {}, feed: {} }
  // Not counted: the first page a fresh browser opens also starts its renderer and caches, and as the
  // first of each pair it always fell on the app (780-2,800 ms against about 300 after it).
  for (const side of ['app', 'feed', 'floor'] as const) await firstPaintRun(browser, servers, side, { latencyMs: 0 })
  const into = (side: Side, key: string): FirstPaintRun[] => (firstPaint[side]![key] ??= [])
  for (const latency of latencies) {
    step(`first message, latency ${latency} ms (app, 50-article floor and line floor, alternating, ${FIRST_PAINT_RUNS} runs)`)
    for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
      into('app', String(latency)).push(await firstPaintRun(browser, servers, 'app', { latencyMs: latency }))
      into('feed', String(latency)).push(await firstPaintRun(browser, servers, 'feed', { latencyMs: latency }))
      if (i < RUNS) into('floor', String(latency)).push(await firstPaintRun(browser, servers, 'floor', { latencyMs: latency }))
    }
  }
  if (slowLink) {
    step(`first message on the slow link (app and 50-article floor, alternating, ${FIRST_PAINT_RUNS} runs)`)
    for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
      into('app', SLOW_LINK_KEY).push(await firstPaintRun(browser, servers, 'app', { latencyMs: 0, slowLink: true }))
      into('feed', SLOW_LINK_KEY).push(await firstPaintRun(browser, servers, 'feed', { latencyMs: 0, slowLink: true }))
    }
  }
  return firstPaint
}
