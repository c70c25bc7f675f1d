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
  /** The conversation's authors (those of messages read for the results land there too). */
  authors: ReadonlyMap<number, Author>
  taskId: number
  chatId: number | null
  textContext: RenderContext
  onShow(messageId: number): void
}

/**
 * The words a result shows: its message as the chat has it now (edited since, perhaps: the result
 * keeps the text it was made with), or the result's own text while the message is not known, is
 * deleted, or has no words (a file alone: the result then has a title of its own).
 */
const shownText = (result: TaskResult, message: Message | undefined) =>
  message && !message.isDeleted && message.text.trim() !== '' ? message.text : result.text

/**
 * "Results only": the messages that are the task's results, newest first, each with who wrote it
 * and when, who marked it, and a way back into the chat.
 */
export function ResultsList({ results, authors, taskId, chatId, textContext, onShow }: Props) {
  const { t, locale } = useI18n()
  const messages = useResultMessages(
    taskId,
    chatId,
    results.map((r) => r.messageId),
  )
  if (results.length === 0) return <p className="feed-note">{t('result.none')}</p>
  const date = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const nameOf = (id: number) => authors.get(id)?.name ?? t('feed.unknownAuthor')
  return (
    <ul className="results-list" aria-label={t('result.list')}>
      {[...results].reverse().map((result) => {
        const message = messages.get(result.messageId)
        return (
          <li key={result.id} className="results-list__item">
            {/* Its line is there before its author is known (an empty line of the same height), so the card does not grow when it comes. */}
            <p className="results-list__head">
              {message && (
                <>
                  <strong className="message__author">{message.isSystem ? t('feed.system') : nameOf(message.authorId)}</strong>{' '}
                  <time dateTime={message.date.toISOString()}>{date.format(message.date)}</time>
                </>
              )}
            </p>
            <MessageText text={shownText(result, message)} ctx={textContext} />
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
