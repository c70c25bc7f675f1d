import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const post = (request: Parameters<typeof rest>[0], text: string, userId: number) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, userId)

test('a colleague’s message appears within 5 seconds while the reader sits at the bottom, and is announced', async ({ page, request }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const text = `Live at the bottom ${Date.now()}`
  await post(request, text, 2)
  const arrived = card.feed.getByRole('article').filter({ hasText: text })
  await expect(arrived).toBeVisible({ timeout: 5_000 })
  await expect(arrived).toBeInViewport()
  await expect(card.app.locator('[aria-live="polite"]')).toHaveText(`New message from Мария Иванова: ${text}`)
  await expect(card.app.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0)
})

test('scrolled up, new messages do not move the view; "Jump to latest" counts them and takes the reader there', async ({ page, request }) => {
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
  await expect(jump).toHaveAccessibleDescription('2 new messages', { timeout: 8_000 })
  expect(await card.offsetOf(anchor.id)).toBeCloseTo(anchor.offset, 0)
  await jump.click()
  await expect(card.feed.getByRole('article').filter({ hasText: `${first} and two` })).toBeInViewport()
  await expect(jump).toHaveCount(0)
})

test('an expired token is renewed through the task card and the feed keeps updating', async ({ page, request }) => {
  await resetPortal(request, { tokenTtlS: 2 })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.waitForTimeout(2_500) // the token the card handed over has now expired
  const text = `After expiry ${Date.now()}`
  await post(request, text, 4)
  await expect(card.feed.getByRole('article').filter({ hasText: text })).toBeVisible({ timeout: 8_000 })
  await expect(card.app.getByRole('status').filter({ hasText: 'session' })).toHaveCount(0)
})

test('polling stops while the tab is hidden', async ({ page }) => {
  const polls: number[] = []
  page.on('request', (r) => {
    if (r.url().includes('/rest/im.dialog.messages.get')) polls.push(Date.now())
  })
  await page.goto('/')
  await taskCard(page).ready()
  await expect.poll(() => polls.length, { timeout: 8_000 }).toBeGreaterThan(0)
  await page.frames()[1]!.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  const hiddenAt = Date.now()
  await page.waitForTimeout(9_000)
  expect(polls.filter((t) => t > hiddenAt + 500)).toHaveLength(0)
})
