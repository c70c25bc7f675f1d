import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { taskCardPerTest } from '../../../../test/dom/card-per-test'
import { renderApp } from '../../../../test/dom/render-app'

// The whole app against an in-process portal: the searchbox, the real im.dialog.messages.search
// and the feed it jumps into. Users find things by role and name, as a screen reader would.
const card = taskCardPerTest()

const BOOT = { timeout: 20_000 }
const SEARCH = { timeout: 20_000 }

/** Posts to the demo chat as `userId` through the portal's REST; answers the new message's id. */
const post = (text: string, userId = 2) => card.app.post(text, userId)

/** The REST requests the portal answers, watched (not changed): the server hands each to `handleRest`. */
type Watched = { handleRest(req: { method: string; params: Record<string, unknown> }): unknown }

/** The terms the app searched for (history pages, which use the same method without a term, left out). */
function searchesAsked(): () => string[] {
  const spy = vi.spyOn(card.app.portal as unknown as Watched, 'handleRest')
  return () =>
    spy.mock.calls
      .map(([req]) => req)
      .filter((req) => req.method === 'im.dialog.messages.search' && req.params['SEARCH_MESSAGE'] !== undefined)
      .map((req) => String(req.params['SEARCH_MESSAGE']))
}

async function open() {
  await renderApp()
  await screen.findByRole('feed', { name: 'Task chat', busy: false }, BOOT)
  return { user: userEvent.setup(), box: screen.getByRole('searchbox', { name: 'Search in chat' }) }
}

describe('search in the chat', () => {
  it('asks for 3 characters before it searches, then lists the match with its author, date and the term marked', async () => {
    await card.open({ taskId: 1 })
    await post('The [b]xylophone quartet[/b] plays at <script>noon</script>')
    const asked = searchesAsked()
    const { user, box } = await open()

    await user.type(box, 'xy')
    expect(await screen.findByText('Type at least 3 characters to search.')).toBeVisible()
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull()

    await user.type(box, 'lophone q')
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    const [option] = within(results).getAllByRole('option')
    expect(option).toHaveTextContent('Мария Иванова')
    expect(within(option!).getByText('xylophone q').tagName).toBe('MARK')
    expect(option!.querySelector('time')).toHaveAttribute('datetime')
    expect(option!.querySelector('strong')).toHaveTextContent('xylophone quartet')
    expect(option!.querySelector('script')).toBeNull()
    expect(option).toHaveTextContent('<script>noon</script>')
    expect(screen.getByText('1 message found')).toBeInTheDocument()
    expect(screen.getByText('No more messages match.')).toBeVisible()
    // Never a term under 3 characters: the portal would answer every message.
    expect(asked().every((term) => term.length >= 3)).toBe(true)
  })

  it('goes into the results with ArrowDown, through them with Up and Down, and Enter shows the message focused in the feed', async () => {
    await card.open({ taskId: 1 })
    const ids: number[] = []
    for (const n of ['first', 'second', 'third']) ids.push(await post(`Marimba rehearsal ${n}`))
    const { user, box } = await open()
    await user.type(box, 'marimba rehearsal')
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    const options = within(results).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('third'), expect.stringContaining('second'), expect.stringContaining('first')])

    await user.keyboard('{ArrowDown}')
    expect(options[0]).toHaveFocus()
    expect(options[0]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}')
    expect(options[1]).toHaveFocus()
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(box).toHaveFocus()
    // Typing from inside the results goes on in the box.
    await user.keyboard('{ArrowDown}s')
    expect(box).toHaveFocus()
    expect(box).toHaveValue('marimba rehearsals')
    await user.keyboard('{Backspace}')
    const again = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    expect(within(again).getAllByRole('option')).toHaveLength(3)
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')

    await waitFor(() => expect(screen.getByRole('feed', { name: 'Task chat' }).querySelector(`article[data-message-id="${ids[1]}"]`)).toHaveFocus(), SEARCH)
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull()
  })

  it('Enter in the box, with the matches of what is typed listed, opens the one marked selected', async () => {
    await card.open({ taskId: 1 })
    const older = await post('Vibraphone tuning, older')
    const newest = await post('Vibraphone tuning, newest')
    const { user, box } = await open()
    await user.type(box, 'vibraphone tuning')
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    expect(within(results).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('feed', { name: 'Task chat' }).querySelector(`article[data-message-id="${newest}"]`)).toHaveFocus(), SEARCH)
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull()
    expect(older).toBeLessThan(newest)
  })

  it('Escape clears the search and gives focus back to where it was', async () => {
    await card.open({ taskId: 1 })
    await post('Vibraphone solo')
    const { user, box } = await open()
    const feed = screen.getByRole('feed', { name: 'Task chat' })
    const article = within(feed).getAllByRole('article').at(-1)!
    article.focus()
    await user.click(box)
    await user.type(box, 'vibraphone')
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    await user.keyboard('{ArrowDown}')
    expect(within(results).getAllByRole('option')[0]).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox', { name: 'Search results' })).toBeNull()
    expect(box).toHaveValue('')
    expect(article).toHaveFocus()
  })

  it('says when nothing matches, and gives a portal error its sentence and Retry', async () => {
    const app = await card.open({ taskId: 1 })
    await post('Glockenspiel tuning')
    const { user, box } = await open()
    await user.type(box, 'qqzzxx{Enter}')
    expect(await screen.findByText('No messages match “qqzzxx”.', {}, SEARCH)).toBeVisible()

    app.portal.setConditions({ methodFaults: [{ method: 'im.dialog.messages.search', error: 'ERROR_METHOD_NOT_FOUND', times: 1 }] })
    await user.clear(box)
    await user.type(box, 'glockenspiel{Enter}')
    const alert = await screen.findByRole('alert', {}, SEARCH)
    expect(alert).toHaveTextContent('Couldn’t search the chat. Your Bitrix24 does not support a feature this app needs.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    expect(within(results).getByRole('option')).toHaveTextContent('Glockenspiel tuning')
  })

  it('a system message found while they are hidden says so, and choosing it shows system messages and the message', async () => {
    await card.open({ taskId: 1 })
    const { user, box } = await open()
    await user.click(screen.getByRole('switch', { name: 'Show system messages' }))
    expect(screen.getByRole('switch', { name: 'Show system messages' })).not.toBeChecked()
    await user.type(box, 'Task chat has been created')
    const results = await screen.findByRole('listbox', { name: 'Search results' }, SEARCH)
    const option = within(results).getAllByRole('option').at(-1)!
    expect(option).toHaveTextContent('System')
    expect(option).toHaveTextContent('System messages are hidden in the feed: choosing this one shows them.')
    await user.click(option)
    expect(screen.getByRole('switch', { name: 'Show system messages' })).toBeChecked()
    // The message is at the very start of history: the feed opens afresh there (a new run), so it is looked up anew.
    await waitFor(
      () => expect(screen.getByRole('feed', { name: 'Task chat' }).querySelector('article:focus')).toHaveTextContent('Task chat has been created'),
      SEARCH,
    )
  })
})
