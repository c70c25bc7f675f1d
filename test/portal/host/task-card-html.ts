import type { PortalUser } from '../portal'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** JSON inside <script> must not be able to close the tag. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

interface Card {
  heading: string
  user: PortalUser | undefined
  /** The page came back from installFinish (install_finished=Y). */
  installed: boolean
  config: unknown
}

/** A stand-in for a Bitrix24 page (task card, install page, messenger): a header and the frame with the app. */
export function renderTaskCard({ heading, user, installed, config }: Card): string {
  const title = heading
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · Local Bitrix24</title>
<style>
  body { margin: 0; font: 14px/1.4 -apple-system, 'Segoe UI', Arial, sans-serif; background: #eef2f4; color: #333; }
  .top { background: #2fc6f6; color: #fff; padding: 10px 20px; font-weight: 600; display: flex; justify-content: space-between; }
  .card { max-width: 960px; margin: 20px auto; background: #fff; border-radius: 12px; padding: 20px 24px; }
  .card h1 { font-size: 22px; margin: 0 0 12px; }
  .meta { color: #828b95; margin-bottom: 16px; }
  .apps h2 { font-size: 15px; margin: 0 0 8px; }
  iframe { width: 100%; height: 640px; border: 1px solid #e6e9ec; border-radius: 8px; display: block; }
</style>
</head>
<body>
<div class="top"><span>Local Bitrix24 · Tasks</span><span>${escapeHtml(user?.name ?? `User #?`)}</span></div>
<main class="card">
  <h1>${escapeHtml(title)}</h1>
  ${installed ? '<div class="meta" role="status">The application has been installed.</div>' : ''}
  <section class="apps"><h2>Applications · Task chat</h2><div id="app-slot"></div></section>
</main>
<script type="application/json" id="host-config">${scriptJson(config)}</script>
<script src="/__host/host.js"></script>
</body>
</html>`
}
