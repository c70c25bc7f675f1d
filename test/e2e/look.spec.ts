import { expect, test } from '@playwright/test'
import { taskCard } from './feed-page'
import { markRead, resetPortal, rest } from './portal'

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
  // Air's dark tokens: --ui-color-bg-content-primary #262626, --ui-color-base-1 #f8f8f8.
  await expect.poll(background).toBe('rgb(38, 38, 38)')
  const text = await card.app
    .locator('.message__author')
    .first()
    .evaluate((el) => getComputedStyle(el).color)
  expect(text).toBe('rgb(248, 248, 248)')
})

test('the app asks the task card for its height', async ({ page }) => {
  await page.goto('/')
  await taskCard(page).ready()
  // The host page applies resizeWindow to the frame, as the portal resizes its layout.
  await expect(page.locator('iframe[title="Task chat"]')).toHaveAttribute('style', /height: 680px/)
})

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

test('the toolbar switches look like switches and keep their role and names', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  for (const name of ['Show system messages', 'Results only']) {
    const box = await card.app.getByRole('switch', { name }).boundingBox()
    expect(box, name).toMatchObject({ width: 36, height: 20 })
  }
})

test('in a narrow frame, a message’s actions cover neither its author nor its time', async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 960 })
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const message = card.feed
    .getByRole('article')
    .filter({ has: card.app.getByRole('button', { name: 'Reply' }) })
    .filter({ has: card.app.locator('.message__header:not(.visually-hidden)') })
    .last()
  await message.hover()
  const actions = message.locator('.message__actions')
  await expect(actions).toHaveCSS('opacity', '1')
  const bar = (await actions.boundingBox())!
  for (const part of ['.message__author', '.message__time']) expect(overlaps(bar, (await message.locator(part).boundingBox())!), part).toBe(false)
})

test('"Jump to latest" sits below the messages, not over them, with its arrow and count on one line', async ({ page, request }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await card.scrollBy(-1_500)
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  await expect(jump).toBeVisible()
  const button = (await jump.boundingBox())!
  const scroller = (await card.scroller.boundingBox())!
  expect(button.y).toBeGreaterThanOrEqual(scroller.y + scroller.height)
  // A colleague writes: the count appears beside the arrow, both centred on one line.
  await rest(request, 'im.message.add', { DIALOG_ID: 'chat1001', MESSAGE: `Count me ${Date.now()}` }, 2)
  await expect(jump).toContainText('1 new message')
  const arrow = (await jump.getByText('↓').boundingBox())!
  const count = (await jump.getByText('1 new message').boundingBox())!
  expect(Math.abs(arrow.y + arrow.height / 2 - (count.y + count.height / 2))).toBeLessThanOrEqual(1.5)
  expect(arrow.x + arrow.width).toBeLessThanOrEqual(count.x)
})

test('an old-style quote shows its author and its time in the reader’s zone, with no ">>" and no raw portal stamp', async ({ page, request }) => {
  // The seed's quotes are now the web messenger's (`Name [date] #chat1001/<id>`); this one is posted here.
  const dashes = '-'.repeat(54)
  const id = await rest<number>(
    request,
    'im.message.add',
    { DIALOG_ID: 'chat1001', MESSAGE: `${dashes}\nAlex Morgan [02.03.2026 09:15]\nLet us start.\n${dashes}\nAgreed.` },
    3,
  )
  await markRead(request, 1, 1001, id)
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  const quote = card.feed.locator(`article[data-message-id="${id}"] blockquote:has(.bb-quote__author)`)
  await expect(quote).toHaveCount(1)
  await quote.scrollIntoViewIfNeeded()
  // The portal prints its wall clock (+03:00) in the text; the app reads the offset off the portal's dates.
  const time = quote.locator('.bb-quote__time')
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/)
  await expect(time).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{1,2}:\d{2}/)
  expect(await card.feed.locator('.message__text').allInnerTexts()).not.toContainEqual(expect.stringMatching(/(^|\n)>>|\[\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\]/))
})
