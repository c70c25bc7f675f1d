import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { taskCard, clickAction } from './feed-page'
import { resetPortal, rest, type WireMessage } from './portal'

/**
 * A message's content outside its text, in task 1's chat (chat 1001) as user 1: ATTACH
 * blocks and KEYBOARD buttons written through im.message.add as its page documents them
 * (api-reference/chats/messages/im-message-add.md: ATTACH, KEYBOARD), likes through im.message.like,
 * and a reply read back only through im.dialog.messages.get.
 */
const post = (request: APIRequestContext, params: Record<string, unknown>, userId = 2) =>
  rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', ...params }, userId)

async function onPortal(request: APIRequestContext, id: number): Promise<WireMessage | undefined> {
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 20 })
  return messages.find((m) => m.id === id)
}

async function open(page: Page) {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  return { card, article: (id: number) => card.feed.locator(`article[data-message-id="${id}"]`) }
}

test('ATTACH text shows in the message, and a KEYBOARD link opens its page in a new tab', async ({ page, request, context }) => {
  await resetPortal(request)
  const target = `${PORTAL}/__portal/conditions`
  const id = await post(request, {
    MESSAGE: 'See the attachment',
    ATTACH: [{ MESSAGE: 'Result text from the [B]attach[/B]' }, { DELIMITER: { SIZE: 200 } }, { GRID: [{ NAME: 'Status', VALUE: 'Done', DISPLAY: 'LINE' }] }],
    KEYBOARD: [{ TEXT: 'Open the report', LINK: target }],
  })
  const stored = await onPortal(request, id)
  const params = stored && !Array.isArray(stored.params) ? stored.params : {}
  expect(Array.isArray(params['ATTACH']) && Array.isArray(params['KEYBOARD']), 'the portal keeps ATTACH and KEYBOARD').toBe(true)
  const { article } = await open(page)
  await expect(article(id)).toContainText('Result text from the attach')
  await expect(article(id).getByText('Status')).toBeVisible()
  const button = article(id).getByRole('link', { name: 'Open the report' })
  await expect(button).toHaveAttribute('target', '_blank')
  const [popup] = await Promise.all([context.waitForEvent('page'), button.click()])
  await expect.poll(() => popup.url()).toBe(target)
  await popup.close()
})

test('likes show with who liked, and the reader’s own is pressed', async ({ page, request }) => {
  await resetPortal(request)
  const id = await post(request, { MESSAGE: `Worth a like ${Date.now()}` })
  await rest(request, 'im.message.like', { MESSAGE_ID: id, ACTION: 'plus' }, 1)
  await rest(request, 'im.message.like', { MESSAGE_ID: id, ACTION: 'plus' }, 3)
  const { article } = await open(page)
  const reactions = article(id).getByRole('list', { name: 'Reactions' })
  await expect(reactions).toContainText('2 likes')
  await article(id).hover()
  const like = article(id).getByRole('button', { name: 'Like', exact: true })
  await expect(like).toHaveAttribute('aria-pressed', 'true')
  await expect(like).toHaveAccessibleDescription(/Liked by Alex Morgan, /)
})

test('a reply keeps its quote, and the quote jumps, when history comes only through im.dialog.messages.get', async ({ page, request }) => {
  await resetPortal(request, { legacyIm: true, methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND' }] })
  const searches: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/rest/im.dialog.messages.search')) searches.push(r.url())
  })
  await page.clock.install()
  const { card } = await open(page)
  const original = card.feed.locator('article:not(.message--system)').nth(-3)
  const originalId = (await original.getAttribute('data-message-id'))!
  await clickAction(original, 'Reply')
  const text = `Replying on a legacy portal ${Date.now()}`
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  const reply = card.feed.getByRole('article').filter({ hasText: text })
  await expect(reply).toHaveAttribute('data-message-id', /^\d+$/)
  // The newest page read again through get (no REPLY_ID in it) leaves the quote where it was.
  await card.nextPoll()
  await card.nextPoll()
  const quote = reply.getByRole('button', { name: /^Reply to .*: go to the message$/ })
  await expect(quote).toBeVisible()
  await card.scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await quote.click()
  await expect(card.app.locator('article:focus')).toHaveAttribute('data-message-id', originalId)
  expect(searches.length).toBeLessThanOrEqual(1) // at most the refused first try
})

/**
 * The seeded newest page (test/portal/seed/demo-recent.ts): the tasks module's result notice carries
 * the result's text only in ATTACH (tasks/lib/V2/Internal/Integration/Im/Action/NotifyResultAdded.php),
 * and people reacted with several kinds, the card's user (1) among them.
 */
test('the result notice shows the result’s text from its attachment', async ({ page, request }) => {
  await resetPortal(request)
  const { card } = await open(page)
  const notice = card.feed.getByRole('article').filter({ hasText: 'added task status summary' }).last()
  await expect(notice).toContainText('Task status summary')
  await expect(notice).toContainText('Launch is ready: landing page, ads, newsletter and booth checked.')
  await expect(notice).toContainText('launch-checklist.pdf')
  await expect(notice).not.toContainText('[TIMESTAMP')
})

test('reactions of several kinds show with their counts and who reacted, the reader’s own marked', async ({ page, request }) => {
  await resetPortal(request)
  const { card } = await open(page)
  const fixed = card.feed.getByRole('article').filter({ hasText: 'Fixed the button colour, deployed.' })
  const reactions = fixed.getByRole('list', { name: 'Reactions' })
  await expect(reactions.getByRole('listitem')).toHaveCount(3)
  await expect(reactions).toContainText('1 like')
  await expect(reactions.getByRole('listitem').filter({ hasText: 'Heart: 1, by Мария Иванова' })).toBeVisible()
  // The reader's own reaction (user 1 clapped) says so.
  await expect(reactions.getByRole('listitem').filter({ hasText: /by Alex Morgan \(yours\)/ })).toBeVisible()
})
