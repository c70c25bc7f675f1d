import { openSync, closeSync, ftruncateSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type APIRequestContext, type FrameLocator, type Locator, type Page, type Route } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { solidPng } from '../portal/assets'
import { axeInitScript, violations } from './axe'
import { taskCard } from './feed-page'
import { resetPortal, rest, type WireMessage } from './portal'

// Attaching files: im.v2.File.upload (chat-bots-v2/im.v2/files/file-upload.md) from the
// button, a drop on the feed and a paste; progress, Cancel, the size limit, a refusal and a drop of
// the network mid-upload. Files are a few bytes but one of 20 MB; "too large" is a sparse file that takes no disk.

const UPLOAD = `${PORTAL}/rest/im.v2.File.upload**`

interface ChatFileWire {
  id: number
  name: string
  urlShow: string
}

test.beforeEach(async ({ request }) => resetPortal(request))

/** File messages of task 1's chat as the portal holds them, with their files, newest first. */
async function fileMessages(request: APIRequestContext, name: string) {
  const page = await rest<{ messages: WireMessage[]; files: ChatFileWire[] }>(request, 'im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: 50 })
  const file = (id: unknown) => page.files.find((f) => f.id === id)
  return page.messages
    .map((m) => ({ id: m.id, files: (Array.isArray(m.params) ? [] : ((m.params['FILE_ID'] as number[] | undefined) ?? [])).map(file) }))
    .filter((m) => m.files.some((f) => f?.name === name))
}

async function openCard(page: Page) {
  await page.goto('/')
  const card = taskCard(page)
  await card.ready()
  // The composer itself, not the early box standing in for it while it loads: a file pasted into a
  // box that is being replaced would go to a box no longer on the page.
  await expect(card.app.getByRole('button', { name: 'Attach file' })).toBeVisible()
  const files = card.app.getByRole('list', { name: 'Files to send' })
  return { card, files, send: card.app.getByRole('button', { name: 'Send' }) }
}

async function chooseByButton(page: Page, card: ReturnType<typeof taskCard>, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) {
  const chooser = page.waitForEvent('filechooser')
  await card.app.getByRole('button', { name: 'Attach file' }).click()
  await (await chooser).setFiles(files)
}

/** Holds every upload until released: what the user sees while one is on its way. */
async function holdUploads(page: Page) {
  const held: Route[] = []
  await page.route(UPLOAD, (route) => void held.push(route))
  return {
    held: () => expect.poll(() => held.length, { message: 'an upload was sent' }).toBeGreaterThan(0),
    release: async () => {
      await page.unroute(UPLOAD)
      for (const route of held.splice(0)) await route.continue().catch(() => {}) // a cancelled one has gone
    },
  }
}

const fileLink = (scope: Locator | FrameLocator, name: string) => scope.getByRole('link', { name: new RegExp(name.replace('.', '\\.')) })

test('attach by the button: the upload shows its progress and Cancel, then the file is in the feed and on the portal', async ({ page, request }) => {
  const { card, files, send } = await openCard(page)
  await chooseByButton(page, card, { name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from('Quarterly numbers\n') })
  await expect(files.getByRole('listitem', { name: 'report.txt' })).toContainText('18 bytes')
  const gate = await holdUploads(page)
  await send.click()
  await gate.held()
  const item = files.getByRole('listitem', { name: 'report.txt' })
  await expect(item.getByRole('progressbar', { name: 'Uploading report.txt' })).toBeVisible()
  await expect(item.getByRole('button', { name: 'Cancel uploading report.txt' })).toBeVisible()
  // Every value the bar shows from now on, as the SDK's request reports the body going out.
  await item.getByRole('progressbar').evaluate((bar: HTMLProgressElement) => {
    const seen: number[] = [bar.value]
    ;(window as unknown as { seen: number[] }).seen = seen
    new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true, attributeFilter: ['value'] })
  })
  await gate.release()
  await expect(files).toHaveCount(0)
  // Determinate: it started at 0 and reached 100 % before the portal's answer took the file out of the list.
  const seen = await card.app.locator('body').evaluate(() => (window as unknown as { seen: number[] }).seen)
  expect([seen[0], seen.at(-1)]).toEqual([0, 100])
  const mine = card.feed.getByRole('article').filter({ has: fileLink(card.app, 'report.txt') })
  await expect(mine).toHaveCount(1)
  const posted = await fileMessages(request, 'report.txt')
  expect(posted).toHaveLength(1)
  await expect(mine).toHaveAttribute('data-message-id', String(posted[0]!.id))
  // The link the feed shows serves the bytes that were sent, to a browser logged in to the portal (the card's cookie).
  const href = (await fileLink(mine, 'report.txt').getAttribute('href'))!
  expect(await (await page.request.get(href)).text()).toBe('Quarterly numbers\n')
})

