import { useI18n } from '../../../i18n/i18n'

/** Above this the button says "99+", as the messenger's counters do. */
const COUNT_CAP = 99

/**
 * Shown while the reader is away from the newest messages; counts what arrived meanwhile and what
 * is still unread below. Its name holds the count it shows (WCAG 2.5.3: the visible label is in
 * the accessible name), so a screen reader and a voice user hear and say what a sighted user reads.
 */
export function JumpToLatest({ count, onJump }: { count: number; onJump(): void }) {
  const { t } = useI18n()
  const shown = count > COUNT_CAP ? t('feed.newCountCapped') : t('feed.newCount', { count })
  const name = count > 0 ? t('feed.jumpToLatestCount', { count: shown }) : t('feed.jumpToLatest')
  return (
    <button type="button" className="jump-to-latest" onClick={onJump} aria-label={name}>
      <span aria-hidden="true">↓</span>
      {count > 0 && (
        <span className="jump-to-latest__count" aria-hidden="true">
          {shown}
        </span>
      )}
    </button>
  )
}
