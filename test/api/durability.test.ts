// An acknowledged write is committed: real servers on a real libSQL file, with another process
// holding the lock, a second server on the same file, and kill -9 under booking load.
import { createClient } from '@libsql/client'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as wait } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { SlotList } from '../../api/contracts/advisors'
import { startServer, type RunningServer } from '../../api/node'
import { httpFrom, loopbackClient } from '../support/http-from'
import { holdWriteLock } from '../support/lock-holder'
import { tempDatabaseUrl } from '../support/test-database'

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789abcdef'
const ADVISOR = 'conseiller-ganapati'
const NODE_ENTRY = fileURLToPath(new URL('../../api/node.ts', import.meta.url))

const running: RunningServer[] = []
const children: ChildProcess[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  await Promise.all(running.splice(0).map((server) => server.close()))
})

let clients = 0
/** Each request comes from a new loopback address, so per-client limits never interfere. */
const nextClient = () => loopbackClient(clients++)

async function server(databaseUrl: string, databaseLockWaitMs?: number): Promise<RunningServer> {
  const started = await startServer({ databaseUrl, adminToken: ADMIN_TOKEN, databaseLockWaitMs })
  running.push(started)
  return started
}

/** `npm start` in another process on the same file; resolves with its URL once it listens. */
async function serverProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', NODE_ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  let output = ''
  child.stdout!.setEncoding('utf8')
  // Read to the end, not only to the URL: the server goes on logging (an e-mail written…), and a
  // pipe closed on it would fail its writes.
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      output += chunk
      const url = /demo (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1]
      if (url) resolve({ url, child })
    })
    child.stdout!.on('end', () =>
      reject(new Error(`the server process ended before listening:\n${output}`)),
    )
  })
}

/** Free call starts of the next two weeks. */
async function freeStarts(baseUrl: string): Promise<string[]> {
  const answer = await httpFrom(nextClient(), `${baseUrl}/v1/advisors/${ADVISOR}/slots`)
  expect(answer.status).toBe(200)
  return (JSON.parse(answer.text) as SlotList).slots.map((slot) => slot.start)
}

function book(baseUrl: string, start: string) {
  return httpFrom(nextClient(), `${baseUrl}/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      advisorId: ADVISOR,
      start,
      name: 'Élodie Durand',
      email: 'elodie@entreprise.example',
    }),
  })
}

function putAdvisor(baseUrl: string, id: string) {
  return httpFrom(nextClient(), `${baseUrl}/v1/admin/advisors/${id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Camille Martin',
      email: 'camille.martin@ganapati.example',
      weeklyHours: [{ day: 'tuesday', from: '09:00', to: '12:00' }],
    }),
  })
}

/** What a fresh process reads from the file. */
async function stored(databaseUrl: string, sql: string): Promise<string[]> {
  const client = createClient({ url: databaseUrl })
  try {
    return (await client.execute(sql)).rows.map((row) => String(row[0]))
  } finally {
    client.close()
  }
}

const bookingIds = (databaseUrl: string) =>
  stored(databaseUrl, `select id from bookings where status = 'confirmed'`)

/**
 * Tests that start server processes: each boots under tsx in a second or two, then serves while
 * the other holds the file's lock, and delivers its e-mails besides: more than 5 s on a busy machine.
 */
const PROCESS_TEST_TIMEOUT_MS = 20_000

