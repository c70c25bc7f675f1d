/**
 * The bytes of files users upload (im.v2.File.upload), kept in the data folder beside the journal
 * as `files/<id>`: the journal holds each file's record, this folder its content, so a restart
 * serves what was uploaded before it. Written before the record is journalled, so a record never
 * points at bytes that are not on disk.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class FileBlobs {
  readonly dir: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'files')
  }

  write(id: number, bytes: Buffer): void {
    mkdirSync(this.dir, { recursive: true })
    writeFileSync(join(this.dir, String(id)), bytes)
  }

  /** null when the file was never uploaded here (seeded files have no bytes; they are generated). */
  read(id: number): Buffer | null {
    try {
      return readFileSync(join(this.dir, String(id)))
    } catch {
      return null
    }
  }

  clear(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
