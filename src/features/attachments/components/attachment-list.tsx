import { useI18n } from '../../../i18n/i18n'
import type { MessageKey } from '../../../i18n/en'
import type { Attachment } from '../api/attachment-queue'
import { formatBytes } from '../../../i18n/formatters'
import { MAX_FILE_BYTES } from '../api/limits'
import './attachment-list.css'

/** Why an upload failed, by the portal's code first (file-upload.md's list), then by PortalError kind. */
const BY_CODE: Record<string, MessageKey> = {
  FILE_TOO_LARGE: 'attach.error.tooLarge',
  CHAT_NOT_FOUND: 'attach.error.noChat',
  ACCESS_DENIED: 'attach.error.access',
}
const BY_KIND: Record<string, MessageKey> = {
  network: 'attach.error.noAnswer',
  unavailable: 'attach.error.serverError',
  unknown: 'attach.error.serverError',
  access: 'attach.error.access',
  'not-found': 'attach.error.noChat',
  auth: 'error.auth',
  scope: 'error.scope',
  'rate-limit': 'error.rateLimit',
  // An older portal without im.v2.File.upload (ERROR_METHOD_NOT_FOUND).
  'method-missing': 'attach.error.methodMissing',
}

function Reason({ item }: { item: Attachment }) {
  const { t, locale } = useI18n()
  const name = item.file.name
  let text: string
  if (item.refusal === 'too-large') text = t('attach.refused.tooLarge', { name, limit: formatBytes(MAX_FILE_BYTES, locale) })
  else if (item.refusal === 'empty') text = t('attach.refused.empty', { name })
  else text = t(BY_CODE[item.error?.code ?? ''] ?? BY_KIND[item.error?.kind ?? ''] ?? 'attach.error.invalid', { name })
  return (
    <p className="attachment__reason" role="alert">
      {text}
    </p>
  )
}

interface Props {
  items: readonly Attachment[]
  onRemove(id: string): void
  onCancel(id: string): void
  onRetry(id: string): void
}

/** The files chosen for sending, above the message box: name, size, and how each upload goes. */
export function AttachmentList({ items, onRemove, onCancel, onRetry }: Props) {
  const { t, locale } = useI18n()
  if (items.length === 0) return null
  return (
    <ul className="attachments" aria-label={t('attach.list')}>
      {items.map((item) => {
        const name = item.file.name
        // Every byte sent: the portal has the file and is making its message. Cancel could no longer
        // stop that, so it is not offered; the full bar says so in words until the answer comes.
        const finishing = item.status === 'uploading' && item.progress >= 1
        const busy = (item.status === 'uploading' || item.status === 'queued') && !finishing
        return (
          <li key={item.id} className={`attachment attachment--${item.status}`} aria-label={name}>
            <div className="attachment__row">
              <span className="attachment__name">{name}</span>
              <span className="attachment__size">{formatBytes(item.file.size, locale)}</span>
              {item.status === 'uploading' && (
                <progress className="attachment__progress" aria-label={t('attach.uploading', { name })} max={100} value={Math.round(item.progress * 100)} />
              )}
              {finishing && <span className="attachment__state">{t('attach.finishing')}</span>}
              {item.status === 'queued' && <span className="attachment__state">{t('attach.waiting')}</span>}
              {item.status === 'failed' && (
                <button type="button" onClick={() => onRetry(item.id)}>
                  {t('attach.retry')}
                </button>
              )}
              {finishing ? null : busy ? (
                <button type="button" className="attachment__x" aria-label={t('attach.cancel', { name })} onClick={() => onCancel(item.id)}>
                  ×
                </button>
              ) : (
                <button type="button" className="attachment__x" aria-label={t('attach.remove', { name })} onClick={() => onRemove(item.id)}>
                  ×
                </button>
              )}
            </div>
            {(item.status === 'failed' || item.status === 'refused') && <Reason item={item} />}
          </li>
        )
      })}
    </ul>
  )
}