test('files listed above the message box keep the newest message in view, and the files sent are followed to the end', async ({ page }) => {
  // A card this size, where the list's rows measure in fractions of a pixel: the end was let go here.
  await page.setViewportSize({ width: 1100, height: 777 })
  const { card, files } = await openCard(page)
  await card.settled()
  const jump = card.app.getByRole('button', { name: 'Jump to latest' })
  /** The article is wholly inside the feed's viewport (the card may run past the page's). */
  const inFeedView = (article: Locator) =>
    article.evaluate((el) => {
      const view = el.closest('.feed-scroller')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return box.top >= view.top && box.bottom <= view.bottom + 1
    })
  const newest = card.feed.getByRole('article').last()
  expect(await inFeedView(newest)).toBe(true)
  const names = ['one.txt', 'two.txt', 'three.txt']
  await chooseByButton(
    page,
    card,
    names.map((name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(name) })),
  )
  await expect(files.getByRole('listitem')).toHaveCount(3)
  await card.settled()
  expect(await card.distanceFromEnd()).toBeLessThanOrEqual(1)
  expect(await inFeedView(newest)).toBe(true)
  await expect(jump).toHaveCount(0)

  await card.app.getByRole('textbox', { name: 'Message' }).press('Enter')
  await expect(files).toHaveCount(0)
  const last = card.feed.getByRole('article').filter({ has: fileLink(card.app, 'three.txt') })
  await expect(last).toHaveCount(1)
  await card.settled()
  expect(await inFeedView(last)).toBe(true)
  await expect(jump).toHaveCount(0)
  expect(await card.distanceFromEnd()).toBeLessThanOrEqual(1)
})

test('Cancel stops an upload on its way: the file leaves the list and nothing is posted', async ({ page, request }) => {
  await page.clock.install()
  const { card, files, send } = await openCard(page)
  await chooseByButton(page, card, { name: 'second-thoughts.txt', mimeType: 'text/plain', buffer: Buffer.from('never mind') })
  const gate = await holdUploads(page)
  await send.click()
  await gate.held()
  await files.getByRole('button', { name: 'Cancel uploading second-thoughts.txt' }).click()
  await expect(files).toHaveCount(0)
  await gate.release()
  await card.nextPoll()
  expect(await fileMessages(request, 'second-thoughts.txt')).toHaveLength(0)
})

test('a 20 MB file attached and posted: it goes up whole, shows in the feed and serves its bytes', async ({ page, request }) => {
  // 27 MB of Base64 in one call (file-upload.md takes up to 100 MB); the local portal answered 500 from 4 MB (#24).
  test.setTimeout(120_000)
  const { card, files, send } = await openCard(page)
  const bytes = Buffer.alloc(20 * 1024 * 1024)
  for (let at = 0; at < bytes.length; at += 4096) bytes.writeUInt32LE(at, at)
  await chooseByButton(page, card, { name: 'launch-footage.zip', mimeType: 'application/zip', buffer: bytes })
  await expect(files.getByRole('listitem', { name: 'launch-footage.zip' })).toBeVisible()
  await send.click()
  await expect(files).toHaveCount(0, { timeout: 60_000 })
  const mine = card.feed.getByRole('article').filter({ has: fileLink(card.app, 'launch-footage.zip') })
  await expect(mine).toHaveCount(1)
  const posted = await fileMessages(request, 'launch-footage.zip')
  expect(posted).toHaveLength(1)
  await expect(mine).toHaveAttribute('data-message-id', String(posted[0]!.id))
  const href = (await fileLink(mine, 'launch-footage.zip').getAttribute('href'))!
  expect((await (await page.request.get(href)).body()).equals(bytes)).toBe(true)
})

test('a file over 100 MB is refused before anything is sent, with a sentence naming the limit', async ({ page, request }) => {
  const { card, files, send } = await openCard(page)
  // Sparse: 100 MB and a byte by its size, no disk and no memory; only its size is read before an upload.
  const path = join(mkdtempSync(join(tmpdir(), 'files-e2e-')), 'site-backup.zip')
  const fd = openSync(path, 'w')
  ftruncateSync(fd, 100_000_001)
  closeSync(fd)
  let uploads = 0
  page.on('request', (r) => void (r.url().includes('/rest/im.v2.File.upload') && uploads++))
  await chooseByButton(page, card, path)
  const item = files.getByRole('listitem', { name: 'site-backup.zip' })
  await expect(item.getByRole('alert')).toHaveText('“site-backup.zip” is larger than 100 MB, the most a chat takes in one file. It was not sent.')
  await expect(send).toBeDisabled()
  await item.getByRole('button', { name: 'Remove site-backup.zip' }).click()
  await expect(files).toHaveCount(0)
  expect(uploads).toBe(0)
  expect(await fileMessages(request, 'site-backup.zip')).toHaveLength(0)
})

