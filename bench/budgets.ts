import { conversationRows, fiveCardsRows } from './budgets-conversation'
import { pagingTabsRows } from './budgets-paging-tabs'
import { firstPaintRows, slowLinkAndKeystrokeRows } from './budgets-first-paint'
import { LEGACY_TARGET, LOADED_TARGET, RATE_BURST, SCROLL_THROUGH } from './config'
import { fmt, med, plural, verdict } from './format'
import type { BenchResults, Row } from './results'
import { median, percentile } from './stats'

/** DESIGN.md, "Budgets"; the first message's, the initial JS's and the first keystroke's are in budgets-first-paint.ts. */
const BUDGET = {
  /** "About what fits in two viewports": a quarter over the two-viewport estimate still counts as about. */
  nodesTolerance: 1.25,
  longTaskMs: 50,
  perThousandModern: 5,
  perThousandLegacy: 20,
  perSecond: 2,
  /** The one conversation cache: 10,000 loaded and a jump back and forth. */
  heapAfterJumpsMb: 16,
}

export function tableRows(r: BenchResults): Row[] {
  const rows: Row[] = firstPaintRows(r)

  const articles = med(r.modern, (x) => x.dom?.articles)
  const fit = med(r.modern, (x) => (x.dom && x.dom.medianArticleHeight > 0 ? (x.dom.clientHeight / x.dom.medianArticleHeight) * 2 : undefined))
  const loaded = med(r.modern, (x) => x.paging.loaded)
  rows.push({
    figure: `4. Rendered articles, ${fmt(loaded)} loaded`,
    app: `${fmt(articles)} (${fmt(med(r.modern, (x) => x.dom?.elements))} elements)`,
    reference: `two viewports ~ ${fmt(fit)}`,
    budget: `<= ~2 viewports (x${BUDGET.nodesTolerance})`,
    verdict: verdict(loaded >= LOADED_TARGET && articles <= fit * BUDGET.nodesTolerance),
  })

  const scrolls = r.modern.map((x) => x.scroll).filter((s) => s !== undefined)
  const longest = med(scrolls, (s) => Math.max(0, ...s.longTasks.map((t) => t.end - t.start)))
  const count = med(scrolls, (s) => s.longTasks.length)
  const scrolled = med(scrolls, (s) => s.rows)
  rows.push({
    figure: `5. Long tasks scrolling ${fmt(scrolled)} messages`,
    app: `${fmt(count)} (longest ${fmt(longest)} ms)`,
    reference: '-',
    budget: `none > ${BUDGET.longTaskMs} ms`,
    verdict: verdict(count === 0 && scrolled >= SCROLL_THROUGH * 0.95),
  })
  const pagingTasks = med(r.modern, (x) => x.paging.longTasks.length)
  const pagingLongest = med(r.modern, (x) => Math.max(0, ...x.paging.longTasks.map((t) => t.end - t.start)))
  rows.push({
    figure: `5. Long tasks while paging to ${fmt(loaded)}`,
    app: `${fmt(pagingTasks)} (longest ${fmt(pagingLongest)} ms)`,
    reference: `gap between pages ${fmt(med(r.modern, (x) => median(x.paging.pageGapsFirst)))} ms first, ${fmt(med(r.modern, (x) => median(x.paging.pageGapsLast)))} ms last`,
    budget: '-',
    verdict: 'info',
  })
  rows.push({
    figure: '5. Frame time while scrolling, p50/p95/max',
    app: `${fmt(
      med(scrolls, (s) => percentile(s.frameDeltas, 50)),
      1,
    )} / ${fmt(
      med(scrolls, (s) => percentile(s.frameDeltas, 95)),
      1,
    )} / ${fmt(
      med(scrolls, (s) => Math.max(...s.frameDeltas)),
      1,
    )} ms`,
    reference: '16.7 ms at 60 Hz',
    budget: '-',
    verdict: 'info',
  })

  for (const [name, runs, budget, target] of [
    ['modern', r.modern, BUDGET.perThousandModern, LOADED_TARGET],
    ['legacy', r.legacy, BUDGET.perThousandLegacy, LEGACY_TARGET],
  ] as const) {
    const perK = med(runs, (x) => x.paging.perThousand)
    const added = med(runs, (x) => x.paging.added)
    const seconds = med(runs, (x) => x.paging.ms / 1000)
    const withPolls = med(runs, (x) => x.paging.perThousandWithPolls)
    rows.push({
      figure: `6. Requests per 1,000 messages, ${name}`,
      app: fmt(perK, 1),
      reference: `${fmt(withPolls, 1)} with live polls and window re-reads; ${fmt(added)} paged in ${fmt(seconds, 1)} s`,
      budget: `${budget}`,
      verdict: verdict(perK <= budget && added >= (target - 50) * 0.95),
    })
    const peak = med(runs, (x) => x.paging.peakPerSecondAfterBurst)
    const limited = med(runs, (x) => x.paging.rateLimited)
    const bucket = med(runs, (x) => x.paging.bucketPeak)
    rows.push({
      figure: `6. Peak requests/s after the first ${RATE_BURST}, ${name}`,
      app: fmt(peak),
      reference: `bucket peak ${fmt(bucket)}/${RATE_BURST}, ${fmt(limited)} answered 503`,
      budget: `<= ${BUDGET.perSecond}`,
      verdict: verdict(peak <= BUDGET.perSecond && limited === 0),
    })
  }

  const heap = med(r.modern, (x) => x.heapBytes)
  rows.push({ figure: `7. JS heap after GC, ${fmt(loaded)} loaded`, app: `${fmt(heap / 1024 / 1024, 1)} MB`, reference: '-', budget: '-', verdict: 'info' })
  const jumped = r.modern.filter((x) => x.heapAfterJumpsBytes !== undefined)
  const heapAfter = med(jumped, (x) => x.heapAfterJumpsBytes) / 1024 / 1024
  const farJumps = r.modern.map((x) => x.farJump).filter((j) => j !== undefined)
  const farFailed = farJumps.filter((j) => j.error)
  const farLanded = farJumps.filter((j) => !j.error)
  const farMissed = farFailed.length > 0 ? `; ${farFailed.length} of ${farJumps.length} jumps failed: ${farFailed[0]!.error}` : ''
  rows.push({
    figure: `7. JS heap after GC, ${fmt(loaded)} loaded, a jump ${fmt(med(farJumps, (j) => j.back))} back and to the newest`,
    app: jumped.length > 0 ? `${fmt(heapAfter, 1)} MB` : 'n/a',
    reference: `the jump: ${fmt(med(farLanded, (j) => j.ms))} ms, ${plural(
      med(farLanded, (j) => j.requests),
      'request',
    )}${farMissed}`,
    budget: `<= ${BUDGET.heapAfterJumpsMb} MB`,
    verdict: verdict(jumped.length === r.modern.length && heapAfter <= BUDGET.heapAfterJumpsMb),
  })
  return [
    ...rows,
    ...conversationRows(r.conversation),
    ...pagingTabsRows(r.pagingTabs ?? [], r.firstPaint),
    ...fiveCardsRows(r.conversation),
    ...slowLinkAndKeystrokeRows(r),
  ]
}