describe('durability of acknowledged writes', () => {
  it('keeps every write answered 2xx while another process held the lock for 2 s, across a restart', async () => {
    const databaseUrl = await tempDatabaseUrl()
    const first = await server(databaseUrl)
    const starts = await freeStarts(first.url)
    const lock = await holdWriteLock(databaseUrl)
    const during = Promise.all([
      ...starts.slice(0, 10).map((start) => book(first.url, start)),
      ...[1, 2, 3, 4, 5].map((n) => putAdvisor(first.url, `pendant-${n}`)),
    ])
    await wait(2_000)
    await lock.release()
    const answers = await during
    // Bookings and admin writes work again at once after the release: no connection was poisoned.
    const after = await Promise.all([
      ...starts.slice(10, 15).map((start) => book(first.url, start)),
      ...[1, 2, 3].map((n) => putAdvisor(first.url, `apres-${n}`)),
    ])
    expect([...answers, ...after].map((answer) => answer.status)).toEqual(
      Array<number>(23).fill(201),
    )
    await first.close()
    running.splice(running.indexOf(first), 1)

    const acknowledgedBookings = [...answers, ...after]
      .filter((answer) => answer.status === 201 && JSON.parse(answer.text).manageToken)
      .map((answer) => JSON.parse(answer.text).id as string)
    expect(acknowledgedBookings).toHaveLength(15)
    const restarted = await server(databaseUrl)
    expect((await bookingIds(databaseUrl)).sort()).toEqual(acknowledgedBookings.sort())
    expect(
      await stored(databaseUrl, `select id from advisors where id like 'p%' or id like 'a%'`),
    ).toEqual(expect.arrayContaining(['pendant-1', 'pendant-5', 'apres-1', 'apres-3']))
    // Read back through the restarted server too.
    const listed = await httpFrom(nextClient(), `${restarted.url}/v1/admin/advisors`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    })
    expect(JSON.parse(listed.text).items).toHaveLength(9)
  })

  it('answers 503 with Retry-After when the lock outlasts the wait, and leaves nothing half-written', async () => {
    const databaseUrl = await tempDatabaseUrl()
    const first = await server(databaseUrl, 300)
    const [start] = await freeStarts(first.url)
    const lock = await holdWriteLock(databaseUrl)
    const refused = await Promise.all([
      book(first.url, start!),
      httpFrom(nextClient(), `${first.url}/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'retry-me-later' },
        body: JSON.stringify({
          advisorId: ADVISOR,
          start,
          name: 'Élodie Durand',
          email: 'elodie@entreprise.example',
        }),
      }),
      putAdvisor(first.url, 'refusee'),
    ])
    await lock.release()
    for (const answer of refused) {
      expect(answer.status).toBe(503)
      expect(answer.headers['content-type']).toBe('application/problem+json')
      expect(answer.headers['retry-after']).toBe('2')
      expect(answer.headers['cache-control']).toBe('no-store')
      expect(JSON.parse(answer.text)).toMatchObject({
        type: '/problems/database-busy',
        status: 503,
        detail: expect.stringContaining('rien n’a été enregistré'),
      })
    }
    expect(await bookingIds(databaseUrl)).toEqual([])
    expect(await stored(databaseUrl, 'select id from outbox')).toEqual([])
    expect(await stored(databaseUrl, 'select key_hash from idempotency_keys')).toEqual([])
    expect(await stored(databaseUrl, `select id from advisors where id = 'refusee'`)).toEqual([])
    // The same requests once the lock is gone: stored.
    expect((await book(first.url, start!)).status).toBe(201)
    expect((await putAdvisor(first.url, 'refusee')).status).toBe(201)
    expect(await bookingIds(databaseUrl)).toHaveLength(1)
  })

  it(
    'loses nothing two server processes on one file acknowledged',
    async () => {
      const databaseUrl = await tempDatabaseUrl()
      const one = await serverProcess(databaseUrl)
      // Started once the first has migrated and seeded the file, as a second server would be.
      const two = await serverProcess(databaseUrl)
      const starts = await freeStarts(one.url)
      const answers = await Promise.all([
        // Both servers try each of 40 slots: one of the two wins it.
        ...starts.slice(0, 40).flatMap((start) => [book(one.url, start), book(two.url, start)]),
        ...Array.from({ length: 20 }, (_, n) => putAdvisor(n % 2 ? one.url : two.url, `p-${n}`)),
      ])
      const bookings = answers.slice(0, 80)
      expect(bookings.filter((answer) => answer.status === 201)).toHaveLength(40)
      expect(bookings.filter((answer) => answer.status === 409)).toHaveLength(40)
      expect(answers.slice(80).every((answer) => answer.status === 201)).toBe(true)
      for (const child of [one.child, two.child]) {
        const exited = once(child, 'exit')
        child.kill('SIGTERM')
        await exited
      }
      const acknowledged = bookings
        .filter((answer) => answer.status === 201)
        .map((answer) => JSON.parse(answer.text).id as string)
      expect((await bookingIds(databaseUrl)).sort()).toEqual(acknowledged.sort())
      expect(await stored(databaseUrl, `select id from advisors where id like 'p-%'`)).toHaveLength(
        20,
      )
    },
    PROCESS_TEST_TIMEOUT_MS,
  )

  it(
    'keeps every booking acknowledged before a kill -9 under booking load',
    async () => {
      const databaseUrl = await tempDatabaseUrl()
      const victim = await serverProcess(databaseUrl)
      const starts = await freeStarts(victim.url)
      const acknowledged: string[] = []
      let answered = 0
      const load = starts.slice(0, 120).map((start) =>
        book(victim.url, start).then(
          (answer) => {
            answered++
            if (answer.status === 201) acknowledged.push(JSON.parse(answer.text).id as string)
          },
          () => undefined,
        ),
      )
      // Killed once some bookings are answered and others are still on their way.
      while (answered < 20) await wait(5)
      victim.child.kill('SIGKILL')
      await Promise.all(load)
      expect(acknowledged.length).toBeGreaterThanOrEqual(20)

      await server(databaseUrl)
      expect(await bookingIds(databaseUrl)).toEqual(expect.arrayContaining(acknowledged))
      // Each stored booking has its advisor's notification: no half of a transaction survived.
      expect(
        await stored(
          databaseUrl,
          `select b.id from bookings b left join outbox o on o.subject = 'booking:' || b.id where o.id is null`,
        ),
      ).toEqual([])
    },
    PROCESS_TEST_TIMEOUT_MS,
  )
})
