import { memo } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { MessageText } from '../bbcode/message-text'
import type { RenderContext } from '../bbcode/render-bbcode'
import type { Author, ChatFile, Message } from '../types'
import { AuthorAvatar } from './author-avatar'

interface Props {
  message: Message
  author: Author | undefined
  files: ChatFile[]
  position: number
  total: number
  textContext: RenderContext
}

/** One message as an `article` of the feed. */
export const MessageItem = memo(function MessageItem({ message, author, files, position, total, textContext }: Props) {
  const { t, locale } = useI18n()
  const name = message.isSystem ? t('feed.system') : (author?.name ?? t('feed.unknownAuthor'))
  const idBase = `message-${message.id}`
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(message.date)
  return (
    <article
      className={message.isSystem ? 'message message--system' : 'message'}
      aria-labelledby={`${idBase}-author ${idBase}-time`}
      aria-posinset={position}
      aria-setsize={total}
      tabIndex={0}
    >
      {!message.isSystem && <AuthorAvatar author={author} />}
      <div className="message__body">
        <header className="message__header">
          <span id={`${idBase}-author`} className="message__author">
            {name}
          </span>
          <time id={`${idBase}-time`} dateTime={message.date.toISOString()} className="message__time">
            {time}
          </time>
          {message.isEdited && !message.isDeleted && <span className="message__edited">{t('feed.edited')}</span>}
        </header>
        {message.isDeleted ? (
          <p className="message__text message__text--deleted">{t('feed.deleted')}</p>
        ) : (
          <MessageText text={message.text} ctx={textContext} />
        )}
        {files.length > 0 && !message.isDeleted && (
          <ul className="message__files">
            {files.map((file) => (
              <li key={file.id}>
                {file.url ? (
                  <a href={file.url} target="_blank" rel="noopener noreferrer">
                    {t('feed.file', { name: file.name })}
                  </a>
                ) : (
                  t('feed.file', { name: file.name })
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  )
})
