import { memo } from 'react'
import { MessageText } from '../../../chat/bbcode/message-text'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Message } from '../../../chat/types'
import { dateFormat } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import './search-result.css'

interface Props {
  id: string
  message: Message
  authorName: string | undefined
  /** The message context with the term to highlight, in preview mode (no links inside an option). */
  ctx: RenderContext
  active: boolean
  /** A system message while the feed hides them: choosing it shows them, and the result says so. */
  hiddenInFeed: boolean
  onChoose(message: Message): void
  onFocus(): void
}

/** One match: who wrote it, when, and its text through the feed's BB-code renderer, the term marked. */
export const SearchResult = memo(function SearchResult({ id, message, authorName, ctx, active, hiddenInFeed, onChoose, onFocus }: Props) {
  const { t, locale } = useI18n()
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(message.date)
  return (
    <li id={id} role="option" aria-selected={active} tabIndex={active ? 0 : -1} className="search-result" onClick={() => onChoose(message)} onFocus={onFocus}>
      <span className="search-result__head">
        <span className="search-result__author">{message.isSystem ? t('feed.system') : (authorName ?? t('feed.unknownAuthor'))}</span>
        <time dateTime={message.date.toISOString()}>{when}</time>
      </span>
      <MessageText text={message.text} ctx={ctx} />
      {hiddenInFeed && <span className="search-result__note">{t('search.showsSystem')}</span>}
    </li>
  )
})
