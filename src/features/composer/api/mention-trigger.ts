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

/** Replaces the `@query` with Bitrix's mention code; answers the new text and caret. */
export function insertMention(text: string, trigger: MentionTrigger, caret: number, user: { id: number; name: string }) {
  const code = `[USER=${user.id}]${user.name}[/USER] `
  const next = text.slice(0, trigger.start) + code + text.slice(caret)
  return { text: next, caret: trigger.start + code.length }
}

export function matchesQuery(name: string, query: string): boolean {
  const q = query.toLocaleLowerCase()
  return q === '' || name.toLocaleLowerCase().split(/\s+/).some((part) => part.startsWith(q)) || name.toLocaleLowerCase().startsWith(q)
}
