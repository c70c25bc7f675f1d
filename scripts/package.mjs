// `npm run package`: the built app (dist/) as a ZIP a portal admin uploads as a static local
// application. The archive root holds index.html (the handler), install.html (the first-run
// wizard Bitrix24 opens by itself) and context-menu.html, with every asset path relative.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'

async function files(dir) {
  const out = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await files(path)))
    else out.push(path)
  }
  return out
}

/** @param {string} distDir @returns {Promise<Uint8Array>} */
export async function zipApp(distDir) {
  const root = resolve(distDir)
  const entries = {}
  for (const file of await files(root)) entries[relative(root, file).split('\\').join('/')] = new Uint8Array(await readFile(file))
  for (const page of ['index.html', 'install.html']) {
    if (!entries[page]) throw new Error(`${page} is missing from ${distDir}: build first (npm run build)`)
  }
  return zipSync(entries, { level: 9 })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const zip = await zipApp('dist')
  await mkdir('release', { recursive: true })
  await writeFile('release/task-chat.zip', zip)
  console.log(`release/task-chat.zip: ${zip.length} bytes. Upload it in Bitrix24 > Applications > Developer resources > Local application (static).`)
}
