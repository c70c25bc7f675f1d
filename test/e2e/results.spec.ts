import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { holdClock, holdRequests, isOpeningBatch, runClockUntil, taskCard, clickAction } from './feed-page'
import { resetPortal, rest, resultsOf } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

/** Opens the card on Playwright's clock (the next poll, an Undo's 8 s: the page's time) and picks the message before the newest. */
async function openAndPick(page: Page, path = '/') {
  await page.clock.install()
  await page.goto(path)
  const card = taskCard(page)
  await card.ready()
  const message = card.feed.locator('article:not(.message--system)').nth(-2)
  const id = Number(await message.getAttribute('data-message-id'))
  return { card, message, id }
}

/**
 * Making or removing a result posts the tasks module's notice to the chat (NotifyResultFromMessage),
 * and the next poll brings it: the feed's end moves up by its height. The next click waits until the
 * chat's newest message is on screen, so it never lands on a row that is moving; the poll comes on
 * the page's clock.
 */
async function newestShown(page: Page, request: APIRequestContext) {
  const { last_id: newest } = await rest<{ last_id: number }>(request, 'im.dialog.get', { DIALOG_ID: 'chat1001' })
  const row = taskCard(page).feed.locator(`article[data-message-id="${newest}"]`)
  await runClockUntil(page, async () => (await row.count()) === 1, 'the chat’s newest message shown', 31_000)
}

test('one click makes a message the task result: badge at once, exactly one result on the portal', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  await expect(message.getByText('Result', { exact: true })).toHaveCount(0)
  await clickAction(message, 'Make result')
  await expect(message.getByText('Result', { exact: true })).toBeVisible()
  await expect(message.getByRole('button', { name: 'Make result' })).toHaveCount(0)
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
})

test('a double click still makes exactly one result', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  await clickAction(message, 'Make result', { double: true })
  await expect(message.getByText('Result', { exact: true })).toBeVisible()
  // "Remove result" is offered only for a result the portal has and once no attempt is on its
  // way: nothing can add a second one after it shows.
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  expect(await resultsOf(request, id)).toHaveLength(1)
})

test('a failure rolls the badge back with the reason; a retry still ends with exactly one result', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  await resetPortal(request, { failureRate: 1 })
  await clickAction(message, 'Make result')
  await expect(message.getByRole('alert')).toContainText('The result could not be saved')
  await expect(message.getByText('Result', { exact: true })).toHaveCount(0)
  await resetPortal(request)
  await clickAction(message, 'Make result')
  await expect(message.getByText('Result', { exact: true })).toBeVisible()
  await expect(message.getByRole('alert')).toHaveCount(0)
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
})

test('when the answer is lost after the portal made the result, a retry does not make a second one', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  await page.route(`${PORTAL}/rest/api/tasks.task.result.addfromchatmessage**`, async (route) => {
    await route.fetch()
    await route.abort('connectionreset')
  })
  await clickAction(message, 'Make result')
  await expect(message.getByRole('alert')).toBeVisible()
  await page.unroute(`${PORTAL}/rest/api/tasks.task.result.addfromchatmessage**`)
  await clickAction(message, 'Make result')
  await expect(message.getByText('Result', { exact: true })).toBeVisible()
  // Settled (see above): the retry has finished, and found the result instead of making another.
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  await expect(message.getByRole('alert')).toHaveCount(0)
  expect(await resultsOf(request, id)).toHaveLength(1)
})

