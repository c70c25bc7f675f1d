import { safeHref } from '../../../chat/bbcode/safe-url'
import type { ChatFile } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { FileChips } from './file-chips'

/** The largest a preview is drawn; an image keeps its proportions inside it. */
const BOX = { width: 280, height: 200 }
/** The box for an image whose size the portal did not give. */
const UNKNOWN = { width: 200, height: 150 }

/** The preview's size, known before the image loads, so the feed keeps its place while it does. */
export function previewSize(file: Pick<ChatFile, 'width' | 'height'>): { width: number; height: number } {
  if (!file.width || !file.height) return UNKNOWN
  const scale = Math.min(1, BOX.width / file.width, BOX.height / file.height)
  return { width: Math.max(1, Math.round(file.width * scale)), height: Math.max(1, Math.round(file.height * scale)) }
}

function ImagePreview({ file }: { file: ChatFile }) {
  const { t } = useI18n()
  const full = safeHref(file.showUrl ?? '')
  const source = safeHref(file.previewUrl ?? file.showUrl ?? '')
  if (!full || !source) return null
  const { width, height } = previewSize(file)
  const known = Boolean(file.width && file.height)
  return (
    <li className="image-preview">
      <a href={full} target="_blank" rel="noopener noreferrer" title={t('feed.openImage', { name: file.name })}>
        <img
          src={source}
          alt={file.name}
          width={width}
          height={height}
          loading="lazy"
          decoding="async"
          className={known ? 'image-preview__img' : 'image-preview__img image-preview__img--boxed'}
        />
      </a>
    </li>
  )
}

/**
 * A message's files: images as previews that open full size in a new tab (sized from the portal's
 * `image` before they load, lazy), everything else as chips.
 */
export function MessageFiles({ ids, files }: { ids: number[]; files: ReadonlyMap<number, ChatFile> }) {
  const { t } = useI18n()
  const isImage = (id: number) => {
    const file = files.get(id)
    return file?.kind === 'image' && Boolean(safeHref(file.showUrl ?? ''))
  }
  const images = ids.filter(isImage)
  const others = ids.filter((id) => !isImage(id))
  return (
    <>
      {images.length > 0 && (
        <ul className="message__images" aria-label={t('feed.images')}>
          {images.map((id) => (
            <ImagePreview key={id} file={files.get(id)!} />
          ))}
        </ul>
      )}
      <FileChips ids={others} files={files} />
    </>
  )
}
