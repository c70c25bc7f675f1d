import type { Author } from '../../../chat/types'
import './author-avatar.css'

const FALLBACK_COLOR = '#a8adb4' // Air's --ui-color-base-4

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts
  return letters.map((p) => p[0]!.toUpperCase()).join('') || '?'
}

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return null
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * White initials where they reach WCAG AA (4.5:1) on the user's colour, black otherwise: the
 * portal's palette has yellows and ochres (#e3a400) on which white is 2.2:1. If white fails,
 * black always passes (the two ratios multiply to 21).
 */
function initialsColor(background: string): string {
  const l = luminance(background)
  if (l === null) return '#fff'
  return 1.05 / (l + 0.05) >= 4.5 ? '#fff' : '#000'
}

/** The author's photo, or their initials on their colour when they have none. Decorative: the name is next to it. */
export function AuthorAvatar({ author }: { author: Author | undefined }) {
  if (author?.avatarUrl) {
    return <img className="avatar" src={author.avatarUrl} alt="" width={32} height={32} loading="lazy" />
  }
  const background = author?.color ?? FALLBACK_COLOR
  return (
    <span className="avatar avatar--initials" aria-hidden="true" style={{ backgroundColor: background, color: initialsColor(background) }}>
      {initials(author?.name ?? '?')}
    </span>
  )
}
