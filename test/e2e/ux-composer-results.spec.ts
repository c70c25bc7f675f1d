import { expect, test, type APIRequestContext, type Route } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { holdClock, runClockUntil, taskCard, clickAction } from './feed-page'
import { resetPortal, rest, resultsOf, type WireMessage } from './portal'

// What a user would hit writing and making results: sends in the order typed, honest failure sentences, mentions shown as names, error
// screens that offer only what helps, and the results view.

test.beforeEach(async ({ request }) => resetPortal(request))

const newest = async (request: APIRequestContext, limit = 10) =>
  (await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: limit })).messages
/** Which of these texts the portal's chat holds, oldest first. */
const posted = async (request: APIRequestContext, texts: string[]) =>
  (await newest(request))
    .filter((m) => texts.includes(m.text))
    .sort((a, b) => a.id - b.id)
    .map((m) => m.text)

test('messages typed after a failed one wait, and go in the order typed once it is retried', async ({ page, request }) => {
  // The first im.message.add answers 500; later ones succeed. Latency keeps all three queued behind the first.
  await resetPortal(request, { latencyMs: 200, methodFaults: [{ method: 'im.message.add', error: 'INTERNAL_SERVER_ERROR', times: 1 }] })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const box = card.app.getByRole('textbox', { name: 'Message' })
  const texts = [1, 2, 3].map((n) => `In order ${n} ${Date.now()}`)
  const row = (text: string) => card.feed.getByRole('article').filter({ hasText: text })
  for (const text of texts) {
    await box.fill(text)
    await box.press('Enter')
  }
  // The portal answered with a server error: the sentence says so, not that the connection failed.
  await expect(row(texts[0]!).getByRole('alert')).toContainText('Bitrix24 answered with a server error')
  await expect(row(texts[0]!).getByRole('alert')).not.toContainText('connection failed')
  for (const text of texts.slice(1)) await expect(row(text).getByRole('status')).toContainText('Waiting for the message above')
  expect(await posted(request, texts)).toEqual([])
  await row(texts[0]!).getByRole('button', { name: 'Retry' }).click()
  await expect.poll(() => posted(request, texts)).toEqual(texts)
  for (const text of texts) await expect(row(text)).not.toContainText(/Sending|Waiting/)
})

test('discarding the failed message lets the ones waiting behind it go', async ({ page, request }) => {
  await resetPortal(request, { methodFaults: [{ method: 'im.message.add', error: 'INTERNAL_SERVER_ERROR', times: 1 }] })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const box = card.app.getByRole('textbox', { name: 'Message' })
  const [failed, waiting] = ['Dropped', 'Kept'].map((w) => `${w} ${Date.now()}`) as [string, string]
  await box.fill(failed)
  await box.press('Enter')
  const failedRow = card.feed.getByRole('article').filter({ hasText: failed })
  await expect(failedRow.getByRole('alert')).toBeVisible()
  await box.fill(waiting)
  await box.press('Enter')
  await expect(card.feed.getByRole('article').filter({ hasText: waiting })).toContainText('Waiting for the message above')
  await failedRow.getByRole('button', { name: 'Discard' }).click()
  await expect.poll(() => posted(request, [failed, waiting])).toEqual([waiting])
})

test('no answer at all says the connection failed', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await page.route(`${PORTAL}/rest/im.message.add**`, (route) => route.abort('internetdisconnected'))
  const text = `No answer ${Date.now()}`
  await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
  await card.app.getByRole('textbox', { name: 'Message' }).press('Enter')
  const alert = card.feed.getByRole('article').filter({ hasText: text }).getByRole('alert')
  await expect(alert).toContainText('The connection failed before Bitrix24 answered')
  await expect(alert).toContainText('Retry checks the chat first')
})

test('a mention shows as the name in the box, survives a reload, and is sent as the mention code', async ({ page, request }) => {
  await page.goto('/')
  let card = taskCard(page)
  await card.ready()
  let box = card.app.getByRole('textbox', { name: 'Message' })
  await box.pressSequentially('Thanks @Emi')
  await card.app.getByRole('option', { name: 'Emily Zhang' }).click()
  await expect(box).toHaveValue('Thanks @Emily Zhang ')
  // A space typed right after the one the mention added is not doubled.
  await box.pressSequentially(' for the preview')
  await expect(box).toHaveValue('Thanks @Emily Zhang for the preview')
  await page.reload()
  card = taskCard(page)
  await card.ready()
  box = card.app.getByRole('textbox', { name: 'Message' })
  await expect(box).toHaveValue('Thanks @Emily Zhang for the preview')
  await box.press('Enter')
  await expect.poll(async () => (await newest(request, 3)).map((m) => m.text)).toContain('Thanks [USER=5]Emily Zhang[/USER] for the preview')
})

const switches = ['Results only', 'Show system messages']

