import { useEffect } from 'react'
import { useI18n } from '../../../i18n/i18n'
import './result-undo.css'

/** How long "Undo" stays after making or removing a result. */
const UNDO_MS = 8_000

/** Right after a result is made or removed: says so, and offers a short-lived Undo. */
export function ResultUndo({ removed = false, onUndo, onExpire }: { removed?: boolean; onUndo(): void; onExpire(): void }) {
  const { t } = useI18n()
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_MS)
    return () => clearTimeout(timer)
  }, [onExpire])
  return (
    <div className="result-undo" role="status">
      <span>{t(removed ? 'result.removed' : 'result.made')}</span>
      <button type="button" onClick={onUndo}>
        {t('result.undo')}
      </button>
    </div>
  )
}
