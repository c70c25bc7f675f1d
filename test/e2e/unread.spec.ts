/**
 * Unread messages: the card opens at the first unread message under "New messages", and what
 * the reader has seen is marked read on the portal with im.dialog.read, a few calls, not one per message.
 */
import { expect, test, type Page, type Request, type Route } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { nextPollOnClock, runClockUntil, taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

const CHAT = 1001
/** Мария Иванова, who has not read the newest 12 messages of task 1 (the seed). */
const READER = 2

test.beforeEach(async ({ request }) => resetPortal(request))

interface Flagged {
  id: number
  authorId: number
  unread: boolean
}

/** The newest `limit` messages of the demo chat as `userId` reads them, newest first, with their unread flags. */
const newest = async (request: Parameters<typeof rest>[0], userId: number, limit = 50) =>
  (await rest<{ messages: Flagged[] }>(request, 'im.dialog.messages.search', { CHAT_ID: CHAT, LIMIT: limit }, userId)).messages

/** How many messages of the chat `userId` has not read (im-dialog-get.md `counter`). */
const counterOf = async (request: Parameters<typeof rest>[0], userId: number) =>
  (await rest<{ counter: number }>(request, 'im.dialog.get', { DIALOG_ID: `chat${CHAT}` }, userId)).counter

/** The MESSAGE_ID of every im.dialog.read the app sends from now on, in order. */
function readMarks(page: Page): number[] {
  const ids: number[] = []
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(`${PORTAL}/rest/im.dialog.read`)) return
    const match = /MESSAGE_ID["=:\]]+"?(\d+)/.exec(decodeURIComponent(r.postData() ?? ''))
    ids.push(match ? Number(match[1]) : 0)
  })
  return ids
}

test('a card with unread messages opens at the first of them under "New messages", and what is seen is marked read', async ({ page, request }) => {
  const before = await newest(request, READER)
  const firstUnread = before.filter((m) => m.unread).at(-1)!
  const unread = await counterOf(request, READER)
  expect(unread).toBeGreaterThan(0)
  const marks = readMarks(page)
  // Read marks go at most every 4 s (read-mark.ts), on the page's clock.
  await page.clock.install()
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  const divider = card.feed.getByText('New messages', { exact: true })
  await expect(divider).toBeInViewport()
  // Right before the first unread message, and only once.
  await expect(divider).toHaveCount(1)
  await expect(divider.locator('xpath=../following-sibling::article[1]')).toHaveAttribute('data-message-id', String(firstUnread.id))
  // Which a screen reader hears as the first unread message's description (the line itself is decoration).
  await expect(card.feed.locator(`article[data-message-id="${firstUnread.id}"]`)).toHaveAccessibleDescription('New messages')
  await page.screenshot({ path: 'test-results/unread-divider.png' })
  // What is on screen is marked read; the rest once the reader has scrolled down to it.
  await runClockUntil(page, async () => (await counterOf(request, READER)) < unread, 'what is on screen marked read', 30_000)
  await card.app.getByRole('button', { name: 'Jump to latest' }).click()
  await runClockUntil(page, async () => (await counterOf(request, READER)) === 0, 'all marked read', 30_000)
  expect((await newest(request, READER)).some((m) => m.unread)).toBe(false)
  expect(marks.length).toBeGreaterThan(0)
  // The divider stays for this visit (back up where it is, the list renders only what is near the view);
  // the next open has nothing unread and no divider.
  await expect
    .poll(async () => {
      if ((await divider.count()) === 0) await card.scrollBy(-300)
      return divider.count()
    })
    .toBe(1)
  await expect(divider).toBeVisible()
  await page.reload()
  await taskCard(page).ready()
  await expect(taskCard(page).feed.getByText('New messages', { exact: true })).toHaveCount(0)
})

