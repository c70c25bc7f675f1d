import { useMemo, type ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import type { RenderContext } from '../bbcode/render-bbcode'
import type { Author, ChatFile, Message } from '../types'
import { MessageItem } from './message-item'

interface Props {
  label: string
  busy: boolean
  messages: Message[]
  authors: Author[]
  files: ChatFile[]
  /** Base for relative links inside messages. */
  portalOrigin?: string
  children?: ReactNode
}

/** The WAI-ARIA feed of messages, oldest at the top, newest next to the composer. */
export function MessageFeed({ label, busy, messages, authors, files, portalOrigin, children }: Props) {
  const { t } = useI18n()
  const authorById = useMemo(() => new Map(authors.map((a) => [a.id, a])), [authors])
  const fileById = useMemo(() => new Map(files.map((f) => [f.id, f])), [files])
  const textContext = useMemo<RenderContext>(
    () => ({ userName: (id) => authorById.get(id)?.name, baseUrl: portalOrigin, allLabel: t('feed.mentionAll') }),
    [authorById, portalOrigin, t],
  )
  return (
    <section className="feed" role="feed" aria-label={label} aria-busy={busy}>
      {children}
      {messages.map((message, index) => (
        <MessageItem
          key={message.id}
          message={message}
          author={authorById.get(message.authorId)}
          files={message.fileIds.flatMap((id) => fileById.get(id) ?? [])}
          position={index + 1}
          total={messages.length}
          textContext={textContext}
        />
      ))}
    </section>
  )
}
