import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../api/node'
import { holdWriteLock } from '../support/lock-holder'
import { tempDatabaseUrl } from '../support/test-database'

const running: RunningServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

async function server(): Promise<{ url: string; databaseUrl: string }> {
  const databaseUrl = await tempDatabaseUrl()
  const started = await startServer({ databaseUrl })
  running.push(started)
  return { url: started.url, databaseUrl }
}

describe('GET /health and GET /health/ready', () => {
  it('answers ready once the database took a write and read it back', async () => {
    const { url } = await server()
    const ready = await fetch(`${url}/health/ready`)
    expect(ready.status).toBe(200)
    expect(ready.headers.get('cache-control')).toBe('no-store')
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'writable',
      checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  it('answers 503 not-ready while another process holds the lock, and ready again after; /health stays ok', async () => {
    const { url, databaseUrl } = await server()
    const lock = await holdWriteLock(databaseUrl)
    const [notReady, live] = await Promise.all([
      fetch(`${url}/health/ready`),
      fetch(`${url}/health`),
    ])
    await lock.release()
    expect(live.status).toBe(200)
    expect(notReady.status).toBe(503)
    expect(notReady.headers.get('content-type')).toBe('application/problem+json')
    expect(notReady.headers.get('retry-after')).toBe('5')
    expect(await notReady.json()).toMatchObject({
      type: '/problems/not-ready',
      detail: expect.stringContaining('n’a pas répondu en 2 s'),
    })
    expect((await fetch(`${url}/health/ready`)).status).toBe(200)
  })
})
