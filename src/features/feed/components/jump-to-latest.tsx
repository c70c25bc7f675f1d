import { useId } from 'react'
import { useI18n } from '../../../i18n/i18n'

/** Shown while the reader is away from the newest messages; counts what arrived meanwhile. */
export function JumpToLatest({ count, onJump }: { count: number; onJump(): void }) {
  const { t } = useI18n()
  const countId = useId()
  return (
    <button type="button" className="jump-to-latest" onClick={onJump} aria-label={t('feed.jumpToLatest')} aria-describedby={count > 0 ? countId : undefined}>
      <span aria-hidden="true">↓</span>
      {count > 0 && (
        <span id={countId} className="jump-to-latest__count">
          {t('feed.newCount', { count })}
        </span>
      )}
    </button>
  )
}
