import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal, rest, resultsOf, type WireMessage } from './portal'

/**
 * Edits are seen where the reader is, not only in the newest page: a reader who jumped far back has
 * the window on screen read again at the quiet cadence (every 30 s), and the edit shows in place.
 * The page's clock is Playwright's, so the half minute passes at once.
 */
test.beforeEach(async ({ request }) => resetPortal(request, { messageEditWindowS: 0 }))

test('an edit by its author far back shows in a run jumped into, at the quiet cadence', async ({ page, request }) => {
  // The oldest seeded result: far back in task 1's chat, and not loaded when the card opens.
  // The oldest result made from a message (results written in the task card have none).
  const target = Math.min(...(await resultsOf(request)).flatMap((r) => (r.messageId === null ? [] : [r.messageId])))
  const [original] = (
    await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.search', { CHAT_ID: 1001, ORDER: { ID: 'ASC' }, LAST_ID: target - 1, LIMIT: 1 })
  ).messages
  expect(original!.id).toBe(target)

  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  await card.app.getByRole('list', { name: 'Task results' }).getByRole('listitem').last().getByRole('button', { name: 'Show in chat' }).click()
  const article = card.feed.locator(`article[data-message-id="${target}"]`)
  await expect(article).toBeFocused()

  const text = `Corrected long after ${Date.now()}`
  await rest(request, 'im.message.update', { MESSAGE_ID: target, MESSAGE: text }, original!.author_id)
  // Not read yet: nothing has asked the portal about that stretch since the jump.
  await expect(article).not.toContainText(text)
  // The window's re-read: what follows the message before the first one shown, through search
  // (ORDER ASC from a LAST_ID below the target), which brings reactions as well.
  const reread = page.waitForRequest((r) => {
    const body = r.postData() ?? ''
    const last = /"LAST_ID":(\d+)/.exec(body)
    return r.url().includes('/rest/im.dialog.messages.search') && body.includes('"ASC"') && last !== null && Number(last[1]) < target
  })
  await page.clock.runFor(31_000)
  await (await reread).response()
  await expect(article).toContainText(text)
  await expect(article).toContainText('edited')
})
