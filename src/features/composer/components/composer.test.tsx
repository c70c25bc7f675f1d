import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../../test/dom/render-app'

// The real app, the real SDK and the in-process portal: what is asserted is what the user sees
// and what lands in the portal's chat.
const card = taskCardPerTest()

async function newestTexts(limit = 3): Promise<string[]> {
  const { messages } = await card.app.rest<{ messages: { text: string }[] }>('im.dialog.messages.get', { DIALOG_ID: 'chat1001', LIMIT: limit })
  return messages.map((m) => m.text)
}

async function openComposer() {
  await card.open({ taskId: 1 })
  await renderApp()
  return findComposer()
}

describe('the composer', () => {
  it('sends on Enter, adds a line on Shift+Enter, ignores Enter while an IME composition is open, and keeps focus', async () => {
    const user = userEvent.setup()
    const box = await openComposer()
    await user.click(box)
    await user.keyboard('Line one{Shift>}{Enter}{/Shift}Line two')
    expect(box).toHaveValue('Line one\nLine two')
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true })
    expect(box).toHaveValue('Line one\nLine two')
    await user.keyboard('{Enter}')
    expect(box).toHaveValue('')
    expect(box).toHaveFocus()
    await expect.poll(() => newestTexts(1), { timeout: 20_000 }).toEqual(['Line one\nLine two'])
  })

  it('cannot send an empty or whitespace-only message', async () => {
    const user = userEvent.setup()
    const box = await openComposer()
    const before = await newestTexts(1)
    const send = screen.getByRole('button', { name: 'Send' })
    expect(send).toBeDisabled()
    await user.type(box, '   {Enter}')
    expect(send).toBeDisabled()
    expect(box).toHaveValue('   ')
    expect(await newestTexts(1)).toEqual(before)
  })

  it('counts down near the 20,000-character limit and refuses to send past it', async () => {
    const user = userEvent.setup()
    const box = await openComposer()
    await user.click(box)
    await user.paste('x'.repeat(19_500))
    expect(screen.getByText('500 characters left')).toBeInTheDocument()
    await user.paste('y'.repeat(501))
    expect(screen.getByRole('alert')).toHaveTextContent('1 character over the limit')
    expect(box).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled()
    const before = await newestTexts(1)
    await user.keyboard('{Enter}')
    expect(box).toHaveValue('x'.repeat(19_500) + 'y'.repeat(501))
    expect(await newestTexts(1)).toEqual(before)
  })

  it('keeps the draft across a reload of the app', async () => {
    const user = userEvent.setup()
    const box = await openComposer()
    await user.type(box, 'A thought in progress')
    cleanup() // the app closes...
    await renderApp() // ...and opens again in the same card, as a fresh page
    expect(await findComposer()).toHaveValue('A thought in progress')
  })

  // A write is sent once, whatever the answer: a 5xx of any code may come after the portal saved the message.
  it.each(['OVERLOAD_LIMIT', 'SENDING_FAILED'] as const)(
    'a send answered %s after the portal saved it is found, not sent again: one copy, nothing to retry',
    async (error) => {
      const user = userEvent.setup()
      const box = await openComposer()
      card.app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error, times: 1, carriedOut: true }] })
      const text = `Saved, answered ${error}`
      await user.type(box, `${text}{Enter}`)
      const copies = async () => (await newestTexts(10)).filter((t) => t === text).length
      await expect.poll(copies, { timeout: 20_000 }).toBe(1)
      // Then the error, then the look that finds it: the send is over once "Sending…" goes.
      await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull(), { timeout: 20_000 })
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
      expect(screen.getAllByText(text)).toHaveLength(1)
      expect(await copies()).toBe(1)
    },
  )

  it('a send answered 500 SENDING_FAILED before the portal saved it fails with Retry, and Retry posts one copy', async () => {
    const user = userEvent.setup()
    const box = await openComposer()
    card.app.portal.setConditions({ methodFaults: [{ method: 'im.message.add', error: 'SENDING_FAILED', times: 1 }] })
    const text = 'Refused once'
    await user.type(box, `${text}{Enter}`)
    await user.click(await screen.findByRole('button', { name: 'Retry' }, { timeout: 20_000 }))
    await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull(), { timeout: 20_000 })
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect((await newestTexts(10)).filter((t) => t === text)).toHaveLength(1)
  })
})
