import { expect, test, type APIRequestContext } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { resetPortal, rest } from './portal'

test.beforeEach(async ({ request }) => {
  await resetPortal(request)
  await request.post(`${PORTAL}/__portal/install`, { data: { installed: false } })
})

const installPage = (page: import('@playwright/test').Page) => page.frameLocator('iframe[title="Task chat"]')
const bound = (request: APIRequestContext) => rest<{ placement: string; handler: string }[]>(request, 'placement.get', {})

test('the first run binds the task-card tab and the messenger item, then finishes the installation', async ({ page, request }) => {
  await page.goto('/install')
  const app = installPage(page)
  await expect(app.getByRole('heading', { name: 'Install Task Chat' })).toBeVisible()
  await app.getByRole('button', { name: 'Install' }).click()
  // installFinish reloads the portal page, which says so.
  await expect(page.getByRole('status')).toHaveText('The application has been installed.')
  const placements = await bound(request)
  expect(placements.map((p) => p.placement).sort()).toEqual(['IM_CONTEXT_MENU', 'TASK_VIEW_TAB'])
  expect(placements.find((p) => p.placement === 'TASK_VIEW_TAB')!.handler).toMatch(/\/index\.html$/)
  const info = await rest<{ INSTALLED: boolean }>(request, 'app.info', {})
  expect(info.INSTALLED).toBe(true)
})

test('running the installation again is safe, and the bot can be chosen', async ({ page, request }) => {
  for (let run = 0; run < 2; run++) {
    await page.goto('/install')
    const app = installPage(page)
    await app.getByRole('checkbox', { name: /Register the Task Chat bot/ }).check()
    await app.getByRole('button', { name: 'Install' }).click()
    await expect(page.getByRole('status')).toHaveText('The application has been installed.')
  }
  expect((await bound(request)).filter((p) => p.placement === 'TASK_VIEW_TAB')).toHaveLength(1)
  const bots = await rest<{ bots: { code: string }[] }>(request, 'imbot.v2.Bot.list', {})
  expect(bots.bots.filter((b) => b.code === 'task_chat_bot')).toHaveLength(1)
})

test('a user who is not an administrator is told why the app cannot be installed', async ({ page, request }) => {
  await page.goto('/install?user=3')
  const app = installPage(page)
  await expect(app.getByRole('alert')).toContainText('Only a Bitrix24 administrator can install Task Chat')
  await expect(app.getByRole('button', { name: 'Install' })).toHaveCount(0)
  expect(await bound(request)).toHaveLength(0)
})

test('a portal that refuses a step says which, in plain words, and Retry goes on', async ({ page, request }) => {
  await resetPortal(request, { scopes: ['task', 'tasks', 'im'] })
  await page.goto('/install')
  const app = installPage(page)
  await app.getByRole('button', { name: 'Install' }).click()
  await expect(app.getByRole('alert')).toContainText('grant “task”, “tasks”, “im” and “placement”')
  await expect(app.getByRole('listitem').first()).toContainText('failed')
  await resetPortal(request)
  await app.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('status')).toHaveText('The application has been installed.')
})
