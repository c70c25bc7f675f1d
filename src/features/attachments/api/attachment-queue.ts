/**
 * The files chosen in the composer and their uploads. Plain state outside React (bound with
 * useSyncExternalStore): a File is not server data, and an upload outlives the render that began it.
 * Files go one at a time, in the order chosen, so each has its own determinate progress and the
 * chat gets them in that order. An upload is never repeated by itself: a failure stays in the list
 * with Retry, and after one whose outcome is unknown the retry looks in the chat first.
 */
import { isPortalError } from '../../../b24/portal-error'
import { mayHaveLanded } from '../../../b24/write-outcome'
import { refusalOf, type Refusal } from './limits'

/** 'ready': chosen, waiting for Send; 'queued': sent, waiting its turn. Uploaded files leave the list. */
export type AttachmentStatus = 'ready' | 'queued' | 'uploading' | 'failed' | 'refused'

/** Where and after what an upload goes: fixed when Send is pressed. */
export interface UploadTarget {
  chatId: number
  userId: number
  /** Newest message id the feed had then: a message with this file above it is ours. */
  baselineId: number
}

export interface Attachment {
  id: string
  file: File
  status: AttachmentStatus
  /** Share of the request body sent, 0 to 1. */
  progress: number
  refusal: Refusal | null
  /** Why the last attempt failed: a PortalError kind and code. */
  error: { kind: string; code: string } | null
  /** The last attempt may have reached the portal (no answer, or a server error): look before sending again. */
  outcomeUnknown: boolean
  target: UploadTarget | null
}

export interface Transfer {
  onProgress(sent: number, total: number): void
  signal: AbortSignal
}

/** Uploads one attachment (or finds it already posted); throws what the portal answered. */
export type Deliver = (item: Attachment, transfer: Transfer) => Promise<void>

export class AttachmentQueue {
  private items: readonly Attachment[] = []
  private readonly listeners = new Set<() => void>()
  private readonly aborts = new Map<string, AbortController>()
  private running = false

  constructor(
    private readonly deliver: Deliver,
    private readonly onCancelled: (item: Attachment) => void = () => {},
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get = (): readonly Attachment[] => this.items

  add(files: readonly File[], limit?: number): void {
    const added = files.map<Attachment>((file) => {
      const refusal = refusalOf(file.size, limit)
      return { id: crypto.randomUUID(), file, status: refusal ? 'refused' : 'ready', progress: 0, refusal, error: null, outcomeUnknown: false, target: null }
    })
    if (added.length > 0) this.set([...this.items, ...added])
  }

  /** Takes a file out that is not on its way (chosen, refused or failed). */
  remove(id: string): void {
    this.set(this.items.filter((item) => !(item.id === id && item.status !== 'uploading')))
  }

  /** Send: every chosen file joins the queue for this target. */
  send(target: UploadTarget): void {
    this.set(this.items.map((item) => (item.status === 'ready' ? { ...item, status: 'queued', target } : item)))
    void this.pump()
  }

  retry(id: string): void {
    this.patch(id, (item) => (item.status === 'failed' ? { status: 'queued', error: null } : {}))
    void this.pump()
  }

  /** Stops an upload under way (or one waiting its turn) and takes it out of the list. */
  cancel(id: string): void {
    const item = this.items.find((i) => i.id === id)
    // Once every byte is sent the portal has the file: aborting now would only lose its answer, and the
    // file would be posted all the same (the list offers no Cancel then).
    if (!item || (item.status === 'uploading' && item.progress >= 1)) return
    this.aborts.get(id)?.abort()
    if (item.status === 'queued') this.set(this.items.filter((i) => i.id !== id))
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (let next = this.nextQueued(); next; next = this.nextQueued()) await this.upload(next)
    } finally {
      this.running = false
    }
  }

  private nextQueued(): Attachment | undefined {
    return this.items.find((item) => item.status === 'queued')
  }

  private async upload(item: Attachment): Promise<void> {
    const abort = new AbortController()
    this.aborts.set(item.id, abort)
    this.patch(item.id, () => ({ status: 'uploading', progress: 0 }))
    const onProgress = (sent: number, total: number) => {
      if (total > 0) this.patch(item.id, () => ({ progress: Math.min(1, sent / total) }))
    }
    try {
      await this.deliver({ ...item, status: 'uploading' }, { onProgress, signal: abort.signal })
      this.set(this.items.filter((i) => i.id !== item.id))
    } catch (error) {
      if (abort.signal.aborted) {
        this.set(this.items.filter((i) => i.id !== item.id))
        this.onCancelled(item)
        return
      }
      const kind = isPortalError(error) ? error.kind : 'unknown'
      const code = isPortalError(error) ? error.code : 'UNKNOWN'
      this.patch(item.id, (current) => ({ status: 'failed', error: { kind, code }, outcomeUnknown: current.outcomeUnknown || mayHaveLanded(error) }))
    } finally {
      this.aborts.delete(item.id)
    }
  }

  private patch(id: string, change: (item: Attachment) => Partial<Attachment>): void {
    this.set(this.items.map((item) => (item.id === id ? { ...item, ...change(item) } : item)))
  }

  private set(items: readonly Attachment[]): void {
    this.items = items
    for (const listener of this.listeners) listener()
  }
}
