import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal } from './portal'

test.beforeEach(async ({ request }) => resetPortal(request))

test('in Russian, the whole UI follows the portal’s LANG', async ({ page }) => {
  await page.goto('/task/1?lang=ru')
  const app = page.frameLocator('iframe[title="Task chat"]')
  await expect(app.getByRole('feed', { name: 'Чат задачи' })).toHaveAttribute('aria-busy', 'false')
  await expect(app.getByRole('textbox', { name: 'Сообщение' })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Отправить' })).toBeVisible()
  await expect(app.getByRole('switch', { name: 'Показывать системные сообщения' })).toBeChecked()
  await expect(app.locator('html')).toHaveAttribute('lang', 'ru')
})

test('in German too, and unknown languages fall back to English', async ({ page }) => {
  await page.goto('/task/1?lang=de')
  let app = page.frameLocator('iframe[title="Task chat"]')
  await expect(app.getByRole('feed', { name: 'Aufgaben-Chat' })).toHaveAttribute('aria-busy', 'false')
  await expect(app.getByRole('textbox', { name: 'Nachricht' })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Senden' })).toBeVisible()
  await page.goto('/task/1?lang=tr')
  app = page.frameLocator('iframe[title="Task chat"]')
  await expect(app.getByRole('feed', { name: 'Task chat' })).toBeVisible()
})

test('dark mode follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const background = () => card.app.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(await background()).toBe('rgb(255, 255, 255)')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect.poll(background).toBe('rgb(31, 33, 36)')
  const text = await card.app.locator('.message__author').first().evaluate((el) => getComputedStyle(el).color)
  expect(text).toBe('rgb(232, 234, 237)')
})

test('the app asks the task card for its height', async ({ page }) => {
  await page.goto('/')
  await taskCard(page).ready()
  // The host page applies resizeWindow to the frame, as the portal resizes its layout.
  await expect(page.locator('iframe[title="Task chat"]')).toHaveAttribute('style', /height: 680px/)
})
