import { useI18n } from '../../../i18n/i18n'
import type { ChatFile } from '../types'
import { safeHref } from '../bbcode/safe-url'

function formatSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** The files attached to a message, as named chips that download on click. */
export function FileChips({ ids, files }: { ids: number[]; files: Map<number, ChatFile> }) {
  const { t, locale } = useI18n()
  if (ids.length === 0) return null
  return (
    <ul className="message__files" aria-label={t('feed.files')}>
      {ids.map((id) => {
        const file = files.get(id)
        const name = file?.name ?? t('feed.fileUnavailable')
        const href = file?.url ? safeHref(file.url) : null
        const label = (
          <>
            <span className="file-chip__icon" aria-hidden="true">{file?.kind === 'image' ? '🖼' : '📄'}</span>
            <span className="file-chip__name">{name}</span>
            {file && file.size > 0 && <span className="file-chip__size">{formatSize(file.size, locale)}</span>}
          </>
        )
        return (
          <li key={id} className="file-chip">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer" download={name}>
                {label}
              </a>
            ) : (
              label
            )}
          </li>
        )
      })}
    </ul>
  )
}
