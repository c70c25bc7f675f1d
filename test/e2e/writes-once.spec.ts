import { expect, test, type APIRequestContext } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { taskCard, clickAction } from './feed-page'
import { resetPortal, rest, resultsOf, type WireMessage } from './portal'

// No write is ever sent twice without the user. The portal answers one write with a server
// error (methodFaults), either before doing it or after (`carriedOut`: the answer is lost); the SDK
// 2.2.0 would have sent it again by itself. Exactly one copy, on the portal and on screen.

test.beforeEach(async ({ request }) => resetPortal(request))

async function faultNext(request: APIRequestContext, fault: Record<string, unknown>) {
  await request.post(`${PORTAL}/__portal/conditions`, { data: { methodFaults: [{ times: 1, ...fault }] } })
}

async function copiesOf(request: APIRequestContext, text: string): Promise<number> {
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 })
  return messages.filter((m) => m.text === text).length
}

for (const [error, status] of [
  ['OVERLOAD_LIMIT', 503],
  ['SENDING_FAILED', 500],
] as const) {
  test(`a send answered ${status} ${error} after the portal saved it shows once, as sent`, async ({ page, request }) => {
    await page.clock.install()
    await page.goto('/')
    const card = taskCard(page)
    await card.ready()
    await faultNext(request, { method: 'im.message.add', error, carriedOut: true })
    const text = `Saved, answered ${error} ${Date.now()}`
    await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
    await card.app.getByRole('button', { name: 'Send' }).click()
    // The app looks for it after the error and finds it: sent, with its id, and nothing to retry.
    const mine = card.feed.getByRole('article').filter({ hasText: text })
    await expect(mine).toHaveAttribute('data-message-id', /^\d+$/)
    await expect(mine).not.toContainText('Sending…')
    await expect(card.feed.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    // Had anything sent it again, the next poll would bring the second copy.
    await card.nextPoll()
    expect(await copiesOf(request, text)).toBe(1)
    await expect(mine).toHaveCount(1)
  })

  test(`a send answered ${status} ${error} before the portal saved it: Retry posts it exactly once`, async ({ page, request }) => {
    await page.clock.install()
    await page.goto('/')
    const card = taskCard(page)
    await card.ready()
    await faultNext(request, { method: 'im.message.add', error })
    const text = `Refused with ${error} ${Date.now()}`
    await card.app.getByRole('textbox', { name: 'Message' }).fill(text)
    await card.app.getByRole('button', { name: 'Send' }).click()
    const mine = card.feed.getByRole('article').filter({ hasText: text })
    await expect(mine.getByRole('button', { name: 'Retry' })).toHaveCount(1)
    await card.nextPoll()
    expect(await copiesOf(request, text)).toBe(0)
    await mine.getByRole('button', { name: 'Retry' }).click()
    await expect(mine).toHaveAttribute('data-message-id', /^\d+$/)
    await card.nextPoll()
    expect(await copiesOf(request, text)).toBe(1)
    await expect(mine).toHaveCount(1)
  })
}

test('a result answered 503 OVERLOAD_LIMIT after the portal made it: clicking again makes no second one', async ({ page, request }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const message = card.feed.locator('article:not(.message--system)').nth(-2)
  const id = Number(await message.getAttribute('data-message-id'))
  await faultNext(request, { method: 'tasks.task.result.addfromchatmessage', version: 'v3', error: 'OVERLOAD_LIMIT', carriedOut: true })
  await clickAction(message, 'Make result')
  await expect(message.getByRole('alert')).toBeVisible()
  expect(await resultsOf(request, id)).toHaveLength(1)
  await clickAction(message, 'Make result')
  await expect(message.getByRole('button', { name: 'Remove result' })).toHaveCount(1)
  await expect(message.getByRole('alert')).toHaveCount(0)
  expect(await resultsOf(request, id)).toHaveLength(1)
})

test('the first message of a task without a chat, answered 500 after the portal posted it, starts the chat once', async ({ page, request }) => {
  await page.clock.install()
  await page.goto('/task/2')
  const card = taskCard(page)
  await expect(card.app.getByRole('region', { name: 'Task chat' })).toContainText('This task has no chat yet.')
  await faultNext(request, { method: 'tasks.task.chat.message.send', version: 'v3', error: 'SENDING_FAILED', carriedOut: true })
  const text = `Kick-off, answer lost ${Date.now()}`
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
  // The app looks in the task's new chat, finds it, and opens the chat: one message, nothing to retry.
  const mine = card.feed.getByRole('article').filter({ hasText: text })
  await expect(mine).toHaveAttribute('data-message-id', /^\d+$/)
  await expect(card.feed.getByRole('button', { name: 'Retry' })).toHaveCount(0)
  const { task } = await rest<{ task: { chatId: number } }>(request, 'tasks.task.get', { taskId: 2 })
  await card.nextPoll()
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: `chat${task.chatId}`, LIMIT: 50 })
  expect(messages.filter((m) => m.text === text)).toHaveLength(1)
  await expect(mine).toHaveCount(1)
})
