/**
 * The codes Bitrix24's messenger reads beyond plain BB-code, as its text parser treats them
 * (im/install/js/im/v2/lib/parser/src/functions/*.js, and Im\Text::removeBbCodes for plain text).
 * Pure helpers shared by the renderer (render-codes.tsx) and the plain-text excerpt (plain-text.ts).
 */

/** `[ICON=url title=Thumbs up size=20]`: the title, without the size/width/height written after it. */
export function iconTitle(value: string): string {
  const title = /\btitle=(.*[^\s\]])/i.exec(value)?.[1]
  if (!title) return ''
  return title.replace(/\s*\b(?:width|height|size)=.*$/i, '').trim()
}

/** `chat12/345` (a `[CONTEXT=...]` value or a quote header's `#chat12/345`): the chat and message it names. */
export function messageRef(value: string): { chatId: number; messageId: number } | null {
  const match = /^chat(\d+)\/(\d+)$/i.exec(value.trim())
  return match ? { chatId: Number(match[1]), messageId: Number(match[2]) } : null
}

/** `[RATING=1..5]` as the messenger accepts it; anything else is not a rating. */
export function ratingValue(value: string): number | null {
  return /^[1-5]$/.test(value.trim()) ? Number(value.trim()) : null
}

/**
 * Slash commands the messenger styles (`/me waves` in italics, `/loud HELLO` larger): rewritten
 * into the BB-code they stand for, so every reader of the text shows them alike.
 */
export function slashCommand(text: string): string {
  if (/^\/me\s/.test(text)) return `[i]${text.slice(4)}[/i]`
  if (/^\/loud\s/.test(text)) return `[size=20]${text.slice(6)}[/size]`
  return text
}
