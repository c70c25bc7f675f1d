import type { Plugin } from 'vite'

/**
 * Puts one entry of the build (`entry`, a script with no imports of the app's) into `page` as an
 * async module script ahead of the page's own: the browser runs it as soon as it has come, while
 * the page's libraries are still loading. Vite would otherwise join every module script of a page
 * into the page's one entry, which runs only after all its imports have loaded.
 */
export function earlyScript({ page, entry }: { page: string; entry: string }): Plugin {
  return {
    name: 'early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith(page) || !ctx.bundle) return html
        const chunk = Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === entry)
        if (!chunk) throw new Error(`early-script: no entry named ${entry} in the build`)
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` }, injectTo: 'head-prepend' }]
      },
    },
  }
}
