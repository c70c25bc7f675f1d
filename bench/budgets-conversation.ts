import { changeRows } from './budgets-changes'
import { ARRIVAL_GAP_MS, FIVE_TASKS, IDLE_WARMUP_MS, IDLE_WINDOW_MS } from './config'
import type { ConversationResults } from './conversation-window'
import { fmt, med, plural, verdict } from './format'
import type { Row } from './results'
import { median, percentile } from './stats'

/** DESIGN.md, "Budgets", the conversation lines (jumps and the live figures). */
const BUDGET = {
  jumpRoundTrips: 2,
  jumpMs: 1_000,
  visiblePerMinute: 2,
  /** The live poll does nothing while the tab is hidden. */
  hiddenPerMinute: 0,
  arrivalMedianMs: 2_000,
  fiveCardsPerMinute: 2.5,
}

/**
 * "N tabs cost what one does": polls fall at their own times, so two windows of the same length
 * can hold one poll more or less than each other; one request per window is that edge, not a tab.
 */
const TWO_TABS_SLACK_PER_MINUTE = 60_000 / IDLE_WINDOW_MS

const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`
const byMethod = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([method, n]) => `${method} ${n}`)
    .join(', ')

export function conversationRows(c: ConversationResults): Row[] {
  const rows: Row[] = []
  const window = `${fmt(IDLE_WINDOW_MS / 1000)} s after ${fmt(IDLE_WARMUP_MS / 1000)} s open`
  const visible = med(c.idle, (x) => x.visiblePerMinute)
  const typical = c.idle.find((x) => x.visiblePerMinute === visible) ?? c.idle[0]
  rows.push({
    figure: '8. Requests per minute, visible idle card',
    app: fmt(visible, 1),
    reference: `${window}: ${typical ? byMethod(typical.visibleByMethod) || 'none' : '-'}`,
    budget: `<= ${BUDGET.visiblePerMinute}`,
    verdict: verdict(visible <= BUDGET.visiblePerMinute),
  })
  const hidden = med(c.idle, (x) => x.hiddenPerMinute)
  rows.push({
    figure: '8. Requests per minute, tab hidden',
    app: fmt(hidden, 1),
    reference: `hidden once open, ${window}`,
    budget: `${BUDGET.hiddenPerMinute} (README)`,
    verdict: verdict(hidden <= BUDGET.hiddenPerMinute),
  })

  if (c.jump.length > 0) rows.push(...jumpRows(c))
  rows.push(...twoTabsRows(c, visible, window))
  rows.push(...arrivalRows(c))
  rows.push(...changeRows(c.arrivals, c.quietChanges))
  return rows
}

function jumpRows(c: ConversationResults): Row[] {
  const rows: Row[] = []
  const landed = c.jump.filter((j) => !j.error)
  const failed = c.jump.find((j) => j.error)?.error
  const trips = med(landed, (j) => j.roundTrips)
  const ms = med(landed, (j) => j.ms)
  const typicalJump = landed.find((j) => j.roundTrips === trips) ?? landed[0]
  const missed = failed ? `; ${c.jump.length - landed.length} of ${c.jump.length} failed: ${failed}` : ''
  rows.push({
    figure: `9. Jump to a message ${fmt(c.jumpBack)} back, round trips`,
    app: `${fmt(trips)} (${plural(
      med(landed, (j) => j.requests),
      'request',
    )})`,
    reference: `${typicalJump ? byMethod(typicalJump.byMethod) : '-'}${missed}`,
    budget: `<= ${BUDGET.jumpRoundTrips}`,
    verdict: verdict(landed.length === c.jump.length && trips <= BUDGET.jumpRoundTrips),
  })
  rows.push({
    figure: `9. Jump to a message ${fmt(c.jumpBack)} back, click to focus`,
    app: `${fmt(ms)} ms`,
    reference: `local portal, no latency${missed}`,
    budget: `<= ${fmt(BUDGET.jumpMs)} ms`,
    verdict: verdict(landed.length === c.jump.length && ms <= BUDGET.jumpMs),
  })
  return rows
}

function twoTabsRows(c: ConversationResults, visible: number, window: string): Row[] {
  const rows: Row[] = []

  const two = med(c.twoTabs, (x) => x.perMinute)
  const typicalTwo = c.twoTabs.find((x) => x.perMinute === two) ?? c.twoTabs[0]
  rows.push({
    figure: '10. Requests per minute, two tabs of one chat',
    app: fmt(two, 1),
    reference: `one tab ${fmt(visible, 1)}; the two: ${typicalTwo?.perTab.map((n) => fmt(n, 1)).join(' + ') ?? '-'} (one context, ${window})`,
    budget: 'one tab’s',
    verdict: verdict(two <= visible + TWO_TABS_SLACK_PER_MINUTE),
  })
  return rows
}

function arrivalRows(c: ConversationResults): Row[] {
  const rows: Row[] = []
  const arrivals = c.arrivals.flatMap((a) => a.ms)
  const shown = arrivals.filter((n) => !Number.isNaN(n))
  const arrival = shown.length === arrivals.length ? median(arrivals) : NaN
  const notShown = arrivals.length - shown.length
  rows.push({
    figure: '11. Others’ messages on screen, median',
    app: shown.length === arrivals.length ? seconds(arrival) : `${notShown} of ${arrivals.length} never`,
    reference: `${arrivals.length} messages, one every ${seconds(ARRIVAL_GAP_MS)}; p90 ${seconds(percentile(shown, 90))}, max ${seconds(Math.max(...shown))}`,
    budget: `<= ${seconds(BUDGET.arrivalMedianMs)}`,
    verdict: verdict(arrival <= BUDGET.arrivalMedianMs),
  })

  return rows
}

/** Figure 14, printed after 13 (budgets.ts): five cards of five tasks in one browser. */
export function fiveCardsRows(c: ConversationResults): Row[] {
  if (c.fiveCards.length === 0) return []
  const window = `${fmt(IDLE_WINDOW_MS / 1000)} s after ${fmt(IDLE_WARMUP_MS / 1000)} s open`
  const visible = med(c.idle, (x) => x.visiblePerMinute)
  const five = med(c.fiveCards, (x) => x.perMinute)
  const typical = c.fiveCards.find((x) => x.perMinute === five) ?? c.fiveCards[0]
  return [
    {
      figure: `14. Requests per minute, cards of ${FIVE_TASKS.length} tasks in one browser`,
      app: fmt(five, 1),
      reference: `tasks ${FIVE_TASKS.join(', ')}, all visible; the tabs: ${typical?.perTab.map((n) => fmt(n, 1)).join(' + ') ?? '-'}; ${typical ? byMethod(typical.byMethod) || 'none' : '-'} (one context, ${window}); one card ${fmt(visible, 1)}`,
      budget: `<= ${fmt(BUDGET.fiveCardsPerMinute, 1)}`,
      verdict: verdict(five <= BUDGET.fiveCardsPerMinute),
    },
  ]
}
