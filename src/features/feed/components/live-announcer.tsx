import { useState } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { plainText } from '../../../chat/bbcode/plain-text'
import { summaryText } from '../../../chat/message-summary'
import type { Author, Message } from '../../../chat/types'

const MAX_SPOKEN = 160

/**
 * A polite live region that speaks only others' messages that arrive while the feed is open (newer
 * than the newest at opening), never the history loading above, so screen-reader users hear the conversation without the scrolling.
 */
export function LiveAnnouncer({
  messages,
  authors,
  showSystem,
  ownIds,
}: {
  messages: Message[]
  authors: ReadonlyMap<number, Author>
  showSystem: boolean
  ownIds: number[]
}) {
  const i18n = useI18n()
  const { t } = i18n
  // What was there when the feed opened is history, not news.
  const [openedAt] = useState(() => messages.at(-1)?.id ?? 0)
  // The reader's own messages are not news to them.
  const latest = messages.findLast((m) => m.id > openedAt && (showSystem || !m.isSystem) && !ownIds.includes(m.authorId))
  const name = latest && (latest.isSystem ? t('feed.system') : (authors.get(latest.authorId)?.name ?? t('feed.unknownAuthor')))
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {latest
        ? t('feed.announce', { name: name!, text: plainText(summaryText(latest), MAX_SPOKEN, { ...i18n, userName: (id) => authors.get(id)?.name }) })
        : ''}
    </div>
  )
}