for (const { name, path, conditions, sentence } of [
  { name: 'a task the user may not open', path: '/task/3', conditions: {}, sentence: 'You do not have access to this task.' },
  {
    name: 'a task the portal cannot say more about (no v3 tasks.task.get)',
    path: '/task/999',
    conditions: { methodFaults: [{ method: 'tasks.task.get', version: 'v3', error: 'ERROR_METHOD_NOT_FOUND' }] },
    sentence: 'This task was not found, or you have no access to it.',
  },
  { name: 'a chat the user is not a member of', path: '/task/4', conditions: {}, sentence: 'You are a member of this task but not of its chat' },
  { name: 'a task that does not exist', path: '/task/999', conditions: {}, sentence: 'This task does not exist.' },
  {
    name: 'an app installed without the im scope',
    path: '/',
    conditions: { scopes: ['task', 'tasks', 'placement', 'user_brief'] },
    sentence: 'installed without access to chats',
  },
]) {
  test(`${name}: says what happened, offers no Try again, and no filters`, async ({ page, request }) => {
    await resetPortal(request, conditions)
    await page.goto(path)
    const card = taskCard(page)
    await expect(card.app.getByRole('alert')).toContainText(sentence)
    await expect(card.app.getByRole('button')).toHaveCount(0)
    for (const label of switches) await expect(card.app.getByRole('switch', { name: label })).toHaveCount(0)
  })
}

for (const { path, note } of [
  { path: '/task/6', note: 'No messages yet' },
  { path: '/task/2', note: 'This task has no chat yet.' },
]) {
  test(`no filters where there is nothing to filter (${path})`, async ({ page }) => {
    await page.goto(path)
    const card = taskCard(page)
    await expect(card.app.getByRole('region', { name: 'Task chat' })).toContainText(note)
    await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeVisible()
    for (const label of switches) await expect(card.app.getByRole('switch', { name: label })).toHaveCount(0)
  })
}

test('the results view shows who wrote each message and when; "Show system messages" is not offered there', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const message = card.feed.locator('article:not(.message--system)').nth(-2)
  const author = (await message.locator('.message__author').textContent()) ?? ''
  const when = await message.locator('time').getAttribute('datetime')
  await clickAction(message, 'Make result')
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  await expect(card.app.getByRole('switch', { name: 'Show system messages' })).toHaveCount(0)
  const items = card.app.getByRole('list', { name: 'Task results' }).getByRole('listitem')
  await expect(items.first()).toContainText(author)
  await expect(items.first().locator('time')).toHaveAttribute('datetime', when!)
  // A result far back in history, not loaded in the feed: its author and time are read from the portal.
  await expect(items.last().locator('time')).toHaveAttribute('datetime', /\d{4}-\d\d-\d\dT/)
})

test('removing a result offers Undo, which makes it a result again', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const message = card.feed.locator('article:not(.message--system)').nth(-2)
  const id = Number(await message.getAttribute('data-message-id'))
  await clickAction(message, 'Make result')
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  // The page's time stands still but while the test waits for the Undo: its 8 s cannot pass before the click.
  await holdClock(page)
  await message.getByRole('button', { name: 'Remove result' }).click()
  const undo = card.app.getByRole('status').filter({ hasText: 'The message is no longer the task’s result.' })
  await runClockUntil(page, async () => (await undo.count()) > 0, 'Undo offered')
  await expect(undo).toBeVisible()
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(0)
  await undo.getByRole('button', { name: 'Undo' }).click()
  await page.clock.resume()
  await expect.poll(async () => (await resultsOf(request, id)).length).toBe(1)
  await expect(message.getByText('Result', { exact: true })).toBeVisible()
})

test('finding a result’s message is a neutral status with Cancel, which stops the search', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  // The oldest seeded result is far back: the app reads the window around it (one batch), held here.
  const held: Route[] = []
  await page.route('**/rest/batch**', async (route) => {
    const body = route.request().postData() ?? ''
    if (body.includes('"around"'))
      held.push(route) // the window's batch (src/chat/conversation/history-api.ts)
    else await route.fallback()
  })
  await card.app.getByRole('switch', { name: 'Results only' }).check()
  await card.app.getByRole('list', { name: 'Task results' }).getByRole('listitem').last().getByRole('button', { name: 'Show in chat' }).click()
  const finding = card.app.getByRole('status').filter({ hasText: 'Finding the message' })
  await expect(finding).toBeVisible()
  await expect.poll(() => held.length, { message: 'the app asked for the window around the message' }).toBe(1)
  // Not an error: no alert, not painted in the error red.
  await expect(card.app.getByRole('alert')).toHaveCount(0)
  expect(await finding.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(192, 57, 43)')
  await finding.getByRole('button', { name: 'Cancel' }).click()
  await expect(finding).toHaveCount(0)
  for (const route of held.splice(0)) await route.fallback()
  await expect(card.feed).toHaveAttribute('aria-busy', 'false')
  await expect(card.app.locator('article:focus')).toHaveCount(0)
})
