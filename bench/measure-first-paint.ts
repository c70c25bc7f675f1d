import type { Browser } from '@playwright/test'
import { openBenchPage } from './browser'
import { FIRST_PAINT_TASK } from './config'
import { resetPortal, type BenchServers, type Side } from './servers'
import { assertThrottled, emulateSlowLink } from './slow-link'
import { roundTrips } from './stats'

export interface FirstPaintRun {
  /** Host page navigation start → the animation frame that first shows a message (line floor: its line). */
  ms: number
  /** Host page navigation start → the first animation frame with a composer that takes typing (the app only). */
  keystrokeMs?: number
  /** /rest/ requests the framed page started before the first message was in the DOM. */
  requests: number
  roundTrips: number
  methods: string[]
  /** Paths of the .js files the framed page asked for before the first message was in the DOM (e.g. /assets/x.js). */
  scripts: string[]
}

export interface FirstPaintOptions {
  /** Portal latency (ms) for every answer. */
  latencyMs: number
  /** Chromium's network emulation of a slow link (config.ts SLOW_LINK) on the card and its frame. */
  slowLink?: boolean
}

/**
 * Opens the demo task card cold (new context) and times the first message. The same for the floor
 * pages, which need one handshake and one REST call: the difference is what the app adds. The app
 * is also timed to the first composer that takes typing, in the same run.
 */
export async function firstPaintRun(
  browser: Browser,
  servers: BenchServers,
  side: Side,
  { latencyMs, slowLink = false }: FirstPaintOptions,
): Promise<FirstPaintRun> {
  await resetPortal(servers.portal, { latencyMs })
  const bench = await openBenchPage(browser, servers.origins[side], servers.portal)
  try {
    if (slowLink) await emulateSlowLink(bench.page)
    await bench.page.goto(servers.taskUrl(FIRST_PAINT_TASK, side))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 60_000 })
    // The composer loads after the first message: waited for on the app's side only (the floors have none).
    if (side === 'app') await frame.waitForFunction('window.__bench.composerReady !== null', undefined, { timeout: 60_000 }).catch(() => {})
    // Requests still in flight at the paint reach resource timing only when they finish.
    await bench.page.waitForTimeout(300 + latencyMs)
    const hostOrigin = (await bench.page.evaluate('performance.timeOrigin')) as number
    const seen = await bench.probe((p) => ({
      timeOrigin: p.timeOrigin,
      firstArticle: p.firstArticle!,
      firstPaint: p.firstPaint!,
      composerReady: p.composerReady,
      rest: p.rest,
      scripts: p.scripts,
    }))
    if (slowLink) assertThrottled(seen.scripts)
    // Cut at the DOM insertion (timed at the insertion itself, see probe.ts), not the paint: effects run in between and may already start the live poll.
    const before = seen.rest.filter((r) => r.start < seen.firstArticle)
    return {
      ms: seen.timeOrigin + seen.firstPaint - hostOrigin,
      ...(seen.composerReady !== null && { keystrokeMs: seen.timeOrigin + seen.composerReady - hostOrigin }),
      requests: before.length,
      roundTrips: roundTrips(before),
      methods: before.map((r) => new URL(r.url).pathname.slice('/rest/'.length)),
      scripts: seen.scripts.filter((s) => s.start < seen.firstArticle).map((s) => new URL(s.url).pathname),
    }
  } finally {
    await bench.close()
  }
}
