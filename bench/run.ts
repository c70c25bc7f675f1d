/**
 * `npm run bench`: the performance figures of DESIGN.md's "Budgets", measured against the local
 * portal in headless Chromium, printed and written to bench-results/. A report, not a test: it
 * exits 0 whatever is over budget (and non-zero only if it could not measure).
 */
import { mkdir } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { launchBrowser } from './browser'
import { buildApp, buildFeedFloor, buildFloor } from './build-bundles'
import { APP_DIST, ARRIVALS, FIRST_PAINT_RUNS, FLOOR_DIST, FLOOR_FEED_DIST, LEGACY_TARGET, LOADED_TARGET, RESULTS_DIR, RUNS } from './config'
import { tableRows } from './budgets'
import { measureInitialJs } from './initial-js'
import { firstPaintOnly } from './first-paint-only'
import { firstPaintRuns } from './first-paint-runs'
import type { FirstPaintRun } from './measure-first-paint'
import { historyRun, type HistoryRun } from './measure-history'
import { conversationWindow } from './conversation-window'
import { liveOnly } from './live-only'
import { pagingTabsOnly } from './paging-tabs-only'
import { pagingTabsRun, type PagingTabsRun } from './measure-paging-tabs'
import { overBudget, textTable, updateReadme, writeResults } from './report'
import type { BenchResults } from './results'
import { startServers } from './servers'

const started = Date.now()
const step = (what: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}`)

const loadAtStart = loadavg()[0]!
// Timings (first message, long tasks, frame times) mean little on a machine that is busy with something else.
if (loadAtStart > cpus().length / 2) console.warn(`[bench] load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores: timings will read high`)
await mkdir(RESULTS_DIR, { recursive: true })
step('building the app and the floor pages')
await buildApp()
await buildFloor()
await buildFeedFloor()

const servers = await startServers()
const browser = await launchBrowser()
try {
  // BENCH_ONLY=paging-tabs: figure 13 alone (and the first-message runs at latency 0 its budget needs).
  // BENCH_ONLY=live: the live figures (8, 10, 11, 12, 14) alone, without the jumps.
  // BENCH_ONLY=first-paint: figures 1, 2, 3, 15 and 16 (the card opened cold) alone.
  const only = process.env['BENCH_ONLY']
  if (only === 'paging-tabs' || only === 'live' || only === 'first-paint') {
    await { live: liveOnly, 'paging-tabs': pagingTabsOnly, 'first-paint': firstPaintOnly }[only](browser, servers, step)
    await browser.close()
    await servers.close()
    process.exit(0)
  }
  const firstPaint = await firstPaintRuns(browser, servers, step)

  // After the first-paint runs: what each page asked for before its first message counts too.
  const fetched = (runs: Record<string, FirstPaintRun[]>) => [...new Set(Object.values(runs).flatMap((rs) => rs.flatMap((r) => r.scripts)))]
  const initialJs = {
    app: await measureInitialJs(APP_DIST, fetched(firstPaint.app)),
    floor: await measureInitialJs(FLOOR_DIST, fetched(firstPaint.floor)),
    feed: await measureInitialJs(FLOOR_FEED_DIST, fetched(firstPaint.feed ?? {})),
  }

  const modern: HistoryRun[] = []
  for (let i = 0; i < RUNS; i++) {
    step(`modern portal: page to ${LOADED_TARGET.toLocaleString('en-US')}, DOM, heap, scroll, a jump back and forth, heap (run ${i + 1}/${RUNS})`)
    modern.push(await historyRun(browser, servers, { legacy: false, target: LOADED_TARGET, full: true }))
  }
  // The conversation window (idle, hidden and paired tabs, arrivals, changes, jumps, five cards) is mostly waiting
  // for polls, and the legacy runs only count requests: they run side by side rather than adding
  // minutes of waiting each. The window has a portal of its own, which the legacy runs' resets and
  // legacy-IM conditions do not touch.
  step(
    `conversation window (idle, hidden and two-tab cards, ${RUNS} changes in quiet cards, then ${RUNS} jumps beside ${RUNS}x${ARRIVALS} arrivals with changes, then five cards of five tasks), beside the legacy runs`,
  )
  const conversationRuns = conversationWindow(browser, servers.conversation)
  // Awaited after the legacy runs; until then a failure must not count as unhandled.
  conversationRuns.catch(() => {})
  const legacy: HistoryRun[] = []
  for (let i = 0; i < RUNS; i++) {
    step(`legacy portal: page to ${LEGACY_TARGET.toLocaleString('en-US')} (run ${i + 1}/${RUNS})`)
    legacy.push(await historyRun(browser, servers, { legacy: true, target: LEGACY_TARGET, full: false }))
  }
  const pagingTabs: PagingTabsRun[] = []
  for (let i = 0; i < RUNS; i++) {
    step(`two tabs paging back to ${LOADED_TARGET.toLocaleString('en-US')} at once under one bucket, beside the conversation window (run ${i + 1}/${RUNS})`)
    pagingTabs.push(await pagingTabsRun(servers))
  }
  step('legacy and two-tab runs done; waiting for the conversation window')
  const conversation = await conversationRuns

  const results: BenchResults = {
    date: new Date().toISOString(),
    environment: { node: process.version, chromium: `Chromium ${browser.version()}`, cpus: cpus().length, loadAvg: [loadAtStart, loadavg()[0]!] },
    runs: RUNS,
    firstPaintRuns: FIRST_PAINT_RUNS,
    firstPaint,
    initialJs,
    modern,
    legacy,
    conversation,
    pagingTabs,
    seconds: (Date.now() - started) / 1000,
  }
  const rows = tableRows(results)
  await writeResults(results, rows)
  await updateReadme(results, rows)
  console.log(`\n${textTable(rows)}\n`)
  const over = overBudget(rows)
  console.log(over.length === 0 ? 'Everything within budget.' : `Over budget: ${over.map((r) => r.figure).join('; ')}`)
  console.log(`Written: ${RESULTS_DIR}/bench.json, ${RESULTS_DIR}/bench.md, README.md "## Benchmark"`)
} finally {
  await browser.close()
  await servers.close()
}
