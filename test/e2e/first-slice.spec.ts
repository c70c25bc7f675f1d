import { expect, test } from '@playwright/test'
import { APP } from '../../playwright.config'
import { resetPortal, rest, type WireMessage } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
const isPlainHuman = (m: WireMessage) =>
  m.author_id !== 0 && !/[[\]]|>>|---|https?:/.test(m.text) && (Array.isArray(m.params) || m.params['IS_DELETED'] !== 'Y')

test('the demo task card shows the newest messages of task 1 through the real frame handshake', async ({ page, request }) => {
  await page.goto('/')
  const feed = page.frameLocator('iframe[title="Task chat"]').getByRole('feed', { name: 'Task chat' })
  await expect(feed).toHaveAttribute('aria-busy', 'false')
  const rendered = await feed.getByRole('article').count()
  expect(rendered).toBeGreaterThan(3)

  const task = await rest<{ task: { chatId: number } }>(request, 'tasks.task.get', { taskId: 1, select: ['ID', 'CHAT_ID'] })
  const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', {
    DIALOG_ID: `chat${task.task.chatId}`,
    LIMIT: rendered - 2,
  })
  // Newest last, with its time; and a human message without BB-code reads exactly as written.
  // Its own time is the last, at its bubble's foot: a notice's text may hold dates of its own ([TIMESTAMP]).
  await expect(feed.getByRole('article').last().locator('time').last()).toHaveAttribute('datetime', new Date(messages[0]!.date).toISOString())
  const plain = messages.find(isPlainHuman)!
  expect(collapse((await feed.textContent()) ?? '')).toContain(collapse(plain.text))
  await page.screenshot({ path: 'test-results/demo-task-card.png' })
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

test('on a legacy portal without tail the feed still opens, in Russian', async ({ page, request }) => {
  await resetPortal(request, { legacyIm: true })
  await page.goto('/task/1?lang=ru')
  const feed = page.frameLocator('iframe[title="Task chat"]').getByRole('feed', { name: 'Чат задачи' })
  await expect(feed).toHaveAttribute('aria-busy', 'false')
  await expect(feed.getByRole('article').last()).toBeVisible()
})
