import type { DraftMention } from './outbox-store'

/** An `@word` being typed right before the caret: where it starts and what has been typed. */
export interface MentionTrigger {
  start: number
  query: string
}

/** `@` at the start or after whitespace, then up to 30 non-space characters, ending at the caret. */
export function findMentionTrigger(text: string, caret: number): MentionTrigger | null {
  const before = text.slice(0, caret)
  const match = /(^|\s)@([^\s@[\]]{0,30})$/.exec(before)
  if (!match) return null
  return { start: caret - match[2]!.length - 1, query: match[2]! }
}

/**
 * Replaces the `@query` with `@Full Name`, as people read it; the mention code goes in only when
 * the message is sent (withMentionCodes). One space follows, unless the text after the caret
 * already starts with a space or punctuation. `autoSpace`: a space was added, so a space typed
 * right after it is swallowed (no double space).
 */
export function insertMention(text: string, trigger: MentionTrigger, caret: number, user: DraftMention) {
  const rest = text.slice(caret)
  const shown = `@${user.name}`
  const space = /^[\s,.;:!?)]/.test(rest) ? '' : ' '
  const next = text.slice(0, trigger.start) + shown + space + rest
  const after = trigger.start + shown.length + (space !== '' || /^\s/.test(rest) ? 1 : 0)
  return { text: next, caret: after, autoSpace: space !== '' }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The text to send: each `@Full Name` the user chose from the picker becomes `[USER=id]Full Name[/USER]`. */
export function withMentionCodes(text: string, mentions: readonly DraftMention[]): string {
  if (mentions.length === 0) return text
  const idByName = new Map<string, number>()
  for (const m of mentions) if (!idByName.has(m.name)) idByName.set(m.name, m.id)
  // Longest names first, so "@Ann Lee" is not taken for "@Ann"; one pass, so nothing is replaced twice.
  const names = [...idByName.keys()].sort((a, b) => b.length - a.length).map(escape)
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])@(${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu')
  return text.replace(pattern, (_all, lead: string, name: string) => `${lead}[USER=${idByName.get(name)}]${name}[/USER]`)
}

export function matchesQuery(name: string, query: string): boolean {
  const q = query.toLocaleLowerCase()
  return (
    q === '' ||
    name
      .toLocaleLowerCase()
      .split(/\s+/)
      .some((part) => part.startsWith(q)) ||
    name.toLocaleLowerCase().startsWith(q)
  )
}