test('more unread than one page: opens far back at the first unread, and scrolling down marks read in a few calls, never backwards', async ({
  page,
  request,
}) => {
  const history = await newest(request, 1, 200)
  const lastRead = history[150]!
  await request.post(`${PORTAL}/__portal/read`, { data: { userId: READER, chatId: CHAT, messageId: lastRead.id } })
  const firstUnread = history
    .slice(0, 150)
    .reverse()
    .find((m) => m.authorId !== READER)!
  const marks = readMarks(page)
  const batches: string[] = []
  page.on('request', (r) => r.url().startsWith(`${PORTAL}/rest/batch`) && batches.push(decodeURIComponent(r.postData() ?? '')))
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  const divider = card.feed.getByText('New messages', { exact: true })
  await expect(divider).toBeInViewport()
  await expect(divider.locator('xpath=../following-sibling::article[1]')).toHaveAttribute('data-message-id', String(firstUnread.id))
  // Still one round trip: the opening batch read where the reader stopped and what follows it.
  expect(batches).toHaveLength(1)
  expect(batches[0]).toContain('im.dialog.get')
  await expect(card.app.getByRole('button', { name: 'Jump to latest' })).toBeVisible()

  // Read down to the newest message; newer pages load on the way.
  const newestRow = card.feed.locator(`article[data-message-id="${history[0]!.id}"]`)
  await expect
    .poll(
      async () => {
        await card.scrollBy(500)
        return newestRow.count()
      },
      { timeout: 60_000, intervals: [50] },
    )
    .toBe(1)
  await newestRow.scrollIntoViewIfNeeded()
  await expect.poll(() => counterOf(request, READER), { timeout: 20_000 }).toBe(0)
  // Some 150 messages went by: a few throttled calls, each further on than the one before.
  expect(marks.length).toBeGreaterThan(0)
  expect(marks.length).toBeLessThan(15)
  expect(marks).toEqual([...marks].sort((a, b) => a - b))
  expect(new Set(marks).size).toBe(marks.length)
})

