import { useMemo, type ReactNode } from 'react'
import type { Author, ChatFile, Message } from '../types'
import { MessageItem } from './message-item'

interface Props {
  label: string
  busy: boolean
  messages: Message[]
  authors: Author[]
  files: ChatFile[]
  children?: ReactNode
}

/** The WAI-ARIA feed of messages, oldest at the top, newest next to the composer. */
export function MessageFeed({ label, busy, messages, authors, files, children }: Props) {
  const authorById = useMemo(() => new Map(authors.map((a) => [a.id, a])), [authors])
  const fileById = useMemo(() => new Map(files.map((f) => [f.id, f])), [files])
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
        />
      ))}
    </section>
  )
}
