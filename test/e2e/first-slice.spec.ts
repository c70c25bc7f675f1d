import { expect, test } from '@playwright/test'
import { APP } from '../../playwright.config'
import { resetPortal, rest, type WireMessage } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

test('the demo task card shows the newest messages of task 1 through the real frame handshake', async ({ page, request }) => {
  const task = await rest<{ task: { chatId: number } }>(request, 'tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] })
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', {
    DIALOG_ID: `chat${task.task.chatId}`,
    LIMIT: 50,
  })
  // A human message with no BB-code reads on screen exactly as stored.
  const plain = messages.find((m) => m.author_id !== 0 && !/[[\]]|>>|---/.test(m.text) && (Array.isArray(m.params) || m.params['IS_DELETED'] !== 'Y'))!

  await page.goto('/')
  const app = page.frameLocator('iframe[title="Task chat"]')
  const feed = app.getByRole('feed', { name: 'Task chat' })
  await expect(feed).toBeVisible()
  await expect(feed).toHaveAttribute('aria-busy', 'false')
  await expect(feed.getByRole('article')).toHaveCount(50)
  await expect(feed.getByRole('article').last().locator('time')).toHaveAttribute('datetime', new Date(messages[0]!.date).toISOString())
  expect(collapse((await feed.textContent()) ?? '')).toContain(collapse(plain.text))
})

test('opened outside a Bitrix24 frame, the app says where to open it', async ({ page }) => {
  await page.goto(APP)
  await expect(page.getByRole('heading', { name: 'Open this app from a Bitrix24 task card' })).toBeVisible()
})

test('a placement without a task id gets its own clear screen', async ({ page }) => {
  await page.goto('/task/1?options=')
  const app = page.frameLocator('iframe[title="Task chat"]')
  await expect(app.getByRole('heading', { name: 'This card did not say which task it shows' })).toBeVisible()
})

test('on a legacy portal without tail the feed still opens', async ({ page, request }) => {
  await resetPortal(request, { legacyIm: true })
  await page.goto('/task/1?lang=ru')
  const feed = page.frameLocator('iframe[title="Task chat"]').getByRole('feed', { name: 'Чат задачи' })
  await expect(feed.getByRole('article')).toHaveCount(50)
})
