import * as v from 'valibot'
import type { PortalClient } from '../b24/portal-client'
import { PortalError } from '../b24/portal-error'
import { safeHref } from './bbcode/safe-url'

/** `{downloadUrl}` (chat-bots-v2/im.v2/files/file-download.md). */
const WireDownload = v.looseObject({ downloadUrl: v.string() })

/**
 * A link to one of the chat's files that works with the app's token alone, where the portal's own
 * file pages need its login cookie, which a browser does not send from a frame of another site.
 * im.v2.File.download (REST v2): `{dialogId: "chat<id>", fileId}` → `{downloadUrl}`.
 */
export async function getFileLink(client: PortalClient, chatId: number, fileId: number): Promise<string> {
  const raw = await client.callV2('im.v2.File.download', { dialogId: `chat${chatId}`, fileId })
  const parsed = v.safeParse(WireDownload, raw)
  const href = parsed.success ? safeHref(parsed.output.downloadUrl, client.origin) : null
  if (!href || href.startsWith('mailto:')) throw new PortalError('unknown', 'NO_DOWNLOAD_URL', 'The portal sent no download link')
  return href
}
