import { dateFormat } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import { MessageText } from '../../feed/bbcode/message-text'
import type { RenderContext } from '../../feed/bbcode/render-bbcode'
import type { Author } from '../../feed/types'
import type { TaskResult } from '../api/results-api'

interface Props {
  results: TaskResult[]
  authors: Map<number, Author>
  textContext: RenderContext
  onShow(messageId: number): void
}

/** "Results only": the messages that are the task's results, newest first, each a way back into the chat. */
export function ResultsList({ results, authors, textContext, onShow }: Props) {
  const { t, locale } = useI18n()
  if (results.length === 0) return <p className="feed-note">{t('result.none')}</p>
  const date = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <ul className="results-list" aria-label={t('result.list')}>
      {[...results].reverse().map((result) => (
        <li key={result.id} className="results-list__item">
          <MessageText text={result.text} ctx={textContext} />
          <div className="results-list__meta">
            <span>{t('result.markedBy', { name: authors.get(result.authorId)?.name ?? t('feed.unknownAuthor'), date: date.format(result.createdAt) })}</span>
            <button type="button" onClick={() => onShow(result.messageId)}>
              {t('result.showInChat')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  )
}
