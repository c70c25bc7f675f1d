import { lazy, Suspense, type RefObject } from 'react'
import { plainText } from '../../chat/bbcode/plain-text'
import type { Author, Message, Viewer } from '../../chat/types'
import type { OutboxState, OutboxStore } from '../../features/composer/api/outbox-store'
import type { EditSession } from '../../features/composer/components/composer'
import { useI18n } from '../../i18n/i18n'

// Not needed for the first paint of the feed: loaded while the opening request is on its way.
export const loadComposer = () => import('../../features/composer/components/composer')
const Composer = lazy(() => loadComposer().then((m) => ({ default: m.Composer })))

interface Props {
  outbox: OutboxState
  store: OutboxStore
  chatId: number | null
  bot: Viewer['bot']
  /** The message replied to, when it is loaded. */
  replyMessage: Message | undefined
  authors: ReadonlyMap<number, Author>
  inputRef: RefObject<HTMLTextAreaElement | null>
  send(text: string, replyToId: number | null, asBot: boolean): void
  /** A posted message being edited, and Up in the empty box editing the last one (#12). */
  edit: EditSession | null
  onEditLast(): boolean
}

/** Writing to the chat: the draft and the reply live in the outbox, so a reload keeps them. */
export function ComposerPanel({ outbox, store, chatId, bot, replyMessage, authors, inputRef, send, edit, onEditLast }: Props) {
  const { t } = useI18n()
  const replyTo = replyMessage && {
    name: replyMessage.isSystem ? t('feed.system') : (authors.get(replyMessage.authorId)?.name ?? t('feed.unknownAuthor')),
    excerpt: plainText(replyMessage.text, 80),
  }
  return (
    <Suspense fallback={<div className="composer composer--loading" />}>
      <Composer
        draft={outbox.draft}
        mentions={outbox.mentions ?? []}
        onDraft={(draft, mentions) => store.update((s) => ({ ...s, draft, mentions: draft === '' ? [] : (mentions ?? s.mentions) }))}
        replyTo={replyTo ?? null}
        onCancelReply={() => store.update((s) => ({ ...s, replyToId: null }))}
        onSend={(text, asBot) => send(text, replyMessage?.id ?? null, asBot)}
        bot={outbox.botRefused ? null : bot}
        chatId={chatId}
        inputRef={inputRef}
        edit={edit}
        onEditLast={onEditLast}
      />
    </Suspense>
  )
}
