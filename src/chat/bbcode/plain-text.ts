/**
 * A message's words without its BB-code tags, whitespace folded, cut to `max` characters with an
 * ellipsis: for reply quotes, the reply banner, spoken announcements and comparing texts.
 */
export function plainText(text: string, max = Infinity): string {
  const flat = text
    .replace(/\[\/?[^\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
