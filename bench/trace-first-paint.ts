/**
 * `npm run bench:trace`: where the app's time to its first message goes, beside the 50-article
 * floor's. Opens the demo card cold once per side (after an untraced opening of each, as the bench
 * does), at portal latency 0 and on the slow link, records a Chromium trace (devtools.timeline, v8
 * and its CPU profiler, user timing) and prints: the steps to the first message on the host page's
 * clock (handshake, network, render), the framed page's main-thread time by kind (script, style,
 * layout, paint), script compile and JS self time per chunk, JS self time by our source file, the
 * app's `tc:` performance marks, and each one's gap to the floor. The traces are kept in
 * bench-results/traces/ (open them in DevTools' Performance panel); the numbers in
 * bench-results/trace-first-paint.json.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { launchBrowser, openBenchPage } from './browser'
import { buildApp, buildFeedFloor, buildFloor } from './build-bundles'
import { APP_DIST, FIRST_PAINT_TASK, FLOOR_FEED_DIST, RESULTS_DIR } from './config'
import { firstPaintRun } from './measure-first-paint'
import { resetPortal, startServers, type BenchServers } from './servers'
import { emulateSlowLink } from './slow-link'
import { analyseTrace } from './trace-analyse'
import { printTrace, type TracedOpening } from './trace-print'

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
  'toplevel',
]
const SYNC_MARK = 'bench:trace-sync'

type Browser = Awaited<ReturnType<typeof launchBrowser>>

/** Openings traced per side and condition; the one with the median time to the first message is printed. */
const TRACE_RUNS = Number(process.env['BENCH_TRACE_RUNS'] ?? 3)

async function tracedOpening(browser: Browser, servers: BenchServers, side: 'app' | 'feed', slowLink: boolean): Promise<TracedOpening & { trace: Buffer }> {
  await resetPortal(servers.portal, { latencyMs: 0 })
  const bench = await openBenchPage(browser, servers.origins[side], servers.portal)
  // Bytes as they came over the wire (compressed), per request of the framed page: REST answers and scripts.
  const bytes: TracedOpening['bytes'] = { rest: [], scripts: 0 }
  bench.page.on('requestfinished', (request) => {
    const url = new URL(request.url())
    const rest = url.origin === servers.portal && url.pathname.startsWith('/rest/')
    if (!rest && !(url.origin === servers.origins[side] && url.pathname.endsWith('.js'))) return
    request
      .sizes()
      .then((sizes) => (rest ? bytes.rest.push(sizes.responseBodySize) : (bytes.scripts += sizes.responseBodySize)))
      .catch(() => {})
  })
  try {
    if (slowLink) await emulateSlowLink(bench.page)
    await browser.startTracing(bench.page, { categories: CATEGORIES })
    await bench.page.goto(servers.taskUrl(FIRST_PAINT_TASK, side))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 60_000 })
    if (side === 'app') await frame.waitForFunction('window.__bench.composerReady !== null', undefined, { timeout: 30_000 }).catch(() => {})
    await bench.page.waitForTimeout(300)
    await frame.evaluate(`performance.mark(${JSON.stringify(SYNC_MARK)})`)
    const trace = await browser.stopTracing()
    const hostOrigin = (await bench.page.evaluate('performance.timeOrigin')) as number
    const seen = await bench.probe((p) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      return {
        timeOrigin: p.timeOrigin,
        documentEnd: nav?.responseEnd ?? NaN,
        handshakeAt: p.handshakeAt,
        firstArticle: p.firstArticle!,
        firstPaint: p.firstPaint!,
        composerReady: p.composerReady,
        rest: p.rest,
        scripts: p.scripts,
        marks: p.marks(),
      }
    })
    const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Parameters<typeof analyseTrace>[0] }).traceEvents
    const breakdown = analyseTrace(events, servers.origins[side], SYNC_MARK, seen.firstPaint, side === 'app' ? APP_DIST : FLOOR_FEED_DIST)
    return { ...seen, frameStart: seen.timeOrigin - hostOrigin, breakdown, bytes, trace }
  } finally {
    await bench.close()
  }
}

await mkdir(`${RESULTS_DIR}/traces`, { recursive: true })
console.log('[trace] building the app and the floors (hidden source maps)')
await buildApp({ sourcemap: true })
await buildFloor()
await buildFeedFloor({ sourcemap: true })
const servers = await startServers()
const browser = await launchBrowser()
const all: Record<string, { app: TracedOpening; feed: TracedOpening; totals: { app: number[]; feed: number[] } }> = {}
const total = (o: TracedOpening) => o.frameStart + o.firstPaint
/** The opening with the median time to its first message (the lower middle of an even count). */
const medianOf = <T extends TracedOpening>(runs: T[]): T => [...runs].sort((a, b) => total(a) - total(b))[Math.floor((runs.length - 1) / 2)]!
try {
  // Untraced: a fresh browser's first openings also start its renderers and caches.
  for (const side of ['app', 'feed'] as const) await firstPaintRun(browser, servers, side, { latencyMs: 0 })
  for (const slowLink of [false, true]) {
    const condition = slowLink ? 'slow link (150 ms round trip, 1.6 Mbit/s down), portal latency 0' : 'portal latency 0 ms'
    console.log(`[trace] ${condition}: the app and the 50-article floor, alternating, ${TRACE_RUNS} each`)
    const runs = { app: [] as Awaited<ReturnType<typeof tracedOpening>>[], feed: [] as Awaited<ReturnType<typeof tracedOpening>>[] }
    for (let i = 0; i < TRACE_RUNS; i++) for (const side of ['app', 'feed'] as const) runs[side].push(await tracedOpening(browser, servers, side, slowLink))
    const chosen = { app: medianOf(runs.app), feed: medianOf(runs.feed) }
    for (const side of ['app', 'feed'] as const)
      await writeFile(`${RESULTS_DIR}/traces/${slowLink ? 'slow-link' : 'latency-0'}-${side}.json`, chosen[side].trace)
    // The traces are in their files; the JSON keeps the numbers.
    const app: TracedOpening = { ...chosen.app, trace: undefined } as TracedOpening
    const feed: TracedOpening = { ...chosen.feed, trace: undefined } as TracedOpening
    const totals = { app: runs.app.map(total), feed: runs.feed.map(total) }
    all[condition] = { app, feed, totals }
    printTrace(condition, app, feed, totals)
  }
  await writeFile(`${RESULTS_DIR}/trace-first-paint.json`, `${JSON.stringify(all, null, 2)}\n`)
  console.log(`Written: ${RESULTS_DIR}/trace-first-paint.json, ${RESULTS_DIR}/traces/*.json`)
} finally {
  await browser.close()
  await servers.close()
}
