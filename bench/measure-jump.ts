import type { Browser } from '@playwright/test'
import { openBenchPage, type BenchPage } from './browser'
import { HISTORY_TASK, JUMP_TIMEOUT_MS } from './config'
import { chatIdOf, makeResult, messageBack, newestId } from './portal-rest'
import type { AppSite } from './servers'
import { roundTrips } from './stats'

export interface JumpRun {
  /** The click on "Show in chat" → focus on the message's article, frame clock; NaN if focus never came. */
  ms: number
  /** /rest/ requests the app frame started between the click and the focus, and their waves. */
  requests: number
  roundTrips: number
  byMethod: Record<string, number>
  /** Why there are no figures, if the jump could not be driven at all. */
  error?: string
}

/**
 * Makes the message about `back` behind the newest in the history task a task result, so that
 * "Results only" lists it: the card must then be opened after this (results load with the card).
 */
export async function resultBack(portal: string, back: number): Promise<{ id: number; back: number }> {
  const chatId = await chatIdOf(portal, HISTORY_TASK)
  const message = await messageBack(portal, chatId, back)
  await makeResult(portal, message.id)
  // Counted after the result's own notice in the chat: what the reader's feed has above it.
  return { id: message.id, back: (await newestId(portal, chatId)) - message.id }
}

const failed = (error: string): JumpRun => ({ ms: NaN, requests: NaN, roundTrips: NaN, byMethod: {}, error })

/** Until every /rest/ request of the page so far is answered: then resource timing has them all. */
async function allAnswered(bench: BenchPage): Promise<void> {
  while (bench.requests.some((r) => !r.done)) await bench.page.waitForTimeout(20)
}

/**
 * As a reader does: "Results only" on, "Show in chat" on the last result listed (the card's only
 * one), then the feed loads its way to the message and focuses it. Leaves "Results only" off.
 */
async function jumpViaResults(bench: BenchPage, messageId: number): Promise<JumpRun> {
  const frame = await bench.frame()
  try {
    await frame.getByRole('switch', { name: 'Results only' }).check()
    const show = frame.getByRole('list', { name: 'Task results' }).getByRole('listitem').last().getByRole('button', { name: 'Show in chat' })
    await show.waitFor({ timeout: 30_000 })
    await bench.probe((p, id) => p.armJump(id), messageId)
    await show.click()
    const times = await bench.probe((p, ms) => p.jumpTimes(ms), JUMP_TIMEOUT_MS)
    if (times.clickAt === null) return failed('no click seen')
    if (times.focusAt === null) return failed(`not focused within ${JUMP_TIMEOUT_MS / 1000} s: ${times.missed ?? ''}`)
    await allAnswered(bench)
    const during = await bench.probe(
      (p, t) => p.rest.filter((r) => r.start >= t.clickAt && r.start <= t.focusAt),
      times as { clickAt: number; focusAt: number },
    )
    const byMethod: Record<string, number> = {}
    for (const r of during) {
      const method = new URL(r.url).pathname.slice('/rest/'.length)
      byMethod[method] = (byMethod[method] ?? 0) + 1
    }
    return { ms: times.focusAt - times.clickAt, requests: during.length, roundTrips: roundTrips(during), byMethod }
  } catch (error) {
    return failed(String(error).split('\n')[0]!)
  }
}

/** jumpViaResults, then "Jump to latest" until the feed is at its newest messages again. */
export async function jumpBackAndForth(bench: BenchPage, messageId: number): Promise<JumpRun> {
  const jump = await jumpViaResults(bench, messageId)
  if (jump.error) return jump
  try {
    const latest = (await bench.frame()).getByRole('button', { name: 'Jump to latest' })
    await latest.click()
    // The button shows while the reader is away from the newest messages.
    await latest.waitFor({ state: 'hidden', timeout: JUMP_TIMEOUT_MS })
    return jump
  } catch (error) {
    return { ...jump, error: `Jump to latest: ${String(error).split('\n')[0]!}` }
  }
}

/** Opens the history task cold at its newest messages and jumps to `messageId` through its result. */
export async function jumpRun(browser: Browser, site: AppSite, messageId: number): Promise<JumpRun> {
  const bench = await openBenchPage(browser, site.appOrigin, site.portal)
  try {
    await bench.page.goto(site.taskUrl(HISTORY_TASK))
    const frame = await bench.frame()
    await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
    await bench.probe((p) => p.settle(500))
    return await jumpViaResults(bench, messageId)
  } finally {
    await bench.close()
  }
}
