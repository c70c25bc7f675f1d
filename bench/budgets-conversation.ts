import { ARRIVAL_GAP_MS, EDIT_TIMEOUT_MS, IDLE_WARMUP_MS, IDLE_WINDOW_MS } from './config'
import type { ConversationResults } from './conversation-window'
import { fmt, med, plural, verdict } from './format'
import type { Row } from './results'
import { median, percentile } from './stats'

/** DESIGN.md, "Budgets", the conversation lines. */
const BUDGET = {
  jumpRoundTrips: 2,
  jumpMs: 1_000,
  visiblePerMinute: 4,
  /** README: the live poll does nothing while the tab is hidden. */
  hiddenPerMinute: 0,
  arrivalMedianMs: 3_000,
  editMs: 30_000,
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

  const two = med(c.twoTabs, (x) => x.perMinute)
  const typicalTwo = c.twoTabs.find((x) => x.perMinute === two) ?? c.twoTabs[0]
  rows.push({
    figure: '10. Requests per minute, two tabs of one chat',
    app: fmt(two, 1),
    reference: `one tab ${fmt(visible, 1)}; the two: ${typicalTwo?.perTab.map((n) => fmt(n, 1)).join(' + ') ?? '-'} (one context, ${window})`,
    budget: 'one tab’s',
    verdict: verdict(two <= visible + TWO_TABS_SLACK_PER_MINUTE),
  })

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

  const editError = c.edits.find((e) => e.error)?.error
  const edit = c.edits.some((e) => Number.isNaN(e.ms)) ? NaN : median(c.edits.map((e) => e.ms))
  const each = c.edits.map((e) => (Number.isNaN(e.ms) ? 'never' : seconds(e.ms))).join(', ')
  rows.push({
    figure: '12. An edit by another user on screen',
    app: Number.isFinite(edit) ? seconds(edit) : editError ? 'n/a' : `not within ${seconds(EDIT_TIMEOUT_MS)}`,
    reference: editError ? `could not edit: ${editError}` : `each: ${each} (after the card was quiet)`,
    budget: `<= ${seconds(BUDGET.editMs)}`,
    verdict: verdict(edit <= BUDGET.editMs),
  })
  return rows
}
