import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { StateIcon } from './state-icons'
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

interface StateProps {
  /** The picture above the title; none for a plain note. */
  icon?: StateIcon
  title?: string
  /** What to say under the title. */
  children: ReactNode
  /** The way forward: a button or a link. */
  action?: ReactNode
}

/**
 * No messages yet, or no chat yet: a picture, a title, a sentence and a way forward, in the
 * frame's middle, in a region named like the feed. Not a `feed` itself, since a feed must hold
 * articles (axe: aria-required-children); the feed appears with the first message.
 */
export function FeedState({ icon, title, children, action }: StateProps) {
  const { t } = useI18n()
  return (
    <div className="feed-frame">
      <section aria-label={t('feed.label')} className="feed feed--empty feed-state">
        {icon && <StateIcon name={icon} />}
        {title && <h2 className="feed-state__title">{title}</h2>}
        <p className="feed-note">{children}</p>
        {action}
      </section>
    </div>
  )
}
