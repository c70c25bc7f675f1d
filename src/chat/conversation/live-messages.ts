import type { Author, ChatFile, HistoryPage, Message } from '../types'

/** Everything polling has found since the opening page, oldest first. */
export interface LiveMessages {
  messages: Message[]
  authors: Author[]
  files: ChatFile[]
  /** Whether the last poll brought anything: polling speeds up while a conversation is going. */
  lastPollFound: boolean
}

export function mergeLive(before: LiveMessages | undefined, page: HistoryPage): LiveMessages {
  const known = new Set(before?.messages.map((m) => m.id))
  const fresh = page.messages.filter((m) => !known.has(m.id))
  return {
    messages: [...(before?.messages ?? []), ...fresh].sort((a, b) => a.id - b.id),
    authors: [...(before?.authors ?? []), ...page.authors],
    files: [...(before?.files ?? []), ...page.files],
    lastPollFound: fresh.length > 0,
  }
}
