import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import './feed.css'

/** A feed that is still loading its first page: placeholders shaped like messages. */
export function FeedSkeleton() {
  const { t } = useI18n()
  return (
    <div className="feed-frame">
      <div role="feed" aria-label={t('feed.label')} aria-busy="true" className="feed feed--skeleton">
        <span className="visually-hidden">{t('feed.loading')}</span>
        {[72, 48, 88, 60, 40].map((width, i) => (
          <div key={i} className="skeleton-row" aria-hidden="true">
            <span className="skeleton-avatar" />
            <span className="skeleton-line" style={{ width: `${width}%` }} />
          </div>
        ))}
      </div>
    </div>
  )
}

/**
 * No messages yet, or no chat yet: a sentence in a region named like the feed. Not a `feed`
 * itself, since a feed must hold articles (axe: aria-required-children); the feed appears with
 * the first message.
 */
export function FeedState({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="feed-frame">
      <section aria-label={t('feed.label')} className="feed feed--empty">
        <p className="feed-note">{children}</p>
      </section>
    </div>
  )
}
