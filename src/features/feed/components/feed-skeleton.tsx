import { useI18n } from '../../../i18n/i18n'
import './feed.css'

/** The skeleton's rows, oldest first: a name line and a text line of varied widths, like messages. */
const SKELETON_ROWS = [
  [28, 72],
  [20, 48],
  [32, 88],
  [24, 60],
  [22, 40],
] as const

/**
 * A feed that is still loading its first page: placeholders shaped like messages, standing on the
 * frame's bottom edge as the feed's newest messages do, so nothing moves the other way when they come.
 */
export function FeedSkeleton() {
  const { t } = useI18n()
  return (
    <div className="feed-frame">
      <div role="feed" aria-label={t('feed.label')} aria-busy="true" className="feed feed--skeleton">
        <span className="visually-hidden">{t('feed.loading')}</span>
        {SKELETON_ROWS.map(([name, text], i) => (
          <div key={i} className="skeleton-row" aria-hidden="true">
            <span className="skeleton-avatar" />
            <span className="skeleton-lines">
              <span className="skeleton-line skeleton-line--name" style={{ width: `${name}%` }} />
              <span className="skeleton-line" style={{ width: `${text}%` }} />
            </span>
          </div>
        ))}
      </div>
    </div>
  )
}
