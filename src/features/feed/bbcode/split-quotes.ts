/** A stretch of message text: ordinary text, or a quote written with Bitrix's line syntax. */
export type TextBlock = { kind: 'text'; text: string } | { kind: 'quote'; text: string }

const DASH_LINE = /^-{20,}$/ // the block quote sits between lines of 54 dashes; be lenient

/**
 * Bitrix quotes are line syntax, not BB tags: `>>` at the start of a line quotes that line, and a
 * block between two lines of dashes is a quoted message. They are split off before BB parsing.
 */
export function splitQuotes(text: string): TextBlock[] {
  const lines = text.split('\n')
  const blocks: TextBlock[] = []
  const push = (kind: TextBlock['kind'], line: string) => {
    const last = blocks[blocks.length - 1]
    if (last && last.kind === kind) last.text += `\n${line}`
    else blocks.push({ kind, text: line })
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (DASH_LINE.test(line.trim())) {
      const close = lines.findIndex((l, j) => j > i && DASH_LINE.test(l.trim()))
      if (close > i) {
        blocks.push({ kind: 'quote', text: lines.slice(i + 1, close).join('\n') })
        i = close
        continue
      }
    }
    if (line.startsWith('>>')) push('quote', line.slice(2).trimStart())
    else push('text', line)
  }
  return blocks
}
