import { useI18n } from '../../../i18n/i18n'
import { plainText } from '../bbcode/plain-text'
import type { Author } from '../types'
import { useFeedActions } from './feed-actions'

const EXCERPT = 120

/** The message a reply answers: its author and opening words; choosing it jumps there. */
export function ReplyQuote({ replyToId, authors }: { replyToId: number; authors: Map<number, Author> }) {
  const { t } = useI18n()
  const { find, jumpTo } = useFeedActions()
  const original = find(replyToId)
  if (!original) return <div className="reply-quote reply-quote--missing">{t('message.replyToUnloaded')}</div>
  const name = original.isSystem ? t('feed.system') : (authors.get(original.authorId)?.name ?? t('feed.unknownAuthor'))
  return (
    <button type="button" className="reply-quote" onClick={() => jumpTo(original.id)} aria-label={t('message.replyTo', { name })}>
      <span className="reply-quote__author">{name}</span>
      <span className="reply-quote__text">{original.isDeleted ? t('feed.deleted') : plainText(original.text, EXCERPT)}</span>
    </button>
  )
}
