import { safeHref } from '../../../chat/bbcode/safe-url'
import type { ChatFile } from '../../../chat/types'
import { useI18n } from '../../../i18n/i18n'
import { FileChips } from './file-chips'
import { ImagePreview } from './image-preview'
import './message-files.css'

/**
 * A message's files: images as previews that open full size in a new tab (sized from the portal's
 * `image` before they load, lazy), everything else as chips.
 */
export function MessageFiles({ ids, files, chatId }: { ids: number[]; files: ReadonlyMap<number, ChatFile>; chatId: number }) {
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
            <ImagePreview key={id} file={files.get(id)!} chatId={chatId} />
          ))}
        </ul>
      )}
      <FileChips ids={others} files={files} chatId={chatId} />
    </>
  )
}