test('two tabs clicking at once still make exactly one result', async ({ page, context, request }) => {
  const first = await openAndPick(page)
  const other = await context.newPage()
  const second = await openAndPick(other)
  expect(second.id).toBe(first.id)
  await first.message.hover()
  await second.message.hover()
  await Promise.all([first.message.getByRole('button', { name: 'Make result' }).click(), second.message.getByRole('button', { name: 'Make result' }).click()])
  await expect(first.message.getByText('Result', { exact: true })).toBeVisible()
  await expect(second.message.getByText('Result', { exact: true })).toBeVisible()
  // Both attempts have settled (each tab offers "Remove result" only then), the loser having
  // withdrawn its own: from here on the count cannot change.
  await expect(first.message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  await expect(second.message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  expect(await resultsOf(request, first.id)).toHaveLength(1)
})

test('reopening the card shows the badge, and no "Make result" on it', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  await clickAction(message, 'Make result')
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
  await page.reload()
  const card = taskCard(page)
  await card.ready()
  const again = card.feed.locator(`article[data-message-id="${id}"]`)
  await expect(again.getByText('Result', { exact: true })).toBeVisible()
  await expect(again.getByRole('button', { name: 'Make result' })).toHaveCount(0)
})

test('the author can remove a result, and undo right after making one', async ({ page, request }) => {
  const { message, id } = await openAndPick(page)
  // The page's time stands still but while the test waits for the Undo: its 8 s cannot pass before the click.
  await holdClock(page)
  await clickAction(message, 'Make result')
  const undo = taskCard(page).app.getByRole('status').filter({ hasText: 'The message is now the task’s result.' })
  await runClockUntil(page, async () => (await undo.count()) > 0, 'Undo offered')
  await undo.getByRole('button', { name: 'Undo' }).click()
  await page.clock.resume()
  await expect(message.getByText('Result', { exact: true })).toHaveCount(0)
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(0)
  await newestShown(page, request)

  await clickAction(message, 'Make result')
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
  await newestShown(page, request)
  await clickAction(message, 'Remove result')
  await expect(message.getByText('Result', { exact: true })).toHaveCount(0)
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(0)
})

test('a user without the right to record results is not offered the button', async ({ page }) => {
  await page.goto('/task/1?user=8')
  const card = taskCard(page)
  await card.ready()
  const message = card.feed.locator('article:not(.message--system)').last()
  await message.hover()
  await expect(message.getByRole('button', { name: 'Reply' })).toBeVisible()
  await expect(card.feed.getByRole('button', { name: 'Make result' })).toHaveCount(0)
})

test('"Results only" lists the results; choosing one jumps to it in the full feed', async ({ page, request }) => {
  const { card, message, id } = await openAndPick(page)
  await clickAction(message, 'Make result')
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  const list = card.app.getByRole('list', { name: 'Task results' })
  // Four seeded results made from messages, one just made (the two written in the task card have no message).
  await expect(list.getByRole('listitem')).toHaveCount(5)
  await expect(card.feed).toHaveCount(0)
  // The oldest seeded result is far back in history: the feed loads its way there.
  await list.getByRole('listitem').last().getByRole('button', { name: 'Show in chat' }).click()
  await expect(card.app.getByRole('switch', { name: 'Results only' })).not.toBeChecked()
  const focused = card.app.locator('article:focus')
  await expect(focused).toBeVisible({ timeout: 20_000 })
  await expect(focused.getByText('Result', { exact: true })).toBeVisible()
})

/** The batch that reads the messages results were made from (result-messages.ts: `n<id>` rows read FIRST_ID). */
const isResultAuthors = (request: Request) =>
  request.url().includes('/rest/batch') && !isOpeningBatch(request) && /FIRST_ID/.test(request.postData() ?? '') && /\bn\d+\b/.test(request.postData() ?? '')

test('"Results only" cards keep their place and height when their author line arrives on a slow portal', async ({ page }) => {
  const authors = await holdRequests(page, isResultAuthors)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  const items = card.app.getByRole('list', { name: 'Task results' }).getByRole('listitem')
  await expect(items.first()).toBeVisible()
  await authors.requested()
  await card.frames()
  const boxes = () => items.evaluateAll((els) => els.map((el) => ({ top: el.getBoundingClientRect().top, height: el.getBoundingClientRect().height })))
  const before = await boxes()
  // The oldest result's message is far back in history: its author and time come with the held batch.
  await expect(items.last().locator('time')).toHaveCount(0)
  await authors.release()
  await expect(items.last().locator('time')).toHaveCount(1)
  await card.frames()
  expect(await boxes()).toEqual(before)
})
