import { expect, test, type Page, type Response } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { focusedId, fromApp, isLivePoll, methodOf, taskCard } from './feed-page'
import { resetPortal, rest } from './portal'

/**
 * A jump to the newest message through im.dialog.messages.get, on a portal that resolves batch
 * references as Bitrix24 does (CRestUtil::processBatchElement, rest/classes/general/rest_util.php):
 * a reference to a row that read nothing becomes the deepest value reached, not an empty string,
 * so the row chained from it is refused, and the app reads the newest page instead: two round
 * trips at most, the message focused. FIRST_ID reads come in no set order (the portal's default).
 */

// The opening's search row is refused once (the method missing): the app reads history through
// get from then on, for the session; the chat search (with SEARCH_MESSAGE) still serves afterwards.
test.beforeEach(async ({ request }) =>
  resetPortal(request, { methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND', times: 1 }] }),
)

/** History reads of the app's frame from now on (method and body), live polls aside. */
function historyLog(page: Page) {
  const calls: { method: string; body: string }[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(`${PORTAL}/rest/`) || !fromApp(request)) return
    const method = methodOf(request.url())
    const body = decodeURIComponent(request.postData() ?? '')
    // A live poll (a batch of live_<chatId> rows) comes whenever the poller's cadence says: not part of the jump.
    const livePoll = /live_\d+/.test(body)
    const history =
      (method === 'batch' && body.includes('im.dialog.messages.') && !livePoll) || (method.startsWith('im.dialog.messages.') && !body.includes('FIRST_ID'))
    if (history) calls.push({ method, body })
  })
  return calls
}

test('a jump to the newest message through get: the refused chained row is not read as the newest page, two round trips, focused', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()

  // From here the feed learns nothing newer by itself (live polls and whole newest-page reads
  // fail), so the message posted next is not in it when the reader jumps there. Live polls are
  // batches: a busy run's poll, let through, brought the message in before the jump.
  let newestReads = false
  await page.route(
    (url) => url.pathname.startsWith('/rest/im.dialog.messages.get'),
    (route) => (newestReads && !(route.request().postData() ?? '').includes('FIRST_ID') ? route.continue() : route.abort()),
  )
  await page.route(
    (url) => url.pathname.startsWith('/rest/batch'),
    (route) => (!newestReads && isLivePoll(route.request()) ? route.abort() : route.fallback()),
  )
  const text = `Quokka minutes for the board ${Date.now()}`
  const newest = await rest<number>(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: text }, 2)

  const box = card.app.getByRole('searchbox', { name: 'Search in chat' })
  await box.fill('quokka minutes')
  const option = card.app.getByRole('listbox', { name: 'Search results' }).getByRole('option')
  await expect(option).toHaveCount(1)
  await expect(card.feed.locator(`article[data-message-id="${newest}"]`)).toHaveCount(0)

  newestReads = true
  const calls = historyLog(page)
  const windowAnswer = page.waitForResponse(
    // The window's batch, not a live poll that comes due meanwhile (that batch reads the newest pages too).
    (response: Response) =>
      methodOf(response.url()) === 'batch' && !isLivePoll(response.request()) && (response.request().postData() ?? '').includes('im.dialog.messages.get'),
  )
  await box.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect.poll(() => focusedId(page), { timeout: 20_000, intervals: [20] }).toBe(String(newest))
  const article = card.feed.locator(`article[data-message-id="${newest}"]`)
  await expect(article).toBeFocused()
  await expect(article).toBeInViewport()
  await expect(article).toContainText(text)

  // The window batch: nothing is newer than the message, so the row chained from that empty read
  // got an array, not "", and was refused on its own; the app then read the newest page.
  const batch = (await (await windowAnswer).json()) as { result: { result_error: Record<string, { error: string }> } }
  expect(Object.values(batch.result.result_error).map((e) => e.error)).toEqual(['LAST_ID_STRING'])
  const describe = calls.map((c) => `${c.method} ${c.body.slice(0, 300)}`).join('\n')
  expect(
    calls.map((c) => c.method),
    describe,
  ).toEqual(['batch', 'im.dialog.messages.get'])
})
