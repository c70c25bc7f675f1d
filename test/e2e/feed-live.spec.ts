import { expect, test, type Request } from '@playwright/test'
import { isLivePoll, nextPollOnClock, taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const post = (request: Parameters<typeof rest>[0], text: string, userId: number) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, userId)

// The live specs run on Playwright's clock: the next poll comes when the page's time says, not after
// however long a loaded machine takes to get there.

test('a colleague’s message appears at the next live poll while the reader sits at the bottom, and is announced', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const text = `Live at the bottom ${Date.now()}`
  await post(request, text, 2)
  await nextPollOnClock(page)
  const arrived = card.feed.getByRole('article').filter({ hasText: text })
  await expect(arrived).toBeVisible()
  await expect(arrived).toBeInViewport()
  await expect(card.app.locator('[aria-live="polite"]')).toHaveText(`New message from Мария Иванова: ${text}`)
  await expect(card.app.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0)
})

test('scrolled up, new messages do not move the view; "Jump to latest" counts them and takes the reader there', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.scrollBy(-900)
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  await expect(jump).toBeVisible()
  const anchor = (await card.firstVisible())!
  const first = `Scrolled-up one ${Date.now()}`
  await post(request, first, 3)
  await post(request, `${first} and two`, 5)
  await nextPollOnClock(page)
  await expect(jump).toHaveAccessibleName('Jump to latest, 2 new messages')
  expect(await card.offsetOf(anchor.id)).toBeCloseTo(anchor.offset, 0)
  await jump.click()
  await expect(card.feed.getByRole('article').filter({ hasText: `${first} and two` })).toBeInViewport()
  await expect(jump).toHaveCount(0)
})

test('an expired token is renewed through the task card and the feed keeps updating', async ({ page, request }) => {
  await resetPortal(request, { tokenTtlS: 2 })
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  // The token the card handed over has expired once the app has asked the card for a new one.
  await page.waitForResponse((r) => r.url().includes('/__portal/refresh'), { timeout: 20_000 })
  const text = `After expiry ${Date.now()}`
  await post(request, text, 4)
  await nextPollOnClock(page)
  await expect(card.feed.getByRole('article').filter({ hasText: text })).toBeVisible()
  await expect(card.app.getByRole('status').filter({ hasText: 'session' })).toHaveCount(0)
})

test('polling stops while the tab is hidden', async ({ page }) => {
  const polls: Request[] = []
  page.on('request', (r) => isLivePoll(r) && polls.push(r))
  await page.clock.install()
  await page.goto('/')
  await taskCard(page).ready()
  await expect.poll(() => polls.length, { timeout: 8_000 }).toBeGreaterThan(0)
  await page.frames()[1]!.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  // A poll already under way when the tab was hidden may still finish: count from after it.
  for (const poll of polls) await poll.response()
  const hiddenFrom = polls.length
  // Five minutes on Playwright's clock: ten polls at the quiet cadence, had the tab been visible.
  for (let i = 0; i < 10; i++) await page.clock.runFor(30_000)
  expect(polls.slice(hiddenFrom)).toHaveLength(0)
})
