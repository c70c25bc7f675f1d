import { expect, test, type Locator, type Page, type Route } from '@playwright/test'
import { taskCard } from './feed-page'
import { resetPortal, rest, type WireMessage } from './portal'

// The first keystroke is never lost (#23): the message box takes typing with the first frame,
// before the screen's code (and the composer's) has loaded, and the composer takes it all over.
// The screen's chunk is held until the test has typed, so nothing races the load.

test.beforeEach(async ({ request }) => resetPortal(request))

/** Holds the lazy screen's chunk (and so the composer, loaded after it) until released. */
async function holdScreen(page: Page) {
  const held: Route[] = []
  let holding = true
  await page.route(/\/assets\/screen-with-cache-[^/]*\.js$/, async (route) => {
    if (holding) held.push(route)
    else await route.fallback()
  })
  return {
    requested: () => expect.poll(() => held.length, { timeout: 20_000, message: 'the screen was asked for' }).toBeGreaterThan(0),
    release: async () => {
      holding = false
      for (const route of held.splice(0)) await route.fallback()
    },
  }
}

/** Runs in the app's frame: a DataTransfer holding one file, dropped or pasted on `target`. */
async function dispatchWithFile(target: Locator, kind: 'drop' | 'paste', name: string) {
  await target.evaluate(
    (el, { kind, name }) => {
      const data = new DataTransfer()
      data.items.add(new File([`contents of ${name}`], name, { type: 'text/plain' }))
      if (kind === 'paste') el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
      else for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    { kind, name },
  )
}

test('typed, pasted and dropped before the composer loads: the composer has exactly that, caret at the end, focus and the files', async ({ page, request }) => {
  // The live poll that would show a duplicate comes on the page's clock (card.nextPoll).
  await page.clock.install()
  const screen = await holdScreen(page)
  await page.goto('/')
  const card = taskCard(page)
  await expect(card.feed.getByRole('article').first()).toBeVisible()
  await screen.requested()
  // The first frame's box: named and not inert, while the feed around it is.
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await expect(box).toHaveCount(1)
  await expect(box).toHaveAttribute('placeholder', 'Write a message… (Enter to send, Shift+Enter for a new line)')
  await expect(card.app.getByRole('button', { name: 'Attach file' })).toHaveCount(0)
  await box.click()
  // Enter as in the composer: the box empties, and the message goes as soon as the composer can send it.
  await page.keyboard.type('Sent before the composer')
  await page.keyboard.press('Enter')
  await expect(box).toHaveValue('')
  await expect(card.app.getByRole('status').filter({ hasText: '1 message will be sent' })).toBeVisible()
  await page.keyboard.type('Early words')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.insertText('pasted text')
  await dispatchWithFile(box, 'paste', 'pasted.txt')
  await dispatchWithFile(card.feed, 'drop', 'dropped.txt')
  await expect(card.app.getByRole('status').filter({ hasText: '2 files will be attached' })).toBeVisible()
  const expected = 'Early words\npasted text'
  await expect(box).toHaveValue(expected)

  await screen.release()
  await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
  await expect(card.feed).toHaveAttribute('aria-busy', 'false')
  const composer = card.app.getByRole('textbox', { name: 'Message' })
  await expect(composer).toHaveValue(expected)
  await expect(composer).toBeFocused()
  expect(await composer.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([expected.length, expected.length])
  // Chosen after that Enter: waiting for the next send, as in the composer.
  const files = card.app.getByRole('list', { name: 'Files to send' })
  await expect(files.getByRole('listitem')).toHaveCount(2)
  await expect(files.getByRole('listitem', { name: 'pasted.txt' })).toBeVisible()
  await expect(files.getByRole('listitem', { name: 'dropped.txt' })).toBeVisible()
  // The next keystroke goes on where the caret was: nothing typed twice, nothing lost.
  await page.keyboard.type('!')
  await expect(composer).toHaveValue(`${expected}!`)
  // The early Enter's message: once in the feed and once in the portal's chat.
  await expect(card.feed.getByRole('article').filter({ hasText: 'Sent before the composer' })).toHaveCount(1)
  const posted = async () => {
    const { messages } = await rest<{ messages: WireMessage[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 5 })
    return messages.filter((m) => m.text === 'Sent before the composer').length
  }
  await expect.poll(posted).toBe(1)
  await card.nextPoll()
  await expect(card.feed.getByRole('article').filter({ hasText: 'Sent before the composer' })).toHaveCount(1)
  expect(await posted()).toBe(1)
})

test('a draft saved earlier shows in the early box, and what is typed there goes on from it', async ({ page }) => {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
  await card.app.getByRole('textbox', { name: 'Message' }).fill('Saved draft')
  // The outbox keeps the draft; a reload opens with it, the screen held back again.
  const screen = await holdScreen(page)
  await page.reload()
  await expect(card.feed.getByRole('article').first()).toBeVisible()
  await screen.requested()
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await expect(box).toHaveValue('Saved draft')
  await box.click()
  await box.press('End')
  await page.keyboard.type(' and more')
  await screen.release()
  await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toHaveValue('Saved draft and more')
  await expect(card.app.getByRole('textbox', { name: 'Message' })).toBeFocused()
})

// #24: the placeholder is the only hint about Enter and Shift+Enter; no line of it may be cut.
const NAMES = { en: ['Message', 'Attach file'], de: ['Nachricht', 'Datei anhängen'], ru: ['Сообщение', 'Прикрепить файл'] }
for (const [lang, [label, attach]] of Object.entries(NAMES))
  for (const width of [360, 800])
    test(`the composer shows its whole placeholder at ${width} px (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`/task/1?lang=${lang}`)
      const card = taskCard(page)
      // The composer itself, not the early box (the feed's name is in the language too).
      await expect(card.app.getByRole('button', { name: attach })).toBeVisible()
      const box = card.app.getByRole('textbox', { name: label })
      await expect(box).toHaveValue('')
      await card.frames()
      const [scroll, client, placeholder] = await box.evaluate((el: HTMLTextAreaElement) => [el.scrollHeight, el.clientHeight, el.placeholder.length])
      expect(placeholder).toBeGreaterThan(20)
      expect(scroll, `scrollHeight ${scroll} <= clientHeight ${client}`).toBeLessThanOrEqual(client)
    })
