// A bug or an I/O error inside the handler is a 500 for that request only: the process lives on.
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { request, serveFixture, type Served } from './fixture'

const failure = vi.hoisted(() => ({ next: false }))
vi.mock('../../server/files.mjs', async (original) => {
  const real = await original<{ readServedFile(root: string, file: string): Promise<unknown> }>()
  return {
    ...real,
    readServedFile: (root: string, file: string) => {
      if (!failure.next) return real.readServedFile(root, file)
      failure.next = false
      return Promise.reject(new Error('EIO: the disk went away'))
    },
  }
})

let served: Served
beforeAll(async () => {
  served = await serveFixture()
})
afterAll(() => served.close())

it('an error while reading a file is a 500, and the next request is served', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  failure.next = true
  const failed = await request(served.port, '/index.html')
  expect(failed.status).toBe(500)
  expect(failed.headers['cache-control']).toBe('no-store')
  expect(logged).toHaveBeenCalledOnce()
  const next = await request(served.port, '/index.html')
  expect(next.status).toBe(200)
})
