import { expect, type APIRequestContext, type FrameLocator, type Locator, type Page, type Request, type Route } from '@playwright/test'
import { APP } from '../../playwright.config'
import { resetPortal } from './portal'

/**
 * Clicks one of a message's action-bar buttons as a pointer user does: the bar shows while the
 * pointer is over the message. Hovered and clicked again together when the message moved from
 * under the pointer in between (a live poll's new message moves the feed), which leaves the bar
 * hidden and the message itself under the click point. Safe to repeat: Playwright makes no click
 * whose target check failed.
 */
export async function clickAction(message: Locator, name: string, { double = false } = {}) {
  const button = message.getByRole('button', { name })
  await expect(async () => {
    await message.hover()
    await (double ? button.dblclick({ timeout: 2_000 }) : button.click({ timeout: 2_000 }))
  }).toPass({ timeout: 20_000 })
}

/**
 * How long paging back through `messages` may take: history is paced at 2 requests per second
 * (src/b24/pacer.ts, shared with live polls) and older pages hold up to `pageSize` messages
 * (src/chat/conversation/history-api.ts). Doubled for the polls and a loaded machine, plus margin.
 */
export function pagingBudgetMs(messages: number, pageSize = 200): number {
  const pages = Math.ceil(messages / pageSize)
  return (pages / 2) * 1_000 * 2 + 15_000
}

/**
 * The app's live poll: ONE batch a cycle for every card open in the browser, a row per chat keyed
 * `live_<chatId>` (src/chat/conversation/live-read.ts), each reading that chat's newest page.
 */
export const isLivePoll = (request: Request) => request.url().includes('/rest/batch') && /live_\d+/.test(request.postData() ?? '')

/** Whether the app's frame made the request (not the host page, nor the test itself). */
export const fromApp = (request: Request) => {
  try {
    return request.frame().url().startsWith(APP)
  } catch {
    return false
  }
}

/** The REST method a request calls: `/rest/<method>` (v2) or `/rest/api/<method>` (v3), `.json` or not. */
export const methodOf = (url: string) => new URL(url).pathname.replace(/^\/rest\/(api\/)?/, '').replace(/\.json$/, '')

/** The id of the element focused in the app's frame (an article's data-message-id), or null. */
export const focusedId = (page: Page) =>
  taskCard(page)
    .app.locator('body')
    .evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['messageId'] ?? null)

/** The live polls of a page's app frame sent and not yet answered, tracked from the first taskCard(page). */
const pollsInFlight = new WeakMap<Page, Set<Request>>()
function livePollsInFlight(page: Page): Set<Request> {
  let polls = pollsInFlight.get(page)
  if (!polls) {
    const set = new Set<Request>()
    page.on('request', (r) => isLivePoll(r) && fromApp(r) && set.add(r))
    page.on('requestfinished', (r) => set.delete(r))
    page.on('requestfailed', (r) => set.delete(r))
    pollsInFlight.set(page, set)
    polls = set
  }
  return polls
}

/**
 * Moves Playwright's clock on (the page's timers run as they come due) until the app's next live
 * poll has gone out, at most `within` ms of the page's time, and resolves once it has been
 * answered: what another user did before this call is then in the cache. The page's clock must be
 * installed (page.clock.install() before it opened). A poll still on its way is waited for before
 * the clock moves again (the next is only scheduled once it has been answered), so a slow answer
 * does not let the page's time run past the cadence.
 */
export async function nextPollOnClock(page: Page, within = 31_000) {
  const inFlight = livePollsInFlight(page)
  const next: { poll?: Request } = {}
  const seen = (r: Request) => {
    if (isLivePoll(r) && fromApp(r)) next.poll ??= r
  }
  page.on('request', seen)
  try {
    for (let waited = 0; !next.poll; waited += 500) {
      expect(waited, `a live poll within ${within} ms`).toBeLessThanOrEqual(within)
      for (const poll of [...inFlight]) await poll.response()
      if (next.poll) break
      await page.clock.runFor(500)
    }
    await next.poll.response()
  } finally {
    page.off('request', seen)
  }
}

/**
 * Moves Playwright's clock on in half-second steps (the page's timers run as they come due) until
 * `reached` says so, at most `within` ms of the page's time: the app's own waits (a read waiting out
 * a busy portal, a countdown to the next try) pass at once, the network's answers in real time.
 */
