import type { ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import { StateIcon } from './state-icons'
import './feed.css'

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
