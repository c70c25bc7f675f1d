export function zipApp(distDir: string): Promise<Uint8Array>
