/** Everything the benchmark is parameterised by, in one place. */

/** Ports of their own, so `npm start` (8080/5173) and the e2e portal (8181/5181) can keep running. */
export const PORTAL_PORT = 8383
export const APP_PORT = 5383
export const FLOOR_PORT = 5384
/** The 50-article floor (bench/floor-feed/). */
export const FLOOR_FEED_PORT = 5385
/** A second portal for the conversation window: its posts and results survive the legacy runs' resets beside it. */
export const CONVERSATION_PORTAL_PORT = 8384

export const RESULTS_DIR = 'bench-results'
export const APP_DIST = `${RESULTS_DIR}/app-dist`
export const FLOOR_DIST = `${RESULTS_DIR}/floor-dist`
export const FLOOR_FEED_DIST = `${RESULTS_DIR}/floor-feed-dist`
export const PORTAL_DATA = `${RESULTS_DIR}/.portal-data`
export const CONVERSATION_PORTAL_DATA = `${RESULTS_DIR}/.portal-data-conversation`

/** Every figure is the median of this many runs: 3 keeps the whole bench near 8 minutes on 2 cores (BENCH_RUNS=1 for a quick look). */
export const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)
/**
 * The first-paint figures (2, the slow link, the first keystroke) swing most from run to run, and
 * a run takes seconds, not minutes: the median of 5 unless BENCH_RUNS asks for another count.
 */
export const FIRST_PAINT_RUNS = Number(process.env['BENCH_RUNS'] ?? 5)

/** The demo task (5,573 messages) for first paint; the 100,000-message task for everything that scrolls. */
export const FIRST_PAINT_TASK = 1
export const HISTORY_TASK = 100

export const LATENCIES_MS = [0, 150] as const
/**
 * The slow link (issue #23): Chromium's network emulation (CDP Network.emulateNetworkConditions) on
 * every page and frame of the card, with the portal answering at once. `latency` is the minimum time
 * from request sent to response headers received, i.e. one round trip; throughputs in bytes/s:
 * 1.6 Mbit/s down, 750 kbit/s up.
 */
export const SLOW_LINK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 } as const
export const LOADED_TARGET = 10_000
export const SCROLL_THROUGH = 5_000
/** A legacy portal pages 50 at a time under a 2/s bucket: 3,000 messages is 60 pages, past the burst of 50. */
export const LEGACY_TARGET = 3_000
/** Idle tabs count over this window, scaled to a minute: long enough to hold three polls 30 s apart. */
export const IDLE_WINDOW_MS = 90_000
/** Before the idle window: a quiet card backs off to its slowest poll within this. */
export const IDLE_WARMUP_MS = 30_000
/** "Jump to a message 5,000 back": the task result the jump starts from is on the message this far behind the newest. */
export const JUMP_BACK = 5_000
/** The heap variant jumps this far back, beyond the LOADED_TARGET already loaded, then to the newest again. */
export const HEAP_JUMP_BACK = 15_000
/** How long a jump, an arrival or an edit may take before it counts as never seen. */
export const JUMP_TIMEOUT_MS = 60_000
export const ARRIVAL_TIMEOUT_MS = 30_000
export const EDIT_TIMEOUT_MS = 60_000
/** Others' messages posted into an open card, one every ARRIVAL_GAP_MS: a conversation going on. */
export const ARRIVALS = 10
export const ARRIVAL_GAP_MS = 3_000
/**
 * Chats of the conversation window, apart so that one's activity never wakes another's card: task 1
 * stays idle, user 2 talks in task 5's chat, user 5 edits in task 6's (empty) chat.
 */
export const IDLE_TASK = 1
export const ARRIVAL_TASK = 5
export const ARRIVAL_AUTHOR = 2
/** Another member of task 5's chat (1, 2, 4, 6), who likes a message while the conversation goes on. */
export const ARRIVAL_REACTOR = 4
export const EDIT_TASK = 6
export const EDIT_AUTHOR = 5
/** Another member of task 6's chat (1, 5, 7), who likes the message in a quiet card. */
export const EDIT_REACTOR = 7
/**
 * Five cards of five tasks in one browser: every task of the seed whose chat user 1 is in.
 * Measured after the rest of the conversation window, when 5 and 6 have gone quiet again.
 */
export const FIVE_TASKS = [1, 5, 6, 7, 100] as const
/** Edits start this far apart, so that cards opened together meet them at different points of their poll. */
export const EDIT_STAGGER_MS = 7_000
/** Bitrix24's leaky bucket lets this many requests through at once before the 2/s drain applies. */
export const RATE_BURST = 50

/** Same window as the e2e specs: tall enough for the whole task card. */
export const VIEWPORT = { width: 1280, height: 960 }

/** Debian's Chromium; nothing may download a browser here. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
/** Pixels per animation frame while scrolling through history: 24,000 px/s at 60 Hz, a hard fling (and 5,000 messages in about half a minute). */
export const SCROLL_STEP_PX = 400
