import { useI18n } from '../../../i18n/i18n'

/** The system-message filter, as a switch. */
export function SystemToggle({ checked, onChange }: { checked: boolean; onChange(next: boolean): void }) {
  const { t } = useI18n()
  return (
    <label className="system-toggle">
      <input type="checkbox" role="switch" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{t('feed.showSystem')}</span>
    </label>
  )
}
