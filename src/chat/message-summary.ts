import type { Message } from './types'

/**
 * The BB-code that says what a message is about, for quotes and announcements: its text, else the
 * first text of its ATTACH (the tasks module's result notices carry theirs only there).
 */
export function summaryText(message: Message): string {
  if (message.text.trim()) return message.text
  for (const attach of message.attach ?? []) {
    const first = attach.blocks.find((b) => b.kind === 'message')
    if (first?.kind === 'message') return first.text
    if (attach.description) return attach.description
  }
  return ''
}
