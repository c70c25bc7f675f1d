import { LATENCIES_MS } from './config'
import { SLOW_LINK_KEY } from './first-paint-runs'
import { fmt, kb, med, verdict } from './format'
import type { InitialJs } from './initial-js'
import type { FirstPaintRun } from './measure-first-paint'
import type { BenchResults, Row } from './results'

/**
 * Issue #23's budgets, against the 50-article floor (bench/floor-feed/). The line floor's rows
 * (bench/floor/, the budgets' reference before #23) stay beside them as info.
 */
export const FIRST_PAINT_BUDGET = {
  roundTrips: 1,
  /** Time to the first message as a multiple of the 50-article floor's, by portal latency (ms), and on the slow link. */
  firstMessageOverFloor: { '0': 1.15, '150': 1.1, [SLOW_LINK_KEY]: 1.1 } as Record<string, number>,
  /** Initial JS as a multiple of the 50-article floor's. */
  jsOverFloor: 1.05,
  /** Time to a composer that takes typing as a multiple of the first message's time, in the same runs. */
  keystrokeOverFirstMessage: 1.5,
}

const ms = (runs: FirstPaintRun[] | undefined): number => med(runs ?? [], (x) => x.ms)
const label = (key: string) => (key === SLOW_LINK_KEY ? 'slow link' : `latency ${key} ms`)

function jsRow(figure: string, app: InitialJs, floor: InitialJs | undefined, name: string, budget: number | null): Row {
  const ratio = floor ? app.gzip / floor.gzip : NaN
  const lazy = app.files.filter((f) => f.lazy).length
  return {
    figure,
    app: `${kb(app.gzip)} (${app.files.length} file${app.files.length === 1 ? '' : 's'}${lazy ? `, ${lazy} of them asked for lazily before the first message` : ''})`,
    reference: floor ? `${name} ${kb(floor.gzip)} (app ${fmt(ratio, 2)}x)` : `${name} n/a`,
    budget: budget === null ? '-' : `<= floor x${budget}`,
    verdict: budget === null ? 'info' : verdict(ratio <= budget),
  }
}

/** Figures 1, 2 and 3 (the card opened cold), 15 (the slow link) and 16 (the first keystroke). */
export function firstPaintRows(r: BenchResults): Row[] {
  const rows: Row[] = []
  const fp = r.firstPaint
  const feed = fp.feed ?? {}
  const lat0 = String(LATENCIES_MS[0])
  const app0 = fp.app[lat0] ?? []
  const appRequests = med(app0, (x) => x.requests)
  const appTrips = med(app0, (x) => x.roundTrips)
  // The methods of a run with the median count, so the list and the number agree.
  const typical = app0.find((x) => x.requests === appRequests) ?? app0[0]
  const floors = (pick: (x: FirstPaintRun) => number) =>
    `50-article floor ${fmt(med(feed[lat0] ?? [], pick))}; line floor ${fmt(med(fp.floor[lat0] ?? [], pick))}`
  rows.push({
    figure: '1. REST requests before the first message',
    app: `${fmt(appRequests)} (${typical?.methods.join(', ') ?? ''})`,
    reference: floors((x) => x.requests),
    budget: '-',
    verdict: 'info',
  })
  rows.push({
    figure: '1. REST round trips before the first message',
    app: fmt(appTrips),
    reference: floors((x) => x.roundTrips),
    budget: `${FIRST_PAINT_BUDGET.roundTrips}`,
    verdict: verdict(appTrips <= FIRST_PAINT_BUDGET.roundTrips),
  })

  for (const latency of LATENCIES_MS) {
    const key = String(latency)
    // BENCH_ONLY=first-paint may leave a latency out.
    if (!fp.app[key]) continue
    const app = ms(fp.app[key])
    const floor = ms(feed[key])
    const budget = FIRST_PAINT_BUDGET.firstMessageOverFloor[key]!
    rows.push({
      figure: `2. Time to first message, latency ${latency} ms`,
      app: `${fmt(app)} ms`,
      reference: `50-article floor ${fmt(floor)} ms (app ${fmt(app / floor, 2)}x)`,
      budget: `<= floor x${budget}`,
      verdict: verdict(app <= floor * budget),
    })
    const line = ms(fp.floor[key])
    rows.push({
      figure: `2. Time to first message, latency ${latency} ms, beside the line floor`,
      app: `${fmt(app)} ms`,
      reference: `line floor ${fmt(line)} ms (app ${fmt(app / line, 2)}x)`,
      budget: '-',
      verdict: 'info',
    })
  }

  rows.push(jsRow('3. Initial JS, gzipped', r.initialJs.app, r.initialJs.feed, '50-article floor', FIRST_PAINT_BUDGET.jsOverFloor))
  rows.push(jsRow('3. Initial JS, gzipped, beside the line floor', r.initialJs.app, r.initialJs.floor, 'line floor', null))
  return rows
}

/** Figures 15 (the slow link) and 16 (the first keystroke), after the others in the table. */
export function slowLinkAndKeystrokeRows(r: BenchResults): Row[] {
  const rows: Row[] = []
  const fp = r.firstPaint
  const slowApp = ms(fp.app[SLOW_LINK_KEY])
  const slowFloor = ms(fp.feed?.[SLOW_LINK_KEY])
  const slowBudget = FIRST_PAINT_BUDGET.firstMessageOverFloor[SLOW_LINK_KEY]!
  if (fp.app[SLOW_LINK_KEY]) {
    rows.push({
      figure: '15. Time to first message, slow link (150 ms round trip, 1.6 Mbit/s down)',
      app: `${fmt(slowApp)} ms`,
      reference: `50-article floor ${fmt(slowFloor)} ms (app ${fmt(slowApp / slowFloor, 2)}x)`,
      budget: `<= floor x${slowBudget}`,
      verdict: verdict(slowApp <= slowFloor * slowBudget),
    })
  }
  const budget = FIRST_PAINT_BUDGET.keystrokeOverFirstMessage
  for (const key of [...LATENCIES_MS.map(String), SLOW_LINK_KEY]) {
    const runs = fp.app[key]
    if (!runs) continue
    const typing = med(runs, (x) => x.keystrokeMs)
    const first = ms(runs)
    const missing = runs.filter((x) => x.keystrokeMs === undefined).length
    rows.push({
      figure: `16. Time to a composer that takes typing, ${label(key)}`,
      app: `${fmt(typing)} ms`,
      reference: `first message ${fmt(first)} ms (${fmt(typing / first, 2)}x)${missing ? `; ${missing} of ${runs.length} runs saw none within 60 s` : ''}`,
      budget: `<= first message x${budget}`,
      verdict: verdict(missing === 0 && typing <= first * budget),
    })
  }
  return rows
}
