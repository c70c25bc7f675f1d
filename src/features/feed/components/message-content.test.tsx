import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { legacyContentPage, searchContentPage } from '../../../chat/content-fixtures'
import { toHistoryPage } from '../../../chat/map-history'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Author, Message } from '../../../chat/types'
import { FeedActionsContext, NO_CHANGES, type FeedActions } from './feed-actions'
import { MessageExtrasContext } from './message-extras'
import { MESSAGE_EXTRAS } from './message-extras-views'
import { MessageItem } from './message-item'
import { ViewerIdContext } from './viewer-id'

// Messages as the portal writes them, through the mapping at the edge (toHistoryPage), shown by
// the feed's MessageItem and found by role and text as a reader finds them.
const ORIGIN = 'https://portal.example'

function show(raw: unknown, id: number, viewerLikes = false) {
  const page = toHistoryPage(raw, 1001)
  const authors = new Map<number, Author>(page.authors.map((a) => [a.id, a]))
  const messages = new Map<number, Message>(page.messages.map((m) => [m.id, m]))
  const ctx: RenderContext = { userName: (uid) => authors.get(uid)?.name, baseUrl: ORIGIN, allLabel: 'all' }
  const noop = () => {}
  const actions: FeedActions = {
    ...{ reply: noop, retry: noop, discard: noop, jumpTo: noop, makeResult: noop, removeResult: noop, edit: noop, remove: noop, undoRemove: noop, like: noop },
    find: (mid) => messages.get(mid),
    resultOf: () => null,
    changeOf: () => ({ ...NO_CHANGES, liked: viewerLikes }),
  }
  render(
    <ViewerIdContext.Provider value={0}>
      <FeedActionsContext.Provider value={actions}>
        <MessageExtrasContext.Provider value={MESSAGE_EXTRAS}>
          <div role="feed" aria-label="Task chat">
            <MessageItem
              message={messages.get(id)!}
              rowKey={String(id)}
              continued={false}
              author={authors.get(messages.get(id)!.authorId)}
              authors={authors}
              files={new Map()}
              position={1}
              setSize={1}
              textContext={ctx}
              tabStop
              entered
            />
          </div>
        </MessageExtrasContext.Provider>
      </FeedActionsContext.Provider>
    </ViewerIdContext.Provider>,
  )
  return screen.getByRole('article')
}

describe('ATTACH blocks', () => {
  it.each([
    ['search', searchContentPage],
    ['get', legacyContentPage],
  ])('show under the message, every kind, from %s', (_, page) => {
    const article = show(page, 501)
    expect(within(article).getByText('shipped', { selector: 'strong, b' })).toBeInTheDocument()
    expect(within(article).getAllByText(/Result:/)).toHaveLength(1) // DESCRIPTION repeats the first MESSAGE: shown once
    expect(within(article).getByRole('separator')).toBeInTheDocument()
    expect(within(article).getByText('Status').tagName).toBe('DT')
    expect(within(article).getByText('Completed')).toBeInTheDocument()
    expect(within(article).getByRole('link', { name: 'Release notes' })).toHaveAttribute('href', 'https://example.com/notes')
    expect(within(article).getByText('What changed')).toBeInTheDocument()
    expect(within(article).getByRole('img', { name: 'Release notes' })).toHaveAttribute('loading', 'lazy')
    // A relative link is the portal's; a javascript: preview is never loaded.
    expect(within(article).getByRole('link', { name: 'Rich page' })).toHaveAttribute('href', `${ORIGIN}/company/page/`)
    expect(within(article).queryByRole('img', { name: 'Rich page' })).toBeNull()
    expect(within(article).getByRole('img', { name: 'Screenshot' })).toHaveAttribute('src', 'https://example.com/shot-s.png')
    expect(within(article).getByRole('link', { name: /report\.pdf/ })).toHaveAttribute('href', 'https://example.com/report.pdf')
    expect(within(article).getByRole('link', { name: 'Maria Ivanova' })).toHaveAttribute('href', 'https://example.com/u/2')
    // A javascript: link is text, never a link.
    expect(within(article).getByText('Evil')).toBeInTheDocument()
    expect(within(article).queryByRole('link', { name: 'Evil' })).toBeNull()
    expect(article.innerHTML).not.toMatch(/javascript:/i)
  })
})

describe('KEYBOARD buttons', () => {
  it('open links in a new tab, send messenger-only ones to the message in the messenger, and show disabled ones disabled', () => {
    const keyboard = within(show(searchContentPage, 501)).getByRole('group', { name: 'Message buttons' })
    const link = within(keyboard).getByRole('link', { name: 'Open the old comments' })
    expect(link).toHaveAttribute('href', 'https://example.com/old?a=1&b=2')
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    const command = within(keyboard).getByRole('link', { name: 'Run report' })
    expect(command).toHaveAttribute('href', `${ORIGIN}/online/?IM_DIALOG=chat1001&IM_MESSAGE=501`)
    expect(command).toHaveAccessibleDescription(/Only the Bitrix24 messenger can run this button/)
    expect(within(keyboard).getByRole('button', { name: 'Closed' })).toBeDisabled()
    expect(within(keyboard).queryByText('Phone only')).toBeNull()
  })
})

describe('reactions', () => {
  it('show every kind with its count and who, the viewer’s own marked, from search', () => {
    const article = show(searchContentPage, 504, true)
    const list = within(article).getByRole('list', { name: 'Reactions' })
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(items[0]).toHaveTextContent('1 like')
    expect(items[0]).toHaveTextContent('Liked by Alex Morgan')
    expect(items[1]).toHaveTextContent('Fire: 1, by Oleg Petrov')
    expect(items[2]).toHaveTextContent('Tears of joy: 7')
    expect(within(article).queryByRole('button', { name: /Fire/ })).toBeNull()
  })

  it('show LIKE as likes where the reader gives no reactions (get)', () => {
    const list = within(show(legacyContentPage, 504)).getByRole('list', { name: 'Reactions' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(1)
    expect(list).toHaveTextContent('2 likes')
    expect(list).toHaveTextContent('Liked by Alex Morgan, Oleg Petrov')
  })
})

describe('replies, stickers and forwards', () => {
  it('quote the original of a reply read through search, by its author and text', () => {
    const article = show(searchContentPage, 504)
    expect(within(article).getByRole('button', { name: /Reply to System/ })).toBeInTheDocument()
    expect(article).toHaveTextContent('Result: shipped')
  })

  it('show a sticker’s picture named "Sticker", or the word where the reader gave no picture', () => {
    expect(within(show(searchContentPage, 503)).getByRole('img', { name: 'Sticker' })).toHaveAttribute('src', 'https://example.com/sticker.png')
    document.body.innerHTML = ''
    const legacy = show(legacyContentPage, 503)
    expect(within(legacy).queryByRole('img')).toBeNull()
    expect(legacy).toHaveTextContent('Sticker')
  })

  it('say whom a message was forwarded from, or only that it was', () => {
    expect(show(searchContentPage, 502)).toHaveTextContent('Forwarded from Oleg Petrov, Design team')
    document.body.innerHTML = ''
    expect(show(legacyContentPage, 502)).toHaveTextContent('Forwarded message')
  })
})
