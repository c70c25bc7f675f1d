import { expect, test, type APIRequestContext } from '@playwright/test'
import { PORTAL } from '../../playwright.config'
import { solidPng } from '../portal/assets'
import { axeInitScript, violations } from './axe'
import { taskCard } from './feed-page'
import { markRead, resetPortal, rest } from './portal'

// Files without the portal's login cookie. The card page logs the browser in to the portal
// (127.0.0.1), but the app's frame is another site (localhost), so the browser never sends that cookie
// from it: the portal's file pages refuse the frame (a redirect to its login page), as Bitrix24's do.
// The app shows and opens files through im.v2.File.download (chat-bots-v2/im.v2/files/file-download.md).
// And a portal before task chats (api-reference/tasks/tasks-new.md).

/** User 2 posts a file to task 1's chat; user 1 has read up to it, so the card opens at the newest message. */
async function postFile(request: APIRequestContext, name: string, bytes: Buffer): Promise<number> {
  const posted = await rest<{ messageId: number }>(
    request,
    'im.v2.File.upload',
    { dialogId: 'chat1001', fields: { name, content: bytes.toString('base64') } },
    2,
  )
  await markRead(request, 1, 1001, posted.messageId)
  return posted.messageId
}

test('an image preview shows when the portal’s URL refuses the frame', async ({ page, request }) => {
  await resetPortal(request)
  const png = solidPng(60, 40, 7)
  await postFile(request, 'whiteboard.png', png)
  const refused: number[] = []
  page.on('response', (response) => {
    if (response.url().includes('/upload/file/') && response.request().frame() !== page.mainFrame()) refused.push(response.status())
  })
  await page.goto('/')
  const card = taskCard(page)
  const preview = card.feed.getByRole('img', { name: 'whiteboard.png' })
  await expect(preview).toHaveAttribute('src', new RegExp(`^${PORTAL}/rest/download\\.json\\?token=im%7C`))
  // Drawn from the link's bytes: the image decoded, at the portal's size.
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(60)
  // The portal's own preview URL was tried first, and sent the frame to the login page.
  expect(refused).toContain(302)
})

test('an image neither URL gives says “File unavailable” with Retry, and Retry shows it', async ({ page, request }) => {
  await resetPortal(request)
  await page.addInitScript(axeInitScript)
  await postFile(request, 'floorplan.png', solidPng(30, 20, 4))
  // The link's bytes never come, until they do.
  await page.route(/\/rest\/download\.json/, (route) => route.abort())
  await page.goto('/')
  const card = taskCard(page)
  const failed = card.feed.getByRole('group', { name: 'floorplan.png' })
  await expect(failed).toContainText('File unavailable')
  await card.frames()
  expect(await violations(page)).toEqual([])
  await page.unroute(/\/rest\/download\.json/)
  await failed.getByRole('button', { name: 'Retry' }).click()
  const preview = card.feed.getByRole('img', { name: 'floorplan.png' })
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(30)
})

test('a file link opens through im.v2.File.download, with no portal cookie in the frame', async ({ page, request }) => {
  await resetPortal(request)
  await postFile(request, 'minutes.txt', Buffer.from('Decisions of the day\n'))
  await page.goto('/')
  const card = taskCard(page)
  const link = card.feed.getByRole('link', { name: /minutes\.txt/ })
  await expect(link).toBeVisible()
  // The portal's answer is held until the test listens for the download in the tab the click opened:
  // on a busy machine the tab could otherwise start it before anyone listens.
  let answer = () => {}
  const held = new Promise<void>((resolve) => (answer = resolve))
  await page.route(/\/rest\/im\.v2\.File\.download/, async (route) => {
    await held
    await route.fallback()
  })
  const asked = page.waitForRequest((r) => r.url().includes('/rest/im.v2.File.download'))
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()])
  expect((await asked).postDataJSON()).toMatchObject({ dialogId: 'chat1001' })
  const started = popup.waitForEvent('download')
  answer()
  const download = await started
  expect(download.url()).toMatch(new RegExp(`^${PORTAL}/rest/download\\.json\\?token=im%7C`))
  expect(download.suggestedFilename()).toBe('minutes.txt')
  expect((await (await page.request.get(download.url())).text()) as string).toBe('Decisions of the day\n')
})

test('on a portal before task chats the card says the discussion is in the task’s comments, with a link to the task', async ({ page, request }) => {
  await resetPortal(request, { taskChats: false })
  await page.addInitScript(axeInitScript)
  await page.goto('/')
  const app = taskCard(page).app
  await expect(app.getByText(/This portal keeps the task’s discussion in the task’s comments/)).toBeVisible()
  await expect(app.getByRole('link', { name: 'Open the task' })).toHaveAttribute('href', `${PORTAL}/company/personal/user/1/tasks/task/view/1/`)
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveCount(0)
  await expect(app.getByRole('feed')).toHaveCount(0)
  expect(await violations(page)).toEqual([])
})
