import { useRef } from 'react'
import { useI18n } from '../../../i18n/i18n'
import './attach-button.css'

/** "Attach file" by the composer: opens the system's file picker (several files at once). */
export function AttachButton({ onFiles }: { onFiles(files: File[]): void }) {
  const { t } = useI18n()
  const inputRef = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className="composer__attach" aria-label={t('attach.button')} title={t('attach.button')} onClick={() => inputRef.current?.click()}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            d="M20 11.5l-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"
          />
        </svg>
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])])
          // The same file can be chosen again after it was removed.
          event.target.value = ''
        }}
      />
    </>
  )
}