test('when the page that joins the far-back run to the newest lands, the reader stays where they read: the feed never flashes to the end', async ({
  page,
  request,
}) => {
  const history = await newest(request, 1, 200)
  await request.post(`${PORTAL}/__portal/read`, { data: { userId: READER, chatId: CHAT, messageId: history[150]!.id } })
  // The newer page below the run the card opens in waits until the reader sits at that run's bottom.
  const held: Route[] = []
  await page.route(`${PORTAL}/rest/im.dialog.messages.get**`, (route) =>
    /FIRST_ID/.test(decodeURIComponent(route.request().postData() ?? '')) ? void held.push(route) : route.continue(),
  )
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  await expect
    .poll(
      async () => {
        await card.scrollBy(2000)
        return held.length
      },
      { message: 'the newer page was asked for' },
    )
    .toBeGreaterThan(0)
  await card.scrollBy(100_000)
  const before = await card.firstVisible()
  // Every frame from now on: did the newest message ever render?
  await card.feed.evaluate((feed, id) => {
    const w = window as unknown as { sawNewest: boolean }
    w.sawNewest = false
    const tick = () => {
      if (feed.querySelector(`article[data-message-id="${id}"]`)) w.sawNewest = true
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, history[0]!.id)
  for (const route of held.splice(0)) await route.continue()
  await page.unroute(`${PORTAL}/rest/im.dialog.messages.get**`)
  // The page landed below the reader (its first message is rendered just under the view), and the view did not move.
  await expect(card.feed.locator(`article[data-message-id="${history[99]!.id}"]`)).toBeAttached()
  await card.settled()
  expect(await card.firstVisible()).toEqual(before)
  expect(await card.feed.evaluate(() => (window as unknown as { sawNewest: boolean }).sawNewest)).toBe(false)
  await expect(card.app.getByRole('button', { name: 'Jump to latest' })).toBeVisible()
})

test('with nothing unread the card opens at the newest message, shows no divider and sends no read mark', async ({ page }) => {
  const marks = readMarks(page)
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.settled()
  expect(await card.distanceFromEnd()).toBeLessThan(48)
  await expect(card.feed.getByText('New messages', { exact: true })).toHaveCount(0)
  // A live poll answered: a mark the opening would have sent is out by now.
  await card.nextPoll()
  expect(marks).toEqual([])
})

test('a message from someone else that arrives while the reader is scrolled up stays unread until it is seen', async ({ page, request }) => {
  const marks = readMarks(page)
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.scrollBy(-2_000)
  const id = await rest<number>(request, 'im.message.add', { DIALOG_ID: `chat${CHAT}`, MESSAGE: 'Are you there?' }, READER)
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  // The poll brought it: the button counts it.
  await nextPollOnClock(page)
  await expect(jump).toHaveAccessibleName(/1 new message/)
  // Another poll answered and shown: a mark the app would send for it is out by now.
  await nextPollOnClock(page)
  await card.frames()
  expect(marks.filter((m) => m >= id)).toEqual([])
  expect((await newest(request, 1, 1))[0]).toMatchObject({ id, unread: true })
  await jump.click()
  await expect(card.feed.getByRole('article').filter({ hasText: 'Are you there?' })).toBeInViewport()
  await runClockUntil(page, async () => !(await newest(request, 1, 1))[0]!.unread, 'the message marked read once seen', 30_000)
  expect(marks).toEqual([id])
})

test('a refused read mark never troubles the reader: nothing is said, and it is tried again later', async ({ page, request }) => {
  await resetPortal(request, { methodFaults: [{ method: 'im.dialog.read', error: 'INTERNAL_SERVER_ERROR', times: 1 }] })
  const unread = await counterOf(request, READER)
  await page.clock.install()
  const refused = page.waitForResponse((r) => r.url().startsWith(`${PORTAL}/rest/im.dialog.read`) && r.status() === 500)
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  await refused
  await card.frames()
  await expect(card.app.getByRole('alert')).toHaveCount(0)
  await expect(card.app.getByText('Bitrix24 had a problem answering. Try again in a moment.')).toHaveCount(0)
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeEnabled()
  expect(await counterOf(request, READER)).toBe(unread)
  // The quiet retry, 20 s on (the page's clock is Playwright's, so it passes at once).
  const retried = page.waitForResponse((r) => r.url().startsWith(`${PORTAL}/rest/im.dialog.read`) && r.status() === 200)
  await page.clock.runFor(21_000)
  await retried
  expect(await counterOf(request, READER)).toBeLessThan(unread)
})

test('after a jump elsewhere, "Jump to latest" goes to the newest message, not back to "New messages"', async ({ page }) => {
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  await expect(card.feed.getByText('New messages', { exact: true })).toBeInViewport()
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  await card.app.getByRole('list', { name: 'Task results' }).getByRole('listitem').first().getByRole('button', { name: 'Show in chat' }).click()
  await expect(card.feed.locator('article:focus')).toBeVisible()
  await card.app.getByRole('button', { name: 'Jump to latest' }).click()
  await card.settled()
  expect(await card.distanceFromEnd()).toBeLessThan(48)
})

test('with unread messages below, "Jump to latest" shows how many, in its name too; the first Tab into the feed lands on the first unread', async ({
  page,
  request,
}) => {
  const firstUnread = (await newest(request, READER)).filter((m) => m.unread && m.authorId !== READER).at(-1)!
  // A short frame: most of the unread messages are below the view.
  await page.setViewportSize({ width: 1280, height: 600 })
  await page.goto(`/task/1?user=${READER}`)
  const card = taskCard(page)
  await card.ready()
  await expect(card.feed.getByText('New messages', { exact: true })).toBeInViewport()
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  await expect(jump).toHaveAccessibleName(/^Jump to latest, \d+ new messages?$/)
  // What it shows is what it is called (WCAG 2.5.3).
  const shown = (await jump.innerText()).replace(/\s+/g, ' ').replace('↓', '').trim()
  expect(shown).toMatch(/^\d+ new messages?$/)
  await expect(jump).toHaveAccessibleName(`Jump to latest, ${shown}`)
  // From the toolbar, Tab goes to the first unread message, where a reader of the news starts.
  await card.app.getByRole('switch', { name: 'Show system messages' }).focus()
  await page.keyboard.press('Tab')
  await expect(card.app.locator('article:focus')).toHaveAttribute('data-message-id', String(firstUnread.id))
})
