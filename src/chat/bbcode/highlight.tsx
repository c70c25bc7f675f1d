import type { ReactNode } from 'react'

const SPECIAL = /[.*+?^${}()|[\]\\]/g

/** A case-insensitive matcher for `term` taken literally, or null when there is nothing to find. */
export function termPattern(term: string | undefined): RegExp | null {
  const trimmed = term?.trim()
  return trimmed ? new RegExp(trimmed.replace(SPECIAL, '\\$&'), 'giu') : null
}

/**
 * A run of plain text with every match of `pattern` in a <mark>: React elements only, so the text
 * stays text whatever it holds. Matching runs on the original string (no lower-casing first), so
 * the indices are the text's own even where case folding would change a string's length.
 */
export function highlightText(text: string, pattern: RegExp | null, key: string): ReactNode {
  if (!pattern || text === '') return text
  const out: ReactNode[] = []
  let from = 0
  for (const match of text.matchAll(pattern)) {
    const at = match.index
    if (at > from) out.push(text.slice(from, at))
    out.push(<mark key={`${key}-m${at}`}>{match[0]}</mark>)
    from = at + match[0].length
  }
  if (out.length === 0) return text
  if (from < text.length) out.push(text.slice(from))
  return out
}