export async function runClockUntil(page: Page, reached: () => Promise<boolean>, what: string, within = 120_000) {
  for (let waited = 0; !(await reached()); waited += 500) {
    expect(waited, `${what} within ${within} ms of the page's time`).toBeLessThanOrEqual(within)
    await page.clock.runFor(500)
  }
}

/**
 * Stops the page's time (Playwright's clock, installed before the page opened) a second on from
 * now, and holds it there: a short-lived offer (an Undo) then stays however long the machine takes
 * to read it and act. Until page.clock.runFor, runClockUntil or page.clock.resume, no timer of the
 * page runs: the app's own (an Undo's, the next poll), the query cache's notifications and
 * animation frames alike, so what the test waits for meanwhile must need no timer.
 */
export async function holdClock(page: Page) {
  // A second ahead: the page's time goes on while this is said, and it may not be moved back.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000)
}

/**
 * Opens task 1's card on a portal that answers every request 503 (a bucket of 0) and resolves once
 * the card says so: the app's quiet retries (src/b24/read-retry.ts) come first, on Playwright's
 * clock. Answers the card and its alert.
 */
export async function openUnderRateLimit(page: Page, request: APIRequestContext) {
  await resetPortal(request, { rateBurst: 0 })
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  const alert = card.app.getByRole('alert')
  const told = alert.filter({ hasText: 'Bitrix24 is asking the app to slow down' })
  await runClockUntil(page, async () => (await told.count()) > 0, 'the rate limit said')
  return { card, alert }
}

/** The chats a live poll reads (its rows' keys). */
export const livePollChats = (request: Request) => [...new Set([...(request.postData() ?? '').matchAll(/live_(\d+)/g)].map((m) => Number(m[1])))]

/** A request for an older page of history (im.dialog.messages.search, or get on a portal without it). */
export const isOlderPage = (request: Request) => {
  const url = request.url()
  const body = request.postData() ?? ''
  return url.includes('/rest/im.dialog.messages.search') || (url.includes('/rest/im.dialog.messages.get') && body.includes('LAST_ID'))
}

/**
 * Holds the app's REST requests that `matches` picks until the test releases them, so that what is
 * on screen while they are on their way (a skeleton, "Sending…", a busy older page) can be read
 * without racing their arrival: on a loaded machine a read may otherwise come after the answer has
 * landed, however much latency the portal adds.
 */
export async function holdRequests(page: Page, matches: (request: Request) => boolean) {
  const waiting: Route[] = []
  let holding = true
  await page.route(
    (url) => url.pathname.startsWith('/rest/'),
    async (route) => {
      if (holding && matches(route.request())) waiting.push(route)
      else await route.fallback()
    },
  )
  return {
    /** Holds matching requests from now on (the gate starts closed). */
    close: () => {
      holding = true
    },
    /** Resolves once the app has asked (the request is held). */
    requested: () => expect.poll(() => waiting.length, { timeout: 20_000, message: 'the app asked' }).toBeGreaterThan(0),
    /** Lets what is held through, and what comes next, until closed again. */
    release: async () => {
      holding = false
      for (const route of waiting.splice(0)) await route.fallback()
    },
  }
}

/** Holds each request for an older page until the test releases it (see holdRequests). */
export const gateOlderPages = (page: Page) => holdRequests(page, isOlderPage)

/** The opening batch (the task, the newest page, where the reader stopped): what the first frame waits for. */
export const isOpeningBatch = (request: Request) => request.url().includes('/rest/batch') && request.postData()?.includes('tasks.task.get') === true

/** Older pages the portal has answered (200) to this page, counted from the first taskCard(page). */
const olderAnswers = new WeakMap<Page, { count: number }>()
function olderAnswersOf(page: Page) {
  let counter = olderAnswers.get(page)
  if (!counter) {
    const c = { count: 0 }
    page.on('response', (response) => {
      if (response.status() === 200 && isOlderPage(response.request())) c.count++
    })
    olderAnswers.set(page, c)
    counter = c
  }
  return counter
}