test('a file the portal refuses as too large keeps its place with the portal’s reason, and nothing is posted', async ({ page, request }) => {
  const { card, files, send } = await openCard(page)
  // The portal's limit lowered (Conditions.fileUploadMaxBytes): the app's own check lets the file by.
  await resetPortal(request, { fileUploadMaxBytes: 10 })
  await chooseByButton(page, card, { name: 'eleven.txt', mimeType: 'text/plain', buffer: Buffer.from('eleven byte') })
  await send.click()
  const item = files.getByRole('listitem', { name: 'eleven.txt' })
  await expect(item.getByRole('alert')).toHaveText('Bitrix24 refused “eleven.txt”: the file is larger than this portal accepts. Nothing was posted.')
  await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible()
  expect(await fileMessages(request, 'eleven.txt')).toHaveLength(0)
})

test('the network drops mid-upload: the file stays with Retry, and Retry posts it exactly once', async ({ page, request }) => {
  await page.clock.install()
  const { card, files, send } = await openCard(page)
  await page.route(UPLOAD, (route) => route.abort('connectionreset'), { times: 1 })
  await chooseByButton(page, card, { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the call') })
  await send.click()
  const item = files.getByRole('listitem', { name: 'minutes.txt' })
  await expect(item.getByRole('alert')).toContainText('The connection dropped while “minutes.txt” was uploading.')
  expect(await fileMessages(request, 'minutes.txt')).toHaveLength(0)
  await item.getByRole('button', { name: 'Retry' }).click()
  await expect(files).toHaveCount(0)
  // By the next poll a second copy would be on the portal and in the feed.
  await card.nextPoll()
  expect(await fileMessages(request, 'minutes.txt')).toHaveLength(1)
  await expect(card.feed.getByRole('article').filter({ has: fileLink(card.app, 'minutes.txt') })).toHaveCount(1)
})

test('when the answer is lost after the portal stored the file, Retry finds it instead of uploading again', async ({ page, request }) => {
  await page.clock.install()
  const { card, files, send } = await openCard(page)
  let uploads = 0
  await page.route(UPLOAD, async (route) => {
    uploads++
    await route.fetch() // reaches the portal, which posts it
    await route.abort('connectionreset')
  })
  // The connection stays down for the look the app makes at once after such a failure, so the file
  // waits with Retry; a look that gets through finds it (the next test).
  await page.route(`${PORTAL}/rest/im.dialog.messages.get**`, (route) => route.abort('connectionreset'))
  await chooseByButton(page, card, { name: 'invoice.txt', mimeType: 'text/plain', buffer: Buffer.from('Invoice 42') })
  await send.click()
  const item = files.getByRole('listitem', { name: 'invoice.txt' })
  await expect(item.getByRole('button', { name: 'Retry' })).toBeVisible()
  await page.unroute(`${PORTAL}/rest/im.dialog.messages.get**`)
  await item.getByRole('button', { name: 'Retry' }).click()
  await expect(files).toHaveCount(0)
  await card.nextPoll()
  expect(uploads).toBe(1)
  expect(await fileMessages(request, 'invoice.txt')).toHaveLength(1)
  await expect(card.feed.getByRole('article').filter({ has: fileLink(card.app, 'invoice.txt') })).toHaveCount(1)
})

test('an upload answered 500 SENDING_FAILED after the portal stored the file is found at once: one file, nothing to retry', async ({ page, request }) => {
  await page.clock.install()
  const { card, files, send } = await openCard(page)
  await request.post(`${PORTAL}/__portal/conditions`, {
    data: { methodFaults: [{ method: 'im.v2.File.upload', error: 'SENDING_FAILED', times: 1, carriedOut: true }] },
  })
  await chooseByButton(page, card, { name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt 7') })
  await send.click()
  await expect(card.feed.getByRole('article').filter({ has: fileLink(card.app, 'receipt.txt') })).toHaveCount(1)
  await expect(files).toHaveCount(0)
  await card.nextPoll()
  expect(await fileMessages(request, 'receipt.txt')).toHaveLength(1)
  await expect(card.feed.getByRole('article').filter({ has: fileLink(card.app, 'receipt.txt') })).toHaveCount(1)
})

/** Runs in the app's frame: a DataTransfer holding one file, as a drop or a paste carries it. */
async function dispatchWithFile(target: Locator, kind: 'drop' | 'paste', file: { name: string; type: string; base64: string }) {
  await target.evaluate(
    (el, { kind, file }) => {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
      const data = new DataTransfer()
      data.items.add(new File([bytes], file.name, { type: file.type }))
      if (kind === 'paste') {
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
        return
      }
      for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    },
    { kind, file },
  )
}

test('attach by dropping a file on the feed (or, missing it, on the message box)', async ({ page, request }) => {
  const { card, files, send } = await openCard(page)
  await dispatchWithFile(card.feed, 'drop', { name: 'dropped.txt', type: 'text/plain', base64: Buffer.from('from the desktop').toString('base64') })
  await expect(files.getByRole('listitem', { name: 'dropped.txt' })).toBeVisible()
  // Not opened by the browser in place of the app: attached like the other.
  const box = card.app.getByRole('textbox', { name: 'Message' })
  await dispatchWithFile(box, 'drop', { name: 'missed.txt', type: 'text/plain', base64: Buffer.from('a near miss').toString('base64') })
  await expect(files.getByRole('listitem')).toHaveCount(2)
  await send.click()
  await expect(files).toHaveCount(0)
  await expect.poll(async () => (await fileMessages(request, 'dropped.txt')).length).toBe(1)
  expect(await fileMessages(request, 'missed.txt')).toHaveLength(1)
})

test('attach by pasting an image: it shows as a sized, lazy preview named by its file, opening full size', async ({ page, request }) => {
  const { card, files, send } = await openCard(page)
  const png = solidPng(48, 32, 3)
  await dispatchWithFile(card.app.getByRole('textbox', { name: 'Message' }), 'paste', { name: 'pasted.png', type: 'image/png', base64: png.toString('base64') })
  await expect(files.getByRole('listitem', { name: 'pasted.png' })).toBeVisible()
  await send.click()
  await expect(files).toHaveCount(0)
  const preview = card.feed.getByRole('img', { name: 'pasted.png' })
  await expect(preview).toBeVisible()
  await expect(preview).toHaveAttribute('loading', 'lazy')
  // The portal's `image: {width: 48, height: 32}` sizes it: smaller than the preview box, so as is.
  expect([await preview.getAttribute('width'), await preview.getAttribute('height')]).toEqual(['48', '32'])
  const [popup] = await Promise.all([page.waitForEvent('popup'), preview.click()])
  const [posted] = await fileMessages(request, 'pasted.png')
  expect(popup.url()).toBe(posted!.files[0]!.urlShow)
  // The portal's page, in a tab of its own: the portal's site, where its login cookie goes.
  const full = await page.request.get(popup.url())
  expect([full.headers()['content-type'], (await full.body()).equals(png)]).toEqual(['image/png', true])
})

test('an image in the history has its box before it loads, so the feed does not move when it does', async ({ page }) => {
  // Images never arrive: what is measured is the box reserved from the portal's `image` size.
  await page.route(/\/upload\/file\//, () => {})
  const { card } = await openCard(page)
  const banner = card.feed.getByRole('img', { name: 'newsletter-banner-final.png' })
  await expect(banner).toBeVisible()
  const [width, height] = [Number(await banner.getAttribute('width')), Number(await banner.getAttribute('height'))]
  expect(width).toBeGreaterThan(0)
  expect(height).toBeGreaterThan(0)
  const box = (await banner.boundingBox())!
  expect([Math.round(box.width), Math.round(box.height)]).toEqual([width, height])
  expect(await banner.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(false)
})

test('the composer with files chosen, uploading and failed has no axe violations', async ({ page, request }) => {
  await page.addInitScript(axeInitScript)
  const { card, files } = await openCard(page)
  await resetPortal(request, { fileUploadMaxBytes: 10 })
  await chooseByButton(page, card, [
    { name: 'refused.txt', mimeType: 'text/plain', buffer: Buffer.from('more than ten bytes') },
    { name: 'waiting.txt', mimeType: 'text/plain', buffer: Buffer.from('ok') },
  ])
  await expect(files.getByRole('listitem')).toHaveCount(2)
  const gate = await holdUploads(page)
  await card.app.getByRole('button', { name: 'Send' }).click()
  await gate.held()
  await expect(files.getByRole('progressbar')).toBeVisible()
  expect(await violations(page), 'uploading').toEqual([])
  await gate.release()
  await expect(files.getByRole('alert')).toBeVisible()
  expect(await violations(page), 'failed').toEqual([])
})
