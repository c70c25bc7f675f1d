import { formatBytes } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import type { ChatFile } from '../../../chat/types'
import { safeHref } from '../../../chat/bbcode/safe-url'

function FileIcon({ image }: { image: boolean }) {
  return (
    <svg className="file-chip__icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {image ? (
        <path fill="currentColor" d="M2 3h12v10H2zM3 12h10l-3-4-2 2.5L6.5 9z" fillRule="evenodd" />
      ) : (
        <path fill="currentColor" d="M4 1h5l4 4v10H4zM9 1v4h4" fillRule="evenodd" />
      )}
    </svg>
  )
}

/** The files attached to a message, as named chips that download on click. */
export function FileChips({ ids, files }: { ids: number[]; files: ReadonlyMap<number, ChatFile> }) {
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
            <FileIcon image={file?.kind === 'image'} />
            <span className="file-chip__name">{name}</span>
            {file && file.size > 0 && <span className="file-chip__size">{formatBytes(file.size, locale)}</span>}
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
