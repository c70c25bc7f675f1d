import type { Browser } from '@playwright/test'
import { openBenchPage, type RestRequest } from './browser'
import { HEAP_JUMP_BACK, HISTORY_TASK, RATE_BURST, SCROLL_STEP_PX, SCROLL_THROUGH } from './config'
import { heapAfterGc } from './heap'
import type { DomStats, ScrollResult, Span } from './in-frame/probe-api'
import { jumpBackAndForth, resultBack, type JumpRun } from './measure-jump'
import { resetPortal, type BenchServers } from './servers'
import { bucketPeak, peakInWindow } from './stats'

interface PagingFigures {
  /** Messages loaded when paging stopped (the target, or where history or the app stalled). */
  loaded: number
  /** Messages the paging added (loaded minus the opening page). */
  added: number
  ms: number
  /** Every /rest/ request during the paging, polls included: what the portal sees. */
  requests: number
  /** Of those, the live poll's. */
  polls: number
  /** Requests per 1,000 messages added, without the live poll (it runs on a timer, scrolling or not). */
  perThousand: number
  /** The same with the live poll: what the portal saw while the reader paged. */
  perThousandWithPolls: number
  byMethod: Record<string, number>
  /** Most requests in any one second after the first RATE_BURST of the session. */
  peakPerSecondAfterBurst: number
  /** The portal's leaky bucket (2/s) at its fullest during the session; 503 beyond 50. */
  bucketPeak: number
  /** Answers 503 (QUERY_LIMIT_EXCEEDED) during the session. */
  rateLimited: number
  /** Gaps between successive history requests, ms: the first five and the last five (how page cost grows). */
  pageGapsFirst: number[]
  pageGapsLast: number[]
  /** Long tasks in the app frame while the pages came in. */
  longTasks: Span[]
}

export interface HistoryRun {
  paging: PagingFigures
  /** The session's /rest/ requests, `at` in ms from the start of paging: for seeing where time went. */
  requestLog: RestRequest[]
  /** Modern portal only: the DOM, the heap and a scroll through SCROLL_THROUGH messages. */
  dom?: DomStats
  heapBytes?: number
  scroll?: ScrollResult
  /** Then a jump HEAP_JUMP_BACK behind the newest (beyond what is loaded) and "Jump to latest": the jump, and the heap after both. */
  farJump?: JumpRun & { back: number }
  heapAfterJumpsBytes?: number
}

const STALL_MS = 10_000

const gaps = (requests: RestRequest[]): number[] => requests.slice(1).map((r, i) => r.at - requests[i]!.at)

function paging(
  requests: RestRequest[],
  from: number,
  to: number,
  startLoaded: number,
  result: { loaded: number; ms: number; longTasks: Span[] },
): PagingFigures {
  const { loaded, ms } = result
  const during = requests.filter((r) => r.at >= from && r.at <= to)
  const byMethod: Record<string, number> = {}
  const label = (r: RestRequest) => (r.poll ? 'live poll' : r.reread ? 'window re-read' : r.method)
  for (const r of during) byMethod[label(r)] = (byMethod[label(r)] ?? 0) + 1
  const added = loaded - startLoaded
  // Timed, not caused by paging: the live poll and the re-read of the window on screen.
  const polls = during.filter((r) => r.poll || r.reread).length
  const perThousand = (n: number) => (added > 0 ? (n / added) * 1000 : NaN)
  return {
    loaded,
    added,
    ms,
    requests: during.length,
    polls,
    perThousand: perThousand(during.length - polls),
    perThousandWithPolls: perThousand(during.length),
    byMethod,
    peakPerSecondAfterBurst: peakInWindow(
      requests.slice(RATE_BURST).map((r) => r.at),
      1000,
    ),
    bucketPeak: bucketPeak(
      requests.map((r) => r.at),
      2,
    ),
    rateLimited: requests.filter((r) => r.status === 503).length,
    pageGapsFirst: gaps(during.filter((r) => !r.poll)).slice(0, 5),
    pageGapsLast: gaps(during.filter((r) => !r.poll)).slice(-5),
    longTasks: result.longTasks,
  }
}

/**
 * Opens the 100,000-message task and jumps to the top of the feed every frame until `target`
 * messages are loaded. On a modern portal it then measures the DOM and the heap with them loaded
 * and scrolls from the newest message back through SCROLL_THROUGH of them, watching frames and long tasks,
 * then jumps far back through a task result and to the newest again, and measures the heap once more.
 */
export async function historyRun(browser: Browser, servers: BenchServers, opts: { legacy: boolean; target: number; full: boolean }): Promise<HistoryRun> {
  // A legacy portal: neither tail nor search, only im.dialog.messages.get (50 a page).
  const legacy = { legacyIm: true, methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND' }] }
  await resetPortal(servers.portal, opts.legacy ? legacy : {})
  // Before the card opens, which is when it asks for the task's results.
  const far = opts.full ? await resultBack(servers.portal, HEAP_JUMP_BACK) : undefined
  const bench = await openBenchPage(browser, servers.appOrigin, servers.portal)
  try {
    await bench.page.goto(servers.taskUrl(HISTORY_TASK))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
    await bench.probe((p) => p.settle(500))
    const startLoaded = (await bench.probe((p) => p.loaded())) ?? 0
    const from = Date.now()
    const result = await bench.probe((p, a) => p.loadUntil(a.target, a.stallMs), { target: opts.target, stallMs: STALL_MS })
    const to = Date.now()
    await bench.probe((p) => p.settle(500))
    // The running tally, checked against the newest message's position once paging is over.
    const loaded = await bench.probe((p) => p.jumpToNewest())
    if (loaded !== result.loaded) console.warn(`[bench] tally ${result.loaded} but the newest message is at ${loaded}`)
    const run: HistoryRun = {
      paging: paging(bench.requests, from, to, startLoaded, { ...result, loaded }),
      requestLog: bench.requests.map((r) => ({ ...r, at: r.at - from })),
    }
    if (!opts.full) return run

    await bench.probe((p) => p.settle(1000))
    run.dom = await bench.probe((p) => p.domStats())
    run.heapBytes = await heapAfterGc(bench.page, frame)
    // From the newest message back into history, as a reader does: nothing here asks for more pages.
    run.scroll = await bench.probe((p, a) => p.scrollThrough(a.rows, a.step), { rows: SCROLL_THROUGH, step: -SCROLL_STEP_PX })

    run.farJump = { ...(await jumpBackAndForth(bench, far!.id)), back: far!.back }
    if (run.farJump.error) return run
    await bench.probe((p) => p.settle(1000))
    run.heapAfterJumpsBytes = await heapAfterGc(bench.page, frame)
    return run
  } finally {
    await bench.close()
  }
}
