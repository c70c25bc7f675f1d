const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

/**
 * The href a message link may carry, or null. Only http, https and mailto survive; anything else
 * (javascript:, data:, vbscript:, file:, protocol-relative tricks) is shown as text instead.
 * Control characters and whitespace inside a scheme are a classic filter evasion, so they are
 * stripped before parsing, exactly as browsers do.
 */
export function safeHref(raw: string, base?: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.trim().replace(/[\u0000-\u001f\u007f]/g, '')
  if (!cleaned) return null
  let url: URL
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned)
  } catch {
    return null
  }
  return ALLOWED.has(url.protocol) ? url.href : null
}

/** `#abc` / `#aabbcc` only: colour must never become a way to inject CSS. */
export function safeColor(raw: string): string | null {
  const value = raw.trim()
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : null
}

/** Bitrix allows [size=8..30]; in a narrow task card anything past 24px hurts, so clamp there. */
export function safeFontSize(raw: string): number | null {
  const n = Number.parseInt(raw, 10)
  if (!Number.isFinite(n)) return null
  return Math.min(24, Math.max(8, n))
}
