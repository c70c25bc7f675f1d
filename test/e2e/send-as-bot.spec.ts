import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { taskCard } from './feed-page'
import { resetPortal, rest, type WireMessage } from './portal'

// "Send as <bot>" as a member of the task chat (user 3, not its owner): offered only where
// the bot is in the chat or im.dialog.get says the reader may add people; a refused add keeps the
// message, says the portal keeps the bot out, and the bot is offered no more in this chat.
test.beforeEach(async ({ request }) => resetPortal(request))

const CHAT = 1001
const MEMBER = 3
const switches = (request: APIRequestContext, data: Record<string, unknown>) => request.post(`${PORTAL}/__portal/conditions`, { data })
const registerBot = async (request: APIRequestContext) =>
  (await rest<{ bot: { id: number } }>(request, 'imbot.v2.Bot.register', { fields: { code: 'task_chat_bot', properties: { name: 'Task Chat Bot' } } })).bot.id
const authorsOf = async (request: APIRequestContext, text: string) =>
  (await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: `chat${CHAT}`, LIMIT: 20 })).messages
    .filter((m) => m.text === text)
    .map((m) => m.author_id)

async function open(page: Page) {
  await page.goto(`/task/1?user=${MEMBER}`)
  const card = taskCard(page)
  await card.ready()
  return card
}

async function send(page: Page, text: string) {
  const box = taskCard(page).app.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await box.press('Enter')
}

test('members locked after the card opened: the add is refused (400), the sentence shows, nothing is lost, "Send as" is offered no more', async ({
  page,
  request,
}) => {
  await registerBot(request)
  await switches(request, { taskChatKeepsAnyone: true })
  const card = await open(page)
  const sendAs = card.app.getByRole('checkbox', { name: 'Send as Task Chat Bot' })
  await sendAs.check()
  // The chat's owner lets only owners add people now (MANAGE_USERS_ADD = owner).
  await switches(request, { taskChatUsersAdd: 'owner' })
  const text = `Meant for the bot ${Date.now()}`
  await send(page, text)
  const failed = card.feed.getByRole('article').filter({ hasText: text })
  await expect(failed.getByRole('alert')).toContainText('Bitrix24 keeps the app’s bot out of this chat')
  await expect(sendAs).toHaveCount(0)
  expect(await authorsOf(request, text)).toEqual([])
  // Nothing lost: after a reload the message is still there, and the bot is still not offered.
  await page.reload()
  await taskCard(page).ready()
  await expect(card.feed.getByRole('article').filter({ hasText: text })).toBeVisible()
  await expect(sendAs).toHaveCount(0)
  await card.feed.getByRole('article').filter({ hasText: text }).getByRole('button', { name: 'Send as me' }).click()
  await expect.poll(() => authorsOf(request, text)).toEqual([MEMBER])
})

test('where the add is allowed and the chat keeps the bot, a member posts as the bot', async ({ page, request }) => {
  const botId = await registerBot(request)
  await switches(request, { taskChatKeepsAnyone: true })
  const card = await open(page)
  await card.app.getByRole('checkbox', { name: 'Send as Task Chat Bot' }).check()
  const text = `Posted by the bot ${Date.now()}`
  await send(page, text)
  await expect(card.feed.getByRole('article').filter({ hasText: text })).toContainText('Task Chat Bot')
  await expect.poll(() => authorsOf(request, text)).toEqual([botId])
})

test('a chat whose options forbid adding people: "Send as" is not offered; once the bot is in the chat, it is', async ({ page, request }) => {
  const botId = await registerBot(request)
  await switches(request, { taskChatMembersLocked: true })
  const card = await open(page)
  await expect(card.app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(card.app.getByRole('checkbox', { name: /^Send as / })).toHaveCount(0)
  // The bot joined some other way (it was in the chat before the lock): then it may post.
  await switches(request, { taskChatMembersLocked: false, taskChatKeepsAnyone: true })
  await rest(request, 'im.chat.user.add', { CHAT_ID: CHAT, USERS: [botId] })
  await switches(request, { taskChatMembersLocked: true })
  await page.reload()
  await taskCard(page).ready()
  await expect(card.app.getByRole('checkbox', { name: 'Send as Task Chat Bot' })).toBeVisible()
})
