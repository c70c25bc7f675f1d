import { formatBytes } from '../../../i18n/formatters'
import { useI18n } from '../../../i18n/i18n'
import type { ChatFile } from '../../../chat/types'
import { safeHref } from '../../../chat/bbcode/safe-url'
import { useOpenFile } from './use-open-file'

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

/**
 * One file as a named chip. Its link is the portal's file page, but a click opens it through
 * im.v2.File.download (use-open-file.ts), which needs no portal cookie; when that fails the chip
 * says so, with Retry.
 */
function FileChip({ file, href, chatId }: { file: ChatFile; href: string; chatId: number }) {
  const { t, locale } = useI18n()
  const { open, failed } = useOpenFile(chatId, file.id)
  return (
    <li className="file-chip">
      <a href={href} target="_blank" rel="noopener noreferrer" download={file.name} onClick={open}>
        <FileIcon image={file.kind === 'image'} />
        <span className="file-chip__name">{file.name}</span>
        {file.size > 0 && <span className="file-chip__size">{formatBytes(file.size, locale)}</span>}
      </a>
      {failed && (
        <span role="status" className="file-chip__failed">
          {t('feed.fileUnavailable')}{' '}
          <button type="button" onClick={() => open()}>
            {t('feed.fileRetry')}
          </button>
        </span>
      )}
    </li>
  )
}

/** The files attached to a message, as named chips that download on click. */
export function FileChips({ ids, files, chatId }: { ids: number[]; files: ReadonlyMap<number, ChatFile>; chatId: number }) {
  const { t } = useI18n()
  if (ids.length === 0) return null
  return (
    <ul className="message__files" aria-label={t('feed.files')}>
      {ids.map((id) => {
        const file = files.get(id)
        const href = file?.url ? safeHref(file.url) : null
        if (file && href) return <FileChip key={id} file={file} href={href} chatId={chatId} />
        return (
          <li key={id} className="file-chip">
            <FileIcon image={file?.kind === 'image'} />
            <span className="file-chip__name">{file?.name ?? t('feed.fileUnavailable')}</span>
          </li>
        )
      })}
    </ul>
  )
}
