/**
 * The page's first Intl formatter costs 25 to 50 ms of main thread on these machines (the engine
 * loads the language's data then), the next ones well under one. A worker pays that cost on the
 * other core: what it loads is kept for the whole renderer process, so the first frame's dates and
 * times then cost next to nothing on this thread. A worker starts only when this thread is free for
 * a moment, so this runs before the page's own script: an entry of its own that the build puts
 * ahead of it as an async script (build/early-script.ts). It imports nothing, so it runs as soon as
 * it has come. Where no worker may start, the first formatter costs what it costs, where it is built.
 */
try {
  // Same origin as the page (script-src 'self'); Vite bundles the worker as a file of its own.
  const worker = new Worker(new URL('./warm-intl.worker.ts', import.meta.url), { type: 'module' })
  const done = () => worker.terminate()
  worker.onmessage = done
  worker.onerror = done
  // The portal puts LANG in the frame URL (main.tsx reads it the same way); the worker maps it.
  worker.postMessage(new URLSearchParams(window.location.search).get('LANG') ?? navigator.language)
} catch {
  // No worker: nothing is lost but the head start.
}
