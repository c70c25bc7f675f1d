import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react'
import { useI18n } from '../../../i18n/i18n'
import './file-drop-target.css'

const carriesFiles = (event: DragEvent | globalThis.DragEvent) => event.dataTransfer?.types.includes('Files') === true

/**
 * A file dropped anywhere else in the app (the composer, the toolbar) would make the browser open
 * it in place of the app: such a drop attaches it too, or, where nothing can be attached, does nothing.
 */
function useDropsElsewhere(onFiles: (files: File[]) => void, disabled: boolean) {
  useEffect(() => {
    const over = (event: globalThis.DragEvent) => {
      if (carriesFiles(event)) event.preventDefault()
    }
    const drop = (event: globalThis.DragEvent) => {
      // The feed's own drop has been handled (and prevented) by the time it bubbles here.
      if (event.defaultPrevented || !carriesFiles(event)) return
      event.preventDefault()
      if (!disabled) onFiles([...(event.dataTransfer?.files ?? [])])
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [onFiles, disabled])
}

/**
 * Files dropped anywhere on what it wraps (the feed) are attached; while files are dragged over
 * it, it says so. Text or links dragged about are left alone. A drop elsewhere in the app attaches too.
 */
export function FileDropTarget({ onFiles, disabled, children }: { onFiles(files: File[]): void; disabled: boolean; children: ReactNode }) {
  const { t } = useI18n()
  const [over, setOver] = useState(false)
  // dragenter and dragleave fire for every child crossed: count them to know when the pointer left.
  const depth = useRef(0)
  useDropsElsewhere(onFiles, disabled)
  if (disabled) return <>{children}</>
  return (
    <div
      className={over ? 'drop-target drop-target--over' : 'drop-target'}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return
        depth.current++
        setOver(true)
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={(event) => {
        if (!carriesFiles(event)) return
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        depth.current = 0
        setOver(false)
        onFiles([...event.dataTransfer.files])
      }}
    >
      {children}
      {over && (
        <div className="drop-target__hint" aria-hidden="true">
          {t('attach.drop')}
        </div>
      )}
    </div>
  )
}