/** The app inside the host page's task card, with what feed specs need to drive and read it. */
export function taskCard(page: Page) {
  const app: FrameLocator = page.frameLocator('iframe[title="Task chat"]')
  const feed = app.getByRole('feed', { name: 'Task chat' })
  const scroller = app.locator('.feed-scroller')
  const older = olderAnswersOf(page)
  livePollsInFlight(page)
  /** Two frames inside the app: what React committed has been laid out and painted. */
  const frames = () => app.locator('body').evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))))
  const scrollToTop = () =>
    scroller.evaluate(
      (el) =>
        new Promise<void>((done) => {
          el.scrollTo({ top: 0 })
          requestAnimationFrame(() => requestAnimationFrame(() => done()))
        }),
    )
  return {
    app,
    feed,
    scroller,
    frames,
    /**
     * Resolves once a live poll that starts after this call has answered and the app has had two
     * frames to show what it brought: by then a duplicate of a just-sent message would be on screen.
     * The poll comes on Playwright's clock (nextPollOnClock): install it before the page opens.
     */
    async nextPoll() {
      await nextPollOnClock(page)
      await frames()
    },
    /**
     * Scrolls to the top and resolves once an older page has been answered and shown (the feed is
     * no longer busy). Counting the portal's answers, not rows read after the scroll, leaves no race
     * with a page that lands before the test has looked.
     */
    async loadOlder(timeout = 20_000) {
      const before = older.count
      await scrollToTop()
      await expect.poll(() => older.count, { timeout, message: 'an older page answered' }).toBeGreaterThan(before)
      await expect(feed).toHaveAttribute('aria-busy', 'false', { timeout })
      await frames()
    },
    /** Waits until the view stops moving: scroll position, content height and the first row hold still for three frames. */
    settled: () =>
      scroller.evaluate(
        (el) =>
          new Promise<void>((done) => {
            let last = ''
            let same = 0
            const tick = () => {
              const now = `${el.scrollTop}|${el.scrollHeight}|${el.querySelector('article')?.getBoundingClientRect().top}`
              same = now === last ? same + 1 : 0
              last = now
              if (same >= 3) done()
              else requestAnimationFrame(tick)
            }
            requestAnimationFrame(tick)
          }),
      ),
    /**
     * Scrolls to the top again and again, as fast as the page answers, until the start of the
     * conversation shows; `timeout` should come from pagingBudgetMs (paging is paced, so a count of
     * scrolls says nothing about how far the feed got).
     */
    async scrollToStart(timeout: number) {
      const start = app.getByText('This is the start of the conversation.')
      await expect
        .poll(
          async () => {
            if ((await start.count()) === 0) await scrollToTop()
            return start.count()
          },
          { timeout, intervals: [10], message: `the start of history within ${timeout} ms` },
        )
        .toBe(1)
    },
    async ready() {
      await expect(feed).toHaveAttribute('aria-busy', 'false')
      await expect(feed.getByRole('article').first()).toBeVisible()
    },
    // Both wait two frames so the virtualizer has rendered the rows for the new position.
    scrollToTop,
    scrollBy: (dy: number) =>
      scroller.evaluate(
        (el, d) =>
          new Promise<void>((done) => {
            el.scrollBy({ top: d })
            requestAnimationFrame(() => requestAnimationFrame(() => done()))
          }),
        dy,
      ),
    /** The first article wholly inside the viewport: its message id and its distance from the viewport top. */
    firstVisible: () =>
      scroller.evaluate((el) => {
        const top = el.getBoundingClientRect().top
        for (const article of el.querySelectorAll('article')) {
          const box = article.getBoundingClientRect()
          if (box.top >= top && box.top < top + el.clientHeight && article.dataset['messageId'])
            return { id: article.dataset['messageId'], offset: box.top - top, pos: Number(article.getAttribute('aria-posinset')) }
        }
        return null
      }),
    offsetOf: (id: string) =>
      scroller.evaluate((el, messageId) => {
        const article = el.querySelector(`article[data-message-id="${messageId}"]`)
        return article ? article.getBoundingClientRect().top - el.getBoundingClientRect().top : null
      }, id),
    positionOf: (id: string) =>
      scroller.evaluate((el, messageId) => Number(el.querySelector(`article[data-message-id="${messageId}"]`)?.getAttribute('aria-posinset')), id),
    distanceFromEnd: () => scroller.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop),
  }
}
