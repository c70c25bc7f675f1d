import { useI18n } from '../../../i18n/i18n'
import { plainText } from '../../../chat/bbcode/plain-text'
import { summaryText } from '../../../chat/message-summary'
import type { Author } from '../../../chat/types'
import { useFeedActions } from './feed-actions'
import './reply-quote.css'

const EXCERPT = 120

/**
 * The message a reply answers: its author and opening words; choosing it jumps there. Only the
 * name is the button (named "Reply to <name>: go to the message", which contains what it shows);
 * the excerpt beside it is read as text, and the button's ::after stretches over the whole quote
 * so a click anywhere on it still jumps.
 */
export function ReplyQuote({ replyToId, authors }: { replyToId: number; authors: ReadonlyMap<number, Author> }) {
  const i18n = useI18n()
  const { t } = i18n
  const { find, jumpTo } = useFeedActions()
  const original = find(replyToId)
  // Not loaded (far back): the quote is still the way there; the jump loads the window around it.
  if (!original)
    return (
      <div className="reply-quote reply-quote--missing">
        <button type="button" className="reply-quote__author" onClick={() => jumpTo(replyToId)}>
          {t('message.replyToUnloaded')}
        </button>
      </div>
    )
  const name = original.isSystem ? t('feed.system') : (authors.get(original.authorId)?.name ?? t('feed.unknownAuthor'))
  return (
    <div className="reply-quote">
      <button type="button" className="reply-quote__author" onClick={() => jumpTo(original.id)} aria-label={t('message.replyTo', { name })}>
        {name}
      </button>{' '}
      <span className="reply-quote__text">
        {original.isDeleted ? t('feed.deleted') : plainText(summaryText(original), EXCERPT, { ...i18n, userName: (id) => authors.get(id)?.name })}
      </span>
    </div>
  )
}
