import { chromium } from '@playwright/test'
import { newBenchContext, openPageIn, type BenchPage } from './browser'
import { CHROMIUM, HISTORY_TASK, LOADED_TARGET } from './config'
import { callAs, chatIdOf } from './portal-rest'
import { resetPortal, type BenchServers } from './servers'
import { bucketPeak } from './stats'

export interface PagingTabsRun {
  /** Navigation start → the frame that first showed a message, for each tab (opened together). */
  firstMessageMs: [number, number]
  /** Messages each tab paged back through (its older pages answered, 200 each) when paging stopped: the target, or where it stalled. */
  paged: [number, number]
  /** From the first scroll to both tabs done. */
  ms: number
  /** Every /rest/ request of both tabs: what the portal's one bucket for their address saw. */
  requests: number
  /** Answers 503 (QUERY_LIMIT_EXCEEDED and the like) to either tab. */
  rateLimited: number
  /** The portal's leaky bucket (2/s) at its fullest, both tabs' requests together; 503 beyond 50. */
  bucketPeak: number
}

const SIDE_BY_SIDE = ['--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows']

async function firstMessageMs(tab: BenchPage): Promise<number> {
  const frame = await tab.frame()
  await frame.waitForFunction('window.__bench.firstPaint !== null', undefined, { timeout: 30_000 })
  const hostOrigin = (await tab.page.evaluate('performance.timeOrigin')) as number
  const seen = await tab.probe((p) => ({ timeOrigin: p.timeOrigin, firstPaint: p.firstPaint! }))
  return seen.timeOrigin + seen.firstPaint - hostOrigin
}

/** Older pages the portal answered this tab (search, or get before a LAST_ID). */
const olderPages = (tab: BenchPage) => tab.requests.filter((r) => r.status === 200 && !r.poll && /^im\.dialog\.messages\.(search|get)$/.test(r.method)).length

/**
 * Jumps each tab's feed to its top again and again from here, as the e2e suite does, until the
 * portal has answered each the pages that hold `messages` (200 a page), or nothing new came for
 * STALL_MS. (The probe's in-frame loop, on animation frames, left the tab not in front stalled
 * after a page or two in headless Chromium; jumping from node pages both, as in the e2e suite.)
 */
async function pageBack(tabs: BenchPage[], messages: number): Promise<number[]> {
  const pages = Math.ceil(messages / 200)
  let progress = tabs.map(olderPages).join()
  let progressAt = Date.now()
  while (tabs.some((tab) => olderPages(tab) < pages) && Date.now() - progressAt < STALL_MS) {
    for (const tab of tabs) if (olderPages(tab) < pages) await (await tab.frame()).evaluate('document.querySelector(".feed-scroller").scrollTop = 0')
    await tabs[0]!.page.waitForTimeout(20)
    const now = tabs.map(olderPages).join()
    if (now !== progress) [progress, progressAt] = [now, Date.now()]
  }
  return tabs.map((tab) => olderPages(tab) * 200)
}

const STALL_MS = 10_000

/**
 * Two tabs of one browser open the 100,000-message task together and page back at once, both to
 * LOADED_TARGET messages, under the portal's bucket per source address as Bitrix24 keeps it. Their
 * openings are not paced, so each first message should come as fast as a tab's alone.
 */
export async function pagingTabsRun(servers: BenchServers): Promise<PagingTabsRun> {
  await resetPortal(servers.portal)
  // The portal builds the 100,000 messages at their first read: not the tabs' opening's cost.
  await callAs(servers.portal, 1, 'im.dialog.messages.get', { DIALOG_ID: `chat${await chatIdOf(servers.portal, HISTORY_TASK)}`, LIMIT: 1 })
  // A browser of its own, told not to throttle a tab for being behind the other: two windows side by side.
  const browser = await chromium.launch({ ...CHROMIUM, args: [...CHROMIUM.args, ...SIDE_BY_SIDE] })
  const context = await newBenchContext(browser)
  try {
    const tabs = [await openPageIn(context, servers.appOrigin, servers.portal), await openPageIn(context, servers.appOrigin, servers.portal)]
    await Promise.all(tabs.map((tab) => tab.page.goto(servers.taskUrl(HISTORY_TASK))))
    const [firstA, firstB] = await Promise.all(tabs.map(firstMessageMs))
    await Promise.all(tabs.map((tab) => tab.probe((p) => p.settle(500))))
    const from = Date.now()
    const paged = await pageBack(tabs, LOADED_TARGET)
    const ms = Date.now() - from
    const requests = tabs.flatMap((tab) => tab.requests)
    return {
      firstMessageMs: [firstA!, firstB!],
      paged: [paged[0]!, paged[1]!],
      ms,
      requests: requests.length,
      rateLimited: requests.filter((r) => r.status === 503).length,
      bucketPeak: bucketPeak(
        requests.map((r) => r.at),
        2,
      ),
    }
  } finally {
    await browser.close()
  }
}
