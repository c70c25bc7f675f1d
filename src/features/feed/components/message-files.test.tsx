import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import type { FramedApp } from '../../../../test/dom/frame-harness'
import { renderApp } from '../../../../test/dom/render-app'
import { solidPng } from '../../../../test/portal/assets'

// The whole app against the local portal, whose file pages answer only its login cookie, which this frame never has.

const card = taskCardPerTest()

/** Someone else posts an image to task 1's chat, so it is the newest message the feed shows. */
async function postImage(portal: FramedApp, name: string): Promise<void> {
  const auth = portal.portal.issueToken(2).AUTH_ID
  const content = solidPng(40, 30, 5).toString('base64')
  const response = await fetch(`${portal.origin}/rest/im.v2.File.upload`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ dialogId: 'chat1001', fields: { name, content }, auth }),
  })
  expect(response.status).toBe(200)
}

/** The preview once it shows from `prefix` (while the link is asked for, a placeholder of the same name stands in). */
async function shownFrom(prefix: string): Promise<HTMLElement> {
  await waitFor(() => expect(screen.getByRole('img', { name: 'chart.png' }).getAttribute('src') ?? '').toContain(prefix), { timeout: 20_000 })
  return screen.getByRole('img', { name: 'chart.png' })
}

describe('an image preview the portal refuses to the frame', () => {
  it('shows the image through im.v2.File.download, and says so with Retry when that fails too', async () => {
    const app = await card.open({ taskId: 1 })
    await postImage(app, 'chart.png')
    await renderApp()
    const preview = await screen.findByRole('img', { name: 'chart.png' }, { timeout: 20_000 })
    expect(preview.getAttribute('src')).toContain(`${app.origin}/upload/file/`)

    // The portal's page answers a login redirect, not an image: the preview asks for a link that needs no cookie.
    expect((await fetch(preview.getAttribute('src')!, { redirect: 'manual' })).status).toBe(302)
    fireEvent.error(preview)
    const viaLink = await shownFrom(`${app.origin}/rest/download.json?token=im%7C`)
    // Full size still opens the portal's page, in a tab of its own (on the portal's site, with its cookie).
    expect(viaLink.closest('a')!.getAttribute('href')).toContain(`${app.origin}/upload/file/`)
    const answer = await fetch(viaLink.getAttribute('src')!)
    expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'image/png'])

    // The link fails as well: the preview says the file is unavailable and offers Retry.
    fireEvent.error(viaLink)
    const failed = await screen.findByRole('group', { name: 'chart.png' })
    expect(failed).toHaveTextContent('File unavailable')
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }))
    await shownFrom(`${app.origin}/rest/download.json?token=im%7C`)
  })
})
