import { useI18n } from '../../../i18n/i18n'
import { ToolbarSwitch } from './toolbar-switch'

/** The system-message filter, as a switch. */
export function SystemToggle({ checked, onChange }: { checked: boolean; onChange(next: boolean): void }) {
  const { t } = useI18n()
  return <ToolbarSwitch label={t('feed.showSystem')} checked={checked} onChange={onChange} />
}
