export interface ServerOptions {
  /** The built app (e.g. `dist`). */
  dir: string
  /** 0 picks a free port (see the returned url). */
  port: number
  /** Default 0.0.0.0. */
  host?: string
  /** CSP frame-ancestors of the pages: who may frame them. Default `*` (any portal). */
  frameAncestors?: string
  /** CSP sources of the portal for connect-src and img-src. Default `https:`, plus `http:` on a loopback host. */
  portalOrigins?: string
  /** Largest request body (the portal's form POST) accepted; more gets 413. Default 64 KB. */
  maxBodyBytes?: number
  /** Slow clients: headers within headersMs (default 10 s), the whole request within requestMs (default 30 s). */
  timeouts?: { headersMs?: number; requestMs?: number }
}

export function startServer(options: ServerOptions): Promise<{ url: string; close(): Promise<void> }>
