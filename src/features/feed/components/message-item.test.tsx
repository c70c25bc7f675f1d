import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aMessage } from '../../../chat/test-message'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Author, Message, ResultBadge } from '../../../chat/types'
import { StickyDay } from './day-separator'
import { FeedActionsContext, NO_CHANGES, type FeedActions } from './feed-actions'
import { MessageExtrasContext } from './message-extras'
import { MESSAGE_EXTRAS } from './message-extras-views'
import { MessageItem } from './message-item'
import { ViewerIdContext } from './viewer-id'

// The messenger's look as a reader meets it: names once per run, never on their own messages, the
// time with "edited" and "Result" on one line, and the actions as buttons named by their words.
const VIEWER = 1
const authors = new Map<number, Author>([
  [1, { id: 1, name: 'Alex Morgan', avatarUrl: null, color: '#2fc6f6', isBot: false }],
  [2, { id: 2, name: 'Emily Zhang', avatarUrl: null, color: '#ab7fe6', isBot: false }],
])
const ctx: RenderContext = { userName: (id) => authors.get(id)?.name, baseUrl: 'https://portal.example', allLabel: 'all' }
const noop = () => {}

function show(message: Message, { continued = false, result = null as ResultBadge | null } = {}) {
  const actions: FeedActions = {
    ...{ reply: noop, retry: noop, discard: noop, jumpTo: noop, makeResult: noop, removeResult: noop, edit: noop, remove: noop, undoRemove: noop, like: noop },
    find: () => undefined,
    resultOf: () => result,
    changeOf: (m) => ({ ...NO_CHANGES, canEdit: m.authorId === VIEWER, canDelete: m.authorId === VIEWER }),
  }
  render(
    <ViewerIdContext.Provider value={VIEWER}>
      <FeedActionsContext.Provider value={actions}>
        <MessageExtrasContext.Provider value={MESSAGE_EXTRAS}>
          <div role="feed" aria-label="Task chat">
            <MessageItem
              {...{ message, continued, authors, textContext: ctx, tabStop: true, entered: true }}
              rowKey={String(message.id)}
              author={authors.get(message.authorId)}
              files={new Map()}
              position={1}
              setSize={1}
            />
          </div>
        </MessageExtrasContext.Provider>
      </FeedActionsContext.Provider>
    </ViewerIdContext.Provider>,
  )
  return screen.getByRole('article')
}

describe('a message of the feed', () => {
  it('names its author for everyone, and shows the name and the photo on the first of a run only', () => {
    const first = show(aMessage(10, { date: new Date('2026-03-02T09:00:00Z') }))
    expect(first).toHaveAccessibleName(/^Emily Zhang /)
    expect(within(first).getByText('Emily Zhang').closest('.visually-hidden')).toBeNull()
    expect(within(first).getByText('EZ')).toBeInTheDocument()
  })

  it('in a run, keeps the name for screen readers only, and no photo', () => {
    const next = show(aMessage(11, { date: new Date('2026-03-02T09:12:00Z') }), { continued: true })
    expect(next).toHaveAccessibleName(/^Emily Zhang /)
    expect(within(next).getByText('Emily Zhang').closest('.visually-hidden')).not.toBeNull()
    expect(within(next).queryByText('EZ')).toBeNull()
  })

  it('shows the reader’s own without their name on screen, with Edit and Delete among icon buttons named by their words', () => {
    const own = show(aMessage(12, { authorId: VIEWER, isEdited: true }))
    expect(own).toHaveAccessibleName(/^Alex Morgan /)
    expect(within(own).getByText('Alex Morgan').closest('.visually-hidden')).not.toBeNull()
    expect(within(own).queryByText('AM')).toBeNull()
    for (const name of ['Reply', 'Like', 'Edit', 'Delete']) {
      const button = within(own).getByRole('button', { name })
      // Its word as the tooltip, its picture hidden from screen readers.
      expect(button).toHaveAttribute('title', name)
      expect(button.querySelector('svg')).toHaveAttribute('aria-hidden', 'true')
    }
  })

  it('puts "edited" and the "Result" badge on the line of its time', () => {
    const article = show(aMessage(13, { isEdited: true }), { result: { badge: true, action: 'remove', error: null } })
    const time = within(article).getByRole('time')
    const line = time.parentElement!
    expect(within(line).getByText('edited')).toBeInTheDocument()
    expect(within(line).getByText('Result')).toBeInTheDocument()
    expect(within(article).getByRole('button', { name: 'Remove result' })).toBeInTheDocument()
  })
})

describe('the day held over the feed', () => {
  it('names the day of the row at the top, as a decoration (each time carries its full date)', () => {
    const { container } = render(<StickyDay date={new Date(2026, 2, 2, 12)} />)
    expect(container.firstElementChild).toHaveTextContent(/^March 2(, 2026)?$/)
    expect(container.querySelector('[aria-hidden="true"]')).not.toBeNull()
  })
})
