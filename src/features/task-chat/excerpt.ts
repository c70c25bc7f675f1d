const LENGTH = 80

/** A message's opening words as plain text, for the reply banner. */
export function excerpt(text: string): string {
  const flat = text.replace(/\[\/?[^\]]*\]/g, '').replace(/\s+/g, ' ').trim()
  return flat.length > LENGTH ? `${flat.slice(0, LENGTH)}…` : flat
}
