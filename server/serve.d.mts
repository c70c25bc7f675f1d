export function startServer(options: { dir: string; port: number; host?: string; frameAncestors?: string }): Promise<{ url: string; close(): Promise<void> }>
