import type { Browser } from '@playwright/test'
import { openBenchPage } from './browser'
import { FIRST_PAINT_TASK } from './config'
import { resetPortal, type BenchServers } from './servers'
import { roundTrips } from './stats'

export interface FirstPaintRun {
  /** Host page navigation start → the animation frame that first shows a message (floor: its line). */
  ms: number
  /** /rest/ requests the framed page started before the first message was in the DOM. */
  requests: number
  roundTrips: number
  methods: string[]
  /** Paths of the .js files the framed page asked for before the first message was in the DOM (e.g. /assets/x.js). */
  scripts: string[]
}

/**
 * Opens the demo task card cold (new context) and times the first message. The same for the floor
 * page, which needs one handshake and one REST call: the difference is what the app adds.
 */
export async function firstPaintRun(browser: Browser, servers: BenchServers, latencyMs: number, floor: boolean): Promise<FirstPaintRun> {
  await resetPortal(servers.portal, { latencyMs })
  const bench = await openBenchPage(browser, floor ? servers.floorOrigin : servers.appOrigin, servers.portal)
  try {
    await bench.page.goto(servers.taskUrl(FIRST_PAINT_TASK, floor))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
    // Requests still in flight at the paint reach resource timing only when they finish.
    await bench.page.waitForTimeout(300 + latencyMs)
    const hostOrigin = (await bench.page.evaluate('performance.timeOrigin')) as number
    const seen = await bench.probe((p) => ({
      timeOrigin: p.timeOrigin,
      firstArticle: p.firstArticle!,
      firstPaint: p.firstPaint!,
      rest: p.rest,
      scripts: p.scripts,
    }))
    // Cut at the DOM insertion (timed at the insertion itself, see probe.ts), not the paint: effects run in between and may already start the live poll.
    const before = seen.rest.filter((r) => r.start < seen.firstArticle)
    return {
      ms: seen.timeOrigin + seen.firstPaint - hostOrigin,
      requests: before.length,
      roundTrips: roundTrips(before),
      methods: before.map((r) => new URL(r.url).pathname.slice('/rest/'.length)),
      scripts: seen.scripts.filter((s) => s.start < seen.firstArticle).map((s) => new URL(s.url).pathname),
    }
  } finally {
    await bench.close()
  }
}
