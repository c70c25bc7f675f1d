import { dateFormat } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import { MessageText } from '../../../chat/bbcode/message-text'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import type { Author, Message } from '../../../chat/types'
import { useResultMessages } from '../api/result-messages'
import type { TaskResult } from '../api/results-api'
import './results-list.css'

interface Props {
  results: TaskResult[]
  authors: ReadonlyMap<number, Author>
  /** The chat's messages the feed has loaded; the others are read from the portal. */
  loaded: ReadonlyMap<number, Message>
  chatId: number | null
  textContext: RenderContext
  onShow(messageId: number): void
}

/**
 * "Results only": the messages that are the task's results, newest first, each with who wrote it
 * and when, who marked it, and a way back into the chat.
 */
export function ResultsList({ results, authors, loaded, chatId, textContext, onShow }: Props) {
  const { t, locale } = useI18n()
  const source = useResultMessages(
    chatId,
    results.map((r) => r.messageId),
    loaded,
  )
  if (results.length === 0) return <p className="feed-note">{t('result.none')}</p>
  const date = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const nameOf = (id: number) => authors.get(id)?.name ?? source.authors.get(id)?.name ?? t('feed.unknownAuthor')
  return (
    <ul className="results-list" aria-label={t('result.list')}>
      {[...results].reverse().map((result) => {
        const message = source.messages.get(result.messageId)
        return (
          <li key={result.id} className="results-list__item">
            {message && (
              <p className="results-list__head">
                <strong className="message__author">{message.isSystem ? t('feed.system') : nameOf(message.authorId)}</strong>{' '}
                <time dateTime={message.date.toISOString()}>{date.format(message.date)}</time>
              </p>
            )}
            <MessageText text={result.text} ctx={textContext} />
            <div className="results-list__meta">
              <span>{t('result.markedBy', { name: nameOf(result.authorId), date: date.format(result.createdAt) })}</span>
              <button type="button" onClick={() => onShow(result.messageId)}>
                {t('result.showInChat')}
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
