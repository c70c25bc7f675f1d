import { expect, test, type APIRequestContext, type Locator } from '@playwright/test'
import { taskCard } from './feed-page'
import { markRead, resetPortal, rest, type WireMessage } from './portal'

/**
 * The messenger's look (issue #24, item 3) and the action bar that covers nothing (item 4): own
 * messages apart from others', one name per author's run, the day of the top row held over the
 * feed, and the hover/focus bar inside the message's own box in every language at phone widths.
 */

// No edit window: a message months back can be given a text to search; a bot may join the task's chat.
test.beforeEach(async ({ request }) => resetPortal(request, { messageEditWindowS: 0, taskChatKeepsAnyone: true }))

/** Whether an element takes room on screen (a visually hidden name is a 1px clip: read out, not shown). */
const shown = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1)

const CHAT = 1001
const LONG_NAME = 'Quarterly Marketing Campaign Planning Assistant'

/** A colleague's message and then the reader's own, both read, so the card opens at the end with the two last. */
async function ownAndOthers(request: APIRequestContext) {
  const stamp = Date.now()
  const theirs = await rest<number>(request, 'im.message.add', { DIALOG_ID: `chat${CHAT}`, MESSAGE: `Theirs ${stamp}` }, 3)
  const mine = await rest<number>(request, 'im.message.add', { DIALOG_ID: `chat${CHAT}`, MESSAGE: `Mine ${stamp}` }, 1)
  await markRead(request, 1, CHAT, mine)
  return { theirs, mine }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the reader's own messages sit on the right in the accent tint, others' on the left (${scheme})`, async ({ page, request }) => {
    const { theirs, mine } = await ownAndOthers(request)
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('/')
    const card = taskCard(page)
    await card.ready()
    const bubble = (id: number) => card.feed.locator(`article[data-message-id="${id}"] .message__bubble`)
    await expect(bubble(mine)).toBeVisible()
    const feed = (await card.scroller.boundingBox())!
    const own = (await bubble(mine).boundingBox())!
    const other = (await bubble(theirs).boundingBox())!
    // Own: against the right edge (the 16px margin and the scrollbar); others': after the photo on the left.
    expect(feed.x + feed.width - (own.x + own.width)).toBeLessThan(40)
    expect(own.x - feed.x).toBeGreaterThan(80)
    expect(other.x - feed.x).toBeLessThan(80)
    const colour = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor)
    const [ownColour, otherColour, page_] = [await colour(bubble(mine)), await colour(bubble(theirs)), await colour(card.app.locator('body'))]
    expect(ownColour).not.toBe(otherColour)
    expect(ownColour).not.toBe(page_)
    // The accent tint: blue is its strongest channel.
    const [r, g, b] = ownColour.match(/\d+/g)!.map(Number) as [number, number, number]
    expect(b).toBeGreaterThan(r)
    expect(b).toBeGreaterThan(g)
    // Others' message shows its author's name; the reader's own does not.
    expect(await shown(card.feed.locator(`article[data-message-id="${theirs}"]`).getByText('John Carter', { exact: true }))).toBe(true)
    expect(await shown(card.feed.locator(`article[data-message-id="${mine}"]`).getByText('Alex Morgan', { exact: true }))).toBe(false)
  })
}

test('a run of one author’s messages minutes apart shows the name and the photo once', async ({ page, request }) => {
  const stamp = Date.now()
  const ids: number[] = []
  for (const n of [1, 2, 3]) ids.push(await rest<number>(request, 'im.message.add', { DIALOG_ID: `chat${CHAT}`, MESSAGE: `Run ${n} ${stamp}` }, 5))
  await markRead(request, 1, CHAT, ids[2]!)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const run = card.feed.getByRole('article').filter({ hasText: `${stamp}` })
  await expect(run).toHaveCount(3)
  // Each is still named by its author for screen readers; on screen, the name shows once.
  for (const n of [0, 1, 2]) await expect(run.nth(n)).toHaveAccessibleName(/^Emily Zhang /)
  const names = await Promise.all([0, 1, 2].map((n) => shown(run.nth(n).getByText('Emily Zhang', { exact: true }))))
  expect(names).toEqual([true, false, false])
  const photos = await Promise.all([0, 1, 2].map((n) => run.nth(n).locator('.avatar').count()))
  expect(photos).toEqual([1, 0, 0])
  // The time shows on every message of the run.
  for (const n of [0, 1, 2]) await expect(run.nth(n).locator('time')).toBeVisible()
})

/** The chat's messages from its start, oldest first (FIRST_ID=0 reads forward from the first). */
async function firstMessages(request: APIRequestContext): Promise<WireMessage[]> {
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: `chat${CHAT}`, FIRST_ID: 0, LIMIT: 50 })
  return [...messages].sort((a, b) => a.id - b.id)
}

test('after a jump to 2 March the day held over the feed says 2 March', async ({ page, request }) => {
  test.setTimeout(60_000)
  const first = await firstMessages(request)
  const human = first.filter((m) => m.author_id !== 0 && m.date.startsWith('2026-03-02') && (Array.isArray(m.params) || m.params['IS_DELETED'] !== 'Y'))
  // Far enough into the day that rows of 2 March lie above it once it is centred.
  const target = human[Math.min(12, human.length - 1)]!
  const text = `Walrus agenda for the kick-off ${Date.now()}`
  expect(await rest<boolean>(request, 'im.message.update', { MESSAGE_ID: target.id, MESSAGE: text }, target.author_id)).toBe(true)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const box = card.app.getByRole('searchbox', { name: 'Search in chat' })
  await box.fill('walrus agenda')
  const option = card.app.getByRole('listbox', { name: 'Search results' }).getByRole('option')
  await expect(option).toHaveCount(1)
  await option.click()
  const article = card.feed.locator(`article[data-message-id="${target.id}"]`)
  await expect(article).toBeFocused({ timeout: 20_000 })
  await card.settled()
  const sticky = card.app.locator('.sticky-day')
  await expect(sticky).toHaveText('March 2')
  // It names the day of the row at the top of the view.
  const top = await card.scroller.evaluate((el) => {
    const edge = el.getBoundingClientRect().top
    const row = [...el.querySelectorAll('article')].find((a) => a.getBoundingClientRect().bottom > edge)
    return row?.querySelector('time')?.getAttribute('datetime') ?? null
  })
  expect(top).toMatch(/^2026-03-0[12]T/)
})

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** A bot with a long name, in the chat, posts: the message with a long author name. */
async function longNamePost(request: APIRequestContext): Promise<number> {
  const botId = (await rest<{ bot: { id: number } }>(request, 'imbot.v2.Bot.register', { fields: { code: 'long_name_bot', properties: { name: LONG_NAME } } }))
    .bot.id
  await rest(request, 'im.chat.user.add', { CHAT_ID: CHAT, USERS: [botId] })
  const { id } = await rest<{ id: number }>(request, 'imbot.v2.Chat.Message.send', {
    botId,
    dialogId: `chat${CHAT}`,
    fields: { message: 'A message from an author whose name is long' },
  })
  return id
}

/**
 * The one action bar showing: inside the feed's view (not under the toolbar), over no other
 * message, and clear of its own message's name and time.
 */
async function checkBar(article: Locator, what: string, again?: () => Promise<void>) {
  // One snapshot in which exactly one bar shows and it is this message's (the pointer's or the focus's move is styled a frame or more later).
  // `again` puts the pointer back before each look: a live poll's message may move the feed under a still pointer.
  const snapshot = () =>
    article.evaluate((own) => {
      const rect = (el: Element | null) => {
        if (!el) return null
        const r = el.getBoundingClientRect()
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      }
      const bar = own.querySelector('.message__actions')!
      const header = own.querySelector('.message__header:not(.visually-hidden)')
      return {
        bar: rect(bar)!,
        opacity: getComputedStyle(bar).opacity,
        others: [...document.querySelectorAll('article')].filter((a) => a !== own).map((a) => rect(a)!),
        scroller: rect(own.closest('.feed-scroller'))!,
        author: header ? rect(header.querySelector('.message__author')) : null,
        time: rect(own.querySelector('time')),
        shown: [...document.querySelectorAll('.message__actions')].filter((b) => getComputedStyle(b).opacity === '1').length,
      }
    })
  let report = await snapshot()
  await expect
    .poll(
      async () => {
        await again?.()
        report = await snapshot()
        return [report.shown, report.opacity]
      },
      { message: `${what}: one bar, its own` },
    )
    .toEqual([1, '1'])
  const { bar } = report
  for (const other of report.others) expect(overlaps(bar, other), `${what}: bar ${JSON.stringify(bar)} over ${JSON.stringify(other)}`).toBe(false)
  expect(bar.y, `${what}: under the toolbar`).toBeGreaterThanOrEqual(report.scroller.y)
  if (report.author) expect(overlaps(bar, report.author), `${what}: over its author`).toBe(false)
  expect(overlaps(bar, report.time!), `${what}: over its time`).toBe(false)
}

for (const lang of ['en', 'de', 'ru'] as const) {
  for (const width of [360, 480]) {
    test(`the action bar covers no other message, nor its own name and time (${lang}, ${width} px)`, async ({ page, request }) => {
      test.setTimeout(60_000)
      const longId = await longNamePost(request)
      const { theirs, mine } = await ownAndOthers(request)
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`/task/1?lang=${lang}`)
      const card = taskCard(page)
      await expect(card.app.getByRole('feed')).toHaveAttribute('aria-busy', 'false')
      const article = (id: number) => card.app.locator(`article[data-message-id="${id}"]`)
      await expect(article(mine)).toBeVisible()
      const cases = [
        [mine, 'own'],
        [theirs, 'others’'],
        [longId, 'long name'],
      ] as const
      for (const [id, what] of cases) {
        await article(id).scrollIntoViewIfNeeded()
        await article(id).hover()
        await checkBar(article(id), `${what}, hovered`, () => article(id).hover())
      }
      await page.mouse.move(0, 0)
      for (const [id, what] of cases) {
        await article(id).focus()
        await checkBar(article(id), `${what}, focused`)
      }
      await article(mine).evaluate((el) => el.blur())
      // The top message of the view, wholly in it: hovered, and focused while another is hovered (one bar).
      const scroller = card.app.locator('.feed-scroller')
      const topId = await scroller.evaluate((el) => {
        const top = el.getBoundingClientRect().top
        const first = [...el.querySelectorAll('article')].find((a) => a.getBoundingClientRect().top >= top && a.querySelector('.message__actions'))
        return Number(first?.getAttribute('data-message-id'))
      })
      expect(topId).toBeGreaterThan(0)
      await article(topId).hover({ position: { x: 40, y: 8 } })
      await checkBar(article(topId), 'top, hovered', () => article(topId).hover({ position: { x: 40, y: 8 } }))
      await article(topId).focus()
      await article(mine).hover()
      await checkBar(article(topId), 'top focused, another hovered', () => article(mine).hover())
    })
  }
}

test('a short chat rests on the composer, with no gap above it', async ({ page }) => {
  // Task 2 has no chat yet: its first message starts one.
  await page.goto('/task/2')
  const card = taskCard(page)
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await box.fill('The first and only message')
  await box.press('Enter')
  // Sent and saved (the portal's id on it), not still on its way: a reload then would leave the send's
  // outcome unknown (a quiet run reloaded mid-send and found the saved message beside a "Not sent" copy).
  await expect(card.feed.locator('article[data-message-id]')).toHaveCount(1)
  await expect(card.feed.getByRole('article')).toHaveCount(1)
  await page.reload()
  await card.ready()
  const article = (await card.feed.getByRole('article').boundingBox())!
  const composer = (await box.boundingBox())!
  const scroller = (await card.scroller.boundingBox())!
  // At the end of the feed's frame, right above the composer; the space is above the chat's start.
  expect(scroller.y + scroller.height - (article.y + article.height)).toBeLessThan(12)
  expect(composer.y - (article.y + article.height)).toBeLessThan(40)
  expect(article.y - scroller.y).toBeGreaterThan(scroller.height / 2)
})
