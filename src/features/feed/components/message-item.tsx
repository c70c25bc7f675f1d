import { memo, useLayoutEffect, useRef } from 'react'
import { dateFormat } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import { MessageText } from '../../../chat/bbcode/message-text'
import type { RenderContext } from '../../../chat/bbcode/render-bbcode'
import { reactionsOf } from '../../../chat/reactions'
import type { Author, ChatFile, Message, PendingState } from '../../../chat/types'
import { AuthorAvatar } from './author-avatar'
import { NO_CHANGES, useFeedActions } from './feed-actions'
import { ForwardedFrom } from './forwarded-from'
import { useMessageExtras } from './message-extras'
import { setControlsTabbable } from './message-controls'
import { ReplyQuote } from './reply-quote'
import { SeenMark } from './seen-mark'
import { useViewerId } from './viewer-id'
import { StickerView } from './sticker'
import './message.css'

interface Props {
  message: Message
  rowKey: string
  /** Continues the previous message's author block: no second name and avatar on screen. */
  continued: boolean
  author: Author | undefined
  authors: ReadonlyMap<number, Author>
  files: ReadonlyMap<number, ChatFile>
  position: number
  /** -1 while older history may still load. */
  setSize: number
  textContext: RenderContext
  pending?: PendingState
  /** The feed's one Tab stop is on this message (roving tabindex). */
  tabStop: boolean
  /** The reader is inside this message's controls: they are Tab stops until the reader leaves. */
  entered: boolean
  /** An element describing the message (the "New messages" divider above the first unread one). */
  describedBy?: string
}

// One object each, so the formatters are found by them (formatters.ts) for every row.
const SHORT_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }
const FULL_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' }

/** One message as an `article` of the feed, labelled by its author and time. */
export const MessageItem = memo(function MessageItem(props: Props) {
  const { message, rowKey, continued, author, authors, files, position, setSize, textContext, pending, tabStop, entered, describedBy } = props
  const { t, locale } = useI18n()
  const actions = useFeedActions()
  const name = message.isSystem ? t('feed.system') : (author?.name ?? t('feed.unknownAuthor'))
  const idBase = `message-${rowKey}`
  const short = dateFormat(locale, SHORT_TIME).format(message.date)
  const full = dateFormat(locale, FULL_TIME).format(message.date)
  const change = !message.isSystem && !pending ? actions.changeOf(message) : NO_CHANGES
  const viewerId = useViewerId()
  // The reader's own messages sit on the right in the accent tint, without their name and photo, as in the messenger.
  const own = !message.isSystem && message.authorId === viewerId
  const classes = [
    'message',
    message.isSystem && 'message--system',
    own && 'message--own',
    continued && 'message--continued',
    pending && `message--${pending.status}`,
    change.editing && 'message--editing',
  ]
  const actionable = !message.isSystem && !pending && !message.isDeleted
  const result = actionable ? actions.resultOf(message.id) : null
  const extras = useMessageExtras()
  // The messenger marks only the reader's own messages viewed; a message on its way has not been read yet.
  const seen = message.seenByOthers === true && own && !pending && !message.isDeleted
  // The Like button is described by the likes line, when there is one.
  const likesId = extras && reactionsOf(message, 0).some((r) => r.code === 'like') ? `${idBase}-likes` : undefined
  const articleRef = useRef<HTMLElement>(null)
  // After every render: the controls inside are re-created as the message changes.
  useLayoutEffect(() => {
    if (articleRef.current) setControlsTabbable(articleRef.current, entered)
  })
  return (
    <article
      ref={articleRef}
      className={classes.filter(Boolean).join(' ')}
      data-key={rowKey}
      data-message-id={pending ? undefined : message.id}
      aria-labelledby={`${idBase}-author ${idBase}-time`}
      aria-describedby={describedBy}
      aria-posinset={position}
      aria-setsize={setSize}
      tabIndex={tabStop ? 0 : -1}
    >
      {!message.isSystem && !own && (continued ? <span className="avatar-gap" /> : <AuthorAvatar author={author} />)}
      <div className="message__body">
        <div className="message__bubble">
          {/* The name once per run of one author's messages, and never over the reader's own. */}
          <header className={continued || own ? 'message__header visually-hidden' : 'message__header'}>
            <span id={`${idBase}-author`} className="message__author" title={name}>
              {name}
            </span>
          </header>
          {message.forward && !message.isDeleted && <ForwardedFrom forward={message.forward} authors={authors} />}
          {message.replyToId !== null && <ReplyQuote replyToId={message.replyToId} authors={authors} />}
          {change.deleting && !message.isDeleted ? (
            extras && <extras.Deleting id={message.id} />
          ) : message.isDeleted ? (
            <p className="message__text message__text--deleted">{t('feed.deleted')}</p>
          ) : (
            <>
              {message.text && <MessageText text={message.text} ctx={textContext} />}
              {message.sticker && <StickerView sticker={message.sticker} ctx={textContext} />}
              {extras && <extras.Attachments message={message} ctx={textContext} />}
              {extras && <extras.Files ids={message.fileIds} files={files} chatId={message.chatId} />}
              {extras && <extras.Keyboard message={message} origin={textContext.baseUrl} idBase={idBase} />}
              {extras && <extras.Reactions message={message} ownLike={change.liked} authors={authors} likesId={`${idBase}-likes`} />}
            </>
          )}
          {/* On every message, continued or not, as the messenger: the badge and "edited" inline with the time. */}
          <div className="message__meta">
            {result && extras && <extras.ResultMark view={result} />}
            {message.isEdited && !message.isDeleted && !change.deleting && <span className="message__edited">{t('feed.edited')}</span>}
            <time id={`${idBase}-time`} dateTime={message.date.toISOString()} aria-label={full} title={full} className="message__time">
              {short}
            </time>
            {seen && !change.deleting && <SeenMark />}
          </div>
        </div>
        {/* Only the screen's messages have these (the first frame's are inert, with no results known yet). */}
        {extras && <extras.Notes result={result} change={change} pending={pending} />}
      </div>
      {actionable && !change.deleting && extras && <extras.Actions message={message} result={result} change={change} likesId={likesId} />}
    </article>
  )
})
