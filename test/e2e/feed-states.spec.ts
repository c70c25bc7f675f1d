import { PORTAL } from '../../playwright.config'
import { expect, test } from '@playwright/test'
import { holdClock, holdRequests, isLivePoll, isOpeningBatch, nextPollOnClock, openUnderRateLimit, runClockUntil, taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

test('a loading skeleton while the first page is on its way, standing at the bottom like the feed', async ({ page }) => {
  // The opening batch is held until the skeleton has been seen: however slowly the app renders, the
  // first page cannot land before the test looks.
  const opening = await holdRequests(page, isOpeningBatch)
  await page.goto('/')
  const card = taskCard(page)
  await opening.requested()
  await expect(card.feed).toHaveAttribute('aria-busy', 'true')
  const rows = card.app.locator('.skeleton-row')
  await expect(rows.first()).toBeVisible()
  // Its last shape ends just above the message box (already there, taking typing), where the newest message will end.
  const box = card.app.getByRole('textbox', { name: 'Message' })
  const boxTop = async () => (await box.boundingBox())!.y
  const lastSkeleton = (await rows.last().boundingBox())!
  const skeletonGap = (await boxTop()) - (lastSkeleton.y + lastSkeleton.height)
  await opening.release()
  await card.ready()
  const newest = (await card.feed.getByRole('article').last().boundingBox())!
  const feedGap = (await boxTop()) - (newest.y + newest.height)
  expect(skeletonGap).toBeGreaterThanOrEqual(0)
  expect(Math.abs(skeletonGap - feedGap)).toBeLessThanOrEqual(2)
})

test('a task without a chat yet invites the first message, and the button takes the reader to the message box', async ({ page }) => {
  await page.goto('/task/2')
  const card = taskCard(page)
  const region = card.app.getByRole('region', { name: 'Task chat' })
  await expect(region.getByRole('heading', { name: 'No chat yet' })).toBeVisible()
  await expect(region).toContainText('This task has no chat yet. The first message will start it.')
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await region.getByRole('button', { name: 'Write the first message' }).click()
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeFocused()
})

test('an empty chat says so in the frame’s middle, with a way to write the first message', async ({ page }) => {
  await page.goto('/task/6')
  const card = taskCard(page)
  const region = card.app.getByRole('region', { name: 'Task chat' })
  const heading = region.getByRole('heading', { name: 'No messages yet' })
  await expect(heading).toBeVisible()
  // Centred: the title's middle is near the region's, not at its top.
  const [box, title] = [(await region.boundingBox())!, (await heading.boundingBox())!]
  expect(Math.abs(title.y + title.height / 2 - (box.y + box.height / 2))).toBeLessThan(box.height / 4)
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await region.getByRole('button', { name: 'Write the first message' }).click()
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeFocused()
})

test('a chat the user is not a member of', async ({ page }) => {
  await page.goto('/task/4')
  const alert = taskCard(page).app.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'No access' })).toBeVisible()
  await expect(alert).toContainText('You are a member of this task but not of its chat')
})

test('a task the user cannot open', async ({ page }) => {
  await page.goto('/task/3')
  const alert = taskCard(page).app.getByRole('alert')
  await expect(alert.getByRole('heading', { name: 'No access' })).toBeVisible()
  await expect(alert).toContainText('You do not have access to this task. Ask its creator or responsible person to add you to it.')
})

test('an app installed without the im scope', async ({ page, request }) => {
  await resetPortal(request, { scopes: ['task', 'tasks', 'placement'] })
  await page.goto('/')
  await expect(taskCard(page).app.getByRole('alert')).toContainText('installed without access to chats or tasks')
})

test('the portal rate limit, then a retry once it has passed', async ({ page, request }) => {
  const { card, alert } = await openUnderRateLimit(page, request)
  await resetPortal(request)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await card.ready()
})

test('network loss, then a retry once it is back', async ({ page }) => {
  await page.route(`${PORTAL}/rest/**`, (route) => route.abort('internetdisconnected'))
  // The app's quiet tries before it says so (src/b24/read-retry.ts) pass on Playwright's clock.
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  const alert = card.app.getByRole('alert')
  await runClockUntil(page, async () => (await alert.filter({ hasText: 'Cannot reach Bitrix24' }).count()) > 0, 'the card says it cannot reach Bitrix24')
  await expect(alert).toContainText('Cannot reach Bitrix24')
  await page.unroute(`${PORTAL}/rest/**`)
  await alert.getByRole('button', { name: 'Try again' }).click()
  await card.ready()
})

test('a failed older page keeps what is loaded and offers Retry in place', async ({ page, request }) => {
  // A failed page is tried again by itself after 5 s (use-auto-retry.ts). On Playwright's clock,
  // held still but while the test waits for the row, that retry cannot beat the reader's click.
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.route(`${PORTAL}/rest/im.dialog.messages.search**`, (route) => route.abort('internetdisconnected'))
  await holdClock(page)
  await card.scroller.evaluate((el) => el.scrollTo({ top: 0 }))
  const retryRow = card.app.getByRole('alert').filter({ hasText: 'Couldn’t load older messages.' })
  await runClockUntil(page, async () => (await retryRow.count()) > 0, 'Retry offered in place', 30_000)
  await expect(retryRow).toBeVisible()
  expect(await card.feed.getByRole('article').count()).toBeGreaterThan(3)
  await page.unroute(`${PORTAL}/rest/im.dialog.messages.search**`)
  await resetPortal(request)
  const anchor = (await card.firstVisible())!
  await retryRow.getByRole('button', { name: 'Try again' }).click()
  await page.clock.resume()
  await expect.poll(async () => (await card.positionOf(anchor.id)) - anchor.pos).toBeGreaterThan(0)
})

test('a live end that cannot be read says so with Try again, which reads it at once', async ({ page }) => {
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.route(`${PORTAL}/rest/**`, (route) => (isLivePoll(route.request()) ? route.abort('internetdisconnected') : route.fallback()))
  await nextPollOnClock(page)
  const line = card.app.getByRole('status').filter({ hasText: 'Cannot reach Bitrix24' })
  await expect(line).toBeVisible()
  await page.unroute(`${PORTAL}/rest/**`)
  // Try again reads the live end now, not at the poll's next turn (the clock is not moved on).
  const poll = page.waitForRequest(isLivePoll)
  await line.getByRole('button', { name: 'Try again' }).click()
  await (await poll).response()
  await expect(line).toHaveCount(0)
})
