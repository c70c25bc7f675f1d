import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { findComposer, renderApp } from '../../../../test/dom/render-app'

// The real app, the real SDK and the in-process portal: the message actions as a user finds them
// by role and name, and what the portal holds afterwards.
const card = taskCardPerTest()
const BOOT = { timeout: 20_000 }

const rest = <T,>(method: string, params: Record<string, unknown>, userId = 1) => card.app.rest<T>(method, params, userId)
const post = (text: string, userId = 1) => card.app.post(text, userId)
async function likesOf(id: number): Promise<unknown> {
  const { messages } = await rest<{ messages: { id: number; params: Record<string, unknown> }[] }>('im.dialog.messages.get', {
    DIALOG_ID: 'chat1001',
    LIMIT: 5,
  })
  return messages.find((m) => m.id === id)?.params['LIKE'] ?? []
}

/** Opens task 1 after posting one message by user 2 and one by the viewer (user 1): the newest two. */
async function openWithMessages() {
  await card.open({ taskId: 1 })
  await post('Written by Maria', 2)
  const own = await post('Written by me')
  await renderApp()
  const feed = await screen.findByRole('feed', { name: 'Task chat', busy: false }, BOOT)
  const article = async (text: string) => (await within(feed).findByText(text, {}, BOOT)).closest('article') as HTMLElement
  return { own, theirs: await article('Written by Maria'), mine: await article('Written by me') }
}

describe('the message actions', () => {
  it('offer Like on every message, Edit and Delete on the viewer’s own only; Like toggles at once', async () => {
    const user = userEvent.setup()
    const { own, theirs, mine } = await openWithMessages()
    expect(within(theirs).queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(within(theirs).queryByRole('button', { name: 'Delete' })).toBeNull()
    expect(within(mine).getByRole('button', { name: 'Edit' })).toBeInTheDocument()
    expect(within(mine).getByRole('button', { name: 'Delete' })).toBeInTheDocument()

    const like = within(mine).getByRole('button', { name: 'Like' })
    expect(like).toHaveAttribute('aria-pressed', 'false')
    await user.click(like)
    expect(within(mine).getByRole('button', { name: 'Like' })).toHaveAttribute('aria-pressed', 'true')
    expect(mine).toHaveTextContent('1 like')
    expect(within(mine).getByRole('button', { name: 'Like' })).toHaveAccessibleDescription(/Liked by Alex Morgan/)
    await expect.poll(() => likesOf(own), BOOT).toEqual([1])
  }, 30_000)

  it('ask before deleting (Escape keeps the message); once confirmed it shows deleted, and Undo brings it back', async () => {
    const user = userEvent.setup()
    const { mine } = await openWithMessages()
    await user.click(within(mine).getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this message?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(mine).toHaveTextContent('Written by me')

    await user.click(within(mine).getByRole('button', { name: 'Delete' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }))
    expect(mine).toHaveTextContent('This message has been deleted.')
    await user.click(within(mine).getByRole('button', { name: 'Undo' }))
    expect(mine).toHaveTextContent('Written by me')
    expect(within(mine).getByRole('button', { name: 'Delete' })).toBeInTheDocument()
  }, 30_000)

  it('edit in the composer: the edit bar, Save, Escape back to the draft; an emptied edit asks; an over-long one is refused', async () => {
    const user = userEvent.setup()
    const { mine } = await openWithMessages()
    const box = await findComposer(BOOT.timeout)
    await user.type(box, 'my draft')
    await user.click(within(mine).getByRole('button', { name: 'Edit' }))
    expect(box).toHaveValue('Written by me')
    expect(screen.getByText('Editing message')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled()
    await user.keyboard('{Escape}')
    expect(box).toHaveValue('my draft')
    expect(screen.queryByText('Editing message')).toBeNull()

    await user.click(within(mine).getByRole('button', { name: 'Edit' }))
    await user.clear(box)
    await user.keyboard('{Enter}')
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this message?' })
    expect(dialog).toHaveTextContent('You removed all of its text')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByText('Editing message')).toBeInTheDocument()
    expect(mine).toHaveTextContent('Written by me')

    // Over the portal's limit: the same clear refusal as when sending, and nothing is cut.
    await user.paste('x'.repeat(20_001))
    expect(screen.getByRole('alert')).toHaveTextContent('1 character over the limit')
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
    await user.keyboard('{Enter}')
    expect(box).toHaveValue('x'.repeat(20_001))
    expect(screen.getByText('Editing message')).toBeInTheDocument()
  }, 30_000)
})
