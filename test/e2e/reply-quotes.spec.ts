import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test'
import { focusedId, nextPollOnClock, taskCard } from './feed-page'
import { markRead, resetPortal, rest } from './portal'

/**
 * A reply's quote whichever reader brought it, in task 1's chat (chat 1001) as user 1.
 * Live polls read the newest page through im.dialog.messages.search, which has REPLY_ID (get keeps
 * none: CIMMessageParam::GetDefault()), so a reply a poll brings needs no second read; a window
 * around a message jumped to is read through search itself.
 */
const post = (request: APIRequestContext, params: Record<string, unknown>, userId = 2) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', ...params }, userId)

const nameOf = async (request: APIRequestContext, id: number) => (await rest<{ name: string }>(request, 'im.user.get', { ID: id })).name

/** A parameter of a request body (JSON or form-encoded). */
function paramOf(body: string, name: string): number | undefined {
  const match = new RegExp(`${name}["=:\\]]+"?(\\d+)`).exec(decodeURIComponent(body))
  return match ? Number(match[1]) : undefined
}

/** im.dialog.messages.search requests outside a batch with LAST_ID `lastId()`: their LIMIT each. */
function searchesFor(page: Page, lastId: () => number | undefined) {
  const limits: (number | undefined)[] = []
  page.on('request', (r: Request) => {
    const id = lastId()
    const body = r.postData() ?? ''
    if (id !== undefined && r.url().includes('/rest/im.dialog.messages.search') && paramOf(body, 'LAST_ID') === id) limits.push(paramOf(body, 'LIMIT'))
  })
  return limits
}

test('a reply that arrives through the live poll (search) shows its quote with no second read, and the quote jumps', async ({ page, request }) => {
  await resetPortal(request)
  const originalText = `The supplier confirmed the delivery window ${Date.now()}`
  const originalId = await post(request, { MESSAGE: originalText }, 3)
  // Enough after it that the original is off screen when the reply comes.
  let last = originalId
  for (let i = 0; i < 20; i++) last = await post(request, { MESSAGE: `Status line ${i}` }, 3)
  // Read, so the card opens at the end and follows the reply (20 unread would open at "New messages").
  await markRead(request, 1, 1001, last)
  const author = await nameOf(request, 3)

  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const posted: { id?: number } = {}
  const enrich = searchesFor(page, () => (posted.id === undefined ? undefined : posted.id + 1))
  const text = `Good, that window works for us ${Date.now()}`
  const replyId = await post(request, { MESSAGE: text, REPLY_ID: originalId })
  posted.id = replyId

  const reply = card.feed.locator(`article[data-message-id="${replyId}"]`)
  await nextPollOnClock(page)
  await expect(reply).toContainText(text)
  const quote = reply.getByRole('button', { name: `Reply to ${author}: go to the message` })
  await expect(quote).toBeVisible()
  await expect(reply).toContainText(originalText)

  // No search of its own: once a poll asked for after the quote showed has answered, nothing more is on its way.
  await card.nextPoll()
  expect(enrich, 'searches for the reply alone (LIMIT of each)').toEqual([])

  await quote.click()
  await expect.poll(() => focusedId(page), { timeout: 20_000, intervals: [20] }).toBe(String(originalId))
  const original = card.feed.locator(`article[data-message-id="${originalId}"]`)
  await expect(original).toBeFocused()
  await expect(original).toBeInViewport()
})

test('a reply reached by a jump (a window read) shows its quote, and the quote jumps', async ({ page, request }) => {
  await resetPortal(request)
  const originalText = `Which crane do we book for Friday ${Date.now()}`
  const originalId = await post(request, { MESSAGE: originalText }, 3)
  const text = `Marigold crane, the smaller one ${Date.now()}`
  const replyId = await post(request, { MESSAGE: text, REPLY_ID: originalId })
  // Far enough back that the opening page does not hold it.
  let newest = replyId
  for (let i = 0; i < 70; i++) newest = await post(request, { MESSAGE: `Later note ${i}` }, 3)
  // Read up to the newest: the opening reads no unread run that would hold the reply.
  await markRead(request, 1, 1001, newest)
  const author = await nameOf(request, 3)

  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const reply = card.feed.locator(`article[data-message-id="${replyId}"]`)
  await expect(reply).toHaveCount(0)
  const box = card.app.getByRole('searchbox', { name: 'Search in chat' })
  await box.fill('marigold crane')
  const option = card.app.getByRole('listbox', { name: 'Search results' }).getByRole('option')
  await expect(option).toHaveCount(1)
  await option.click()
  await expect.poll(() => focusedId(page), { timeout: 20_000, intervals: [20] }).toBe(String(replyId))

  const quote = reply.getByRole('button', { name: `Reply to ${author}: go to the message` })
  await expect(quote).toBeVisible()
  await expect(reply).toContainText(originalText)
  await quote.click()
  await expect.poll(() => focusedId(page), { timeout: 20_000, intervals: [20] }).toBe(String(originalId))
  await expect(card.feed.locator(`article[data-message-id="${originalId}"]`)).toBeInViewport()
})
