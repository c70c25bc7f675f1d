import { lazy, Suspense, type RefObject } from 'react'
import { plainText } from '../../chat/bbcode/plain-text'
import type { Author, Message, Viewer } from '../../chat/types'
import type { OutboxState, OutboxStore } from '../../features/composer/api/outbox-store'
import type { Attachment, AttachmentQueue } from '../../features/attachments/api/attachment-queue'
import type { EditSession } from '../../features/composer/components/composer'
import { EarlyComposer } from '../../features/composer/components/early-composer'
import { useI18n } from '../../i18n/i18n'
// The composer's place is held with its box while the composer loads.
import '../../features/composer/components/composer.css'

// Not needed for the first paint of the feed: loaded while the opening request is on its way,
// the attachment parts beside it. Each has its own Suspense: one arriving late never blanks the box.
const loadAttachParts = () =>
  Promise.all([import('../../features/attachments/components/attach-button'), import('../../features/attachments/components/attachment-list')])
export const loadComposer = () => {
  void loadAttachParts()
  return import('../../features/composer/components/composer')
}
const Composer = lazy(() => loadComposer().then((m) => ({ default: m.Composer })))
const AttachButton = lazy(() => loadAttachParts().then(([m]) => ({ default: m.AttachButton })))
const AttachmentList = lazy(() => loadAttachParts().then(([, m]) => ({ default: m.AttachmentList })))

interface Props {
  outbox: OutboxState
  store: OutboxStore
  chatId: number | null
  bot: Viewer['bot']
  /** im.dialog.get says the viewer may add people: "Send as" is offered even before the bot is in the chat. */
  botMayJoin?: boolean
  /** The message replied to, when it is loaded. */
  replyMessage: Message | undefined
  authors: ReadonlyMap<number, Author>
  inputRef: RefObject<HTMLTextAreaElement | null>
  send(text: string, replyToId: number | null, asBot: boolean): void
  /** A posted message being edited, and Up in the empty box editing the last one. */
  edit: EditSession | null
  onEditLast(): boolean
  /** Files chosen to send: Send uploads them after the text, if any. */
  attachments: { items: readonly Attachment[]; queue: AttachmentQueue }
}

/** Writing to the chat: the draft and the reply live in the outbox, so a reload keeps them. */
export function ComposerPanel({ outbox, store, chatId, bot, botMayJoin, replyMessage, authors, inputRef, send, edit, onEditLast, attachments }: Props) {
  const i18n = useI18n()
  const { t } = i18n
  const replyTo = replyMessage && {
    name: replyMessage.isSystem ? t('feed.system') : (authors.get(replyMessage.authorId)?.name ?? t('feed.unknownAuthor')),
    excerpt: plainText(replyMessage.text, 80, { ...i18n, userName: (id) => authors.get(id)?.name }),
  }
  return (
    // Until the composer's code is here, the early box takes typing (and hands it over).
    <Suspense fallback={<EarlyComposer />}>
      <Composer
        draft={outbox.draft}
        mentions={outbox.mentions ?? []}
        onDraft={(draft, mentions) => store.update((s) => ({ ...s, draft, mentions: draft === '' ? [] : (mentions ?? s.mentions) }))}
        replyTo={replyTo ?? null}
        onCancelReply={() => store.update((s) => ({ ...s, replyToId: null }))}
        onSend={(text, asBot) => send(text, replyMessage?.id ?? null, asBot)}
        bot={outbox.botRefused ? null : bot}
        botMayJoin={botMayJoin}
        chatId={chatId}
        inputRef={inputRef}
        edit={edit}
        onEditLast={onEditLast}
        // A file goes to a chat: a task without one yet gets its chat from a first text message.
        attach={
          chatId !== null && (
            <Suspense fallback={null}>
              <AttachButton onFiles={(files) => attachments.queue.add(files)} />
            </Suspense>
          )
        }
        attachments={
          <Suspense fallback={null}>
            <AttachmentList
              items={attachments.items}
              // The list item and its button go: the reader goes back to the message box, not to the page's start.
              onRemove={(id) => {
                attachments.queue.remove(id)
                inputRef.current?.focus()
              }}
              onCancel={(id) => {
                attachments.queue.cancel(id)
                inputRef.current?.focus()
              }}
              onRetry={(id) => attachments.queue.retry(id)}
            />
          </Suspense>
        }
        hasAttachments={attachments.items.some((item) => item.status === 'ready')}
        onPasteFiles={chatId === null ? undefined : (files) => attachments.queue.add(files)}
      />
    </Suspense>
  )
}
