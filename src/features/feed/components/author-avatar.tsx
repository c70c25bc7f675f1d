import type { Author } from '../types'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts
  return letters.map((p) => p[0]!.toUpperCase()).join('') || '?'
}

/** The author's photo, or their initials on their colour when they have none. Decorative: the name is next to it. */
export function AuthorAvatar({ author }: { author: Author | undefined }) {
  if (author?.avatarUrl) {
    return <img className="avatar" src={author.avatarUrl} alt="" width={32} height={32} loading="lazy" />
  }
  return (
    <span className="avatar avatar--initials" aria-hidden="true" style={{ backgroundColor: author?.color ?? '#8a94a6' }}>
      {initials(author?.name ?? '?')}
    </span>
  )
}
