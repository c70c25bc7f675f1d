import { render, screen, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { searchContentPage } from '../../../chat/content-fixtures'
import { toHistoryPage } from '../../../chat/map-history'
import type { Author } from '../../../chat/types'
import { I18nProvider } from '../../../i18n/i18n'
import { ensureLanguage } from '../../../i18n/languages'
import { Reactions } from './reactions'

// The search reader's page with kinds beyond the first twelve (ui/lib/Public/Enum/Reaction/ReactionName.php)
// and one the enum does not know (a newer portal's).
const page = {
  ...searchContentPage,
  reactions: [
    {
      messageId: 504,
      reactionCounters: { clappingHands: 2, hundredPoints: 1, someNewKind: 1 },
      reactionUsers: { clappingHands: [3], hundredPoints: [1] },
      ownReactions: ['clappingHands'],
    },
  ],
}

function showReactions(lang: string) {
  const { messages, authors } = toHistoryPage(page, 1001)
  const message = messages.find((m) => m.id === 504)!
  render(
    <I18nProvider lang={lang}>
      <Reactions message={message} ownLike={false} authors={new Map<number, Author>(authors.map((a) => [a.id, a]))} likesId="likes-504" />
    </I18nProvider>,
  )
  return within(screen.getByRole('list', { name: lang === 'de' ? 'Reaktionen' : 'Reactions' }))
}

beforeAll(() => ensureLanguage('de'))

describe('reactions of every kind the messenger has', () => {
  it('read out clapping hands by its name, count, who and the viewer’s own, in English', () => {
    const list = showReactions('en')
    const clapping = list.getByText('Clapping hands: 2, by Oleg Petrov and 1 other (yours)')
    expect(clapping.closest('li')).toHaveTextContent('Clapping hands2')
    expect(list.getByText('100 points: 1, by Alex Morgan')).toBeInTheDocument()
  })

  it('read out clapping hands by its German name', () => {
    const list = showReactions('de')
    expect(list.getByText('Applaus: 2, von Oleg Petrov und 1 weitere Person (deine)')).toBeInTheDocument()
    expect(list.getByText('100 Punkte: 1, von Alex Morgan')).toBeInTheDocument()
  })

  it('call a kind the enum does not know "Reaction"', () => {
    const list = showReactions('en')
    expect(list.getByText('Reaction: 1')).toBeInTheDocument()
  })
})
