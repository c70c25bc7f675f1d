import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { useI18n } from '../../../i18n/i18n'
import './confirm-delete.css'

interface Props {
  /** The user emptied the message while editing it (then Cancel goes back to the edit). */
  emptied: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * "Delete this message?": a modal alert dialog. Focus starts on Cancel (the harmless choice), Tab
 * stays inside, Escape or a click beside it cancels; when it closes, focus goes back where it was if
 * that is still there.
 */
export function ConfirmDelete({ emptied, onConfirm, onCancel }: Props) {
  const { t } = useI18n()
  const titleId = useId()
  const bodyId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    cancelRef.current?.focus()
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
      return
    }
    if (event.key !== 'Tab') return
    const buttons = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLElement)
    const next = buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]
    event.preventDefault()
    next?.focus()
  }

  return (
    // A click beside the dialog is a No, as Escape is.
    <div className="confirm-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={dialogRef}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="confirm-dialog__title">
          {t('change.confirm.title')}
        </h2>
        <p id={bodyId}>{t(emptied ? 'change.confirm.emptied' : 'change.confirm.body')}</p>
        <div className="confirm-dialog__buttons">
          <button ref={cancelRef} type="button" onClick={onCancel}>
            {t('change.confirm.cancel')}
          </button>
          <button type="button" className="confirm-dialog__delete" onClick={onConfirm}>
            {t('change.confirm.delete')}
          </button>
        </div>
      </div>
    </div>
  )
}
