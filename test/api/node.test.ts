import { createClient } from '@libsql/client'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCidr, type Cidr } from '../../api/domain/client-address'
import { mailDirFor, startServer, type RunningServer } from '../../api/node'
import { MIGRATIONS_FOLDER } from '../../db/migrate'
import { httpFrom } from '../support/http-from'
import { readMail } from '../support/mail'
import { tempDatabaseUrl } from '../support/test-database'

const running: RunningServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()))
})

async function publicFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'ganapati-public-'))
  await mkdir(join(folder, 'widgets'))
  await writeFile(
    join(folder, 'index.html'),
    '<!doctype html><title>Démo</title><ganapati-opco-finder></ganapati-opco-finder>',
  )
  await writeFile(join(folder, 'widgets', 'ganapati.js'), 'export {}')
  await writeFile(join(folder, '_headers'), '/*\n  X-Frame-Options: SAMEORIGIN\n')
  return folder
}

describe('startServer (Node entry)', () => {
  it('creates the database on first start, and a restart keeps it without duplicating the reference data', async () => {
    const databaseUrl = await tempDatabaseUrl()
    const messages: string[] = []
    const first = await startServer({ databaseUrl, log: (message) => messages.push(message) })
    expect(await (await fetch(`${first.url}/health`)).json()).toEqual({ status: 'ok' })
    expect((await (await fetch(`${first.url}/v1/conventions/1486`)).json()).opco.id).toBe('atlas')
    await first.close()

    const second = await startServer({ databaseUrl, log: (message) => messages.push(message) })
    running.push(second)
    expect(messages).toEqual([
      expect.stringMatching(/^reference data loaded/),
      'funding rules: 20 added, 0 revised, 0 unchanged, 0 kept as an admin revised them',
      'advisors: 1 added, 0 kept',
      'advisor notifications wait in the outbox: WEBHOOK_URL is not set',
      expect.stringMatching(/^reference data unchanged/),
      'funding rules: 0 added, 0 revised, 20 unchanged, 0 kept as an admin revised them',
      'advisors: 0 added, 1 kept',
      'advisor notifications wait in the outbox: WEBHOOK_URL is not set',
    ])
    expect((await (await fetch(`${second.url}/v1/opcos`)).json()).items).toHaveLength(11)

    const client = createClient({ url: databaseUrl })
    expect(
      Number((await client.execute('select count(*) as n from convention_opcos')).rows[0]?.n),
    ).toBe(1009)
    expect(
      Number((await client.execute('select count(*) as n from __drizzle_migrations')).rows[0]?.n),
    ).toBe((await readdir(MIGRATIONS_FOLDER)).filter((name) => name.endsWith('.sql')).length)
    client.close()
  })

  it('creates the folder of a file database that does not exist yet', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'ganapati-nested-'))
    const server = await startServer({
      databaseUrl: `file:${join(folder, 'a', 'b', 'ganapati.db')}`,
    })
    running.push(server)
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
  })

  it('serves the demo page under a strict CSP and the widget bundle to any origin', async () => {
    const server = await startServer({ publicDir: await publicFolder() })
    running.push(server)
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<ganapati-opco-finder>')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')

    const bundle = await fetch(`${server.url}/widgets/ganapati.js`, {
      headers: { origin: 'https://partner.example' },
    })
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toMatch(/javascript/)
    expect(bundle.headers.get('access-control-allow-origin')).toBe('*')
    expect(bundle.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
  })

  it('answers the API cross-origin, including preflight', async () => {
    const server = await startServer({})
    running.push(server)
    const preflight = await fetch(`${server.url}/v1/conventions/1486`, {
      method: 'OPTIONS',
      headers: { origin: 'https://partner.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers an unknown path with a problem+json 404', async () => {
    const server = await startServer({ publicDir: await publicFolder() })
    running.push(server)
    const response = await fetch(`${server.url}/nope.html`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect((await fetch(`${server.url}/_headers`)).status).toBe(404)
  })
})

const SLOTS = '/v1/advisors/conseiller-ganapati/slots'

/** Slot lists per client in a burst (api/app.ts); one more a second. */
const BURST = 60

/** Slot lists asked until the first 429: how many were answered before it. */
async function answeredBefore429(
  server: RunningServer,
  from: string,
  forwardedFor: (index: number) => string | undefined,
): Promise<number> {
  for (let index = 0; index < 2 * BURST; index++) {
    const header = forwardedFor(index)
    const answer = await httpFrom(from, `${server.url}${SLOTS}`, {
      headers: header === undefined ? {} : { 'x-forwarded-for': header },
    })
    if (answer.status === 429) return index
    expect(answer.status).toBe(200)
  }
  return Infinity
}

const range = (text: string): Cidr => {
  const cidr = parseCidr(text)
  if (!cidr) throw new Error(`not a range: ${text}`)
  return cidr
}

describe('e-mails without an SMTP server', () => {
  it.each([
    ['file:.data/ganapati.db', '.data/outbox-mail'],
    ['file:/srv/ganapati/data.db?mode=rwc', '/srv/ganapati/outbox-mail'],
    [':memory:', '.data/outbox-mail'],
    ['libsql://ganapati.turso.io', '.data/outbox-mail'],
  ])('go for %s to %s', (databaseUrl, folder) => {
    expect(mailDirFor(databaseUrl)).toBe(folder)
  })

  it('are written as .eml files beside the database, one log line each', async () => {
    const databaseUrl = await tempDatabaseUrl()
    const messages: string[] = []
    const server = await startServer({ databaseUrl, mail: {}, log: (line) => messages.push(line) })
    running.push(server)
    const folder = mailDirFor(databaseUrl)
    expect(messages).toContain(
      `e-mails are written to ${folder} as .eml files: SMTP_URL is not set`,
    )
    expect(messages).toContain('advisor notifications go by e-mail: WEBHOOK_URL is not set')

    const slots = (await (
      await fetch(`${server.url}/v1/advisors/conseiller-ganapati/slots`)
    ).json()) as { slots: { start: string }[] }
    const booked = await fetch(`${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        advisorId: 'conseiller-ganapati',
        start: slots.slots[0]?.start,
        name: 'Élodie Durand',
        email: 'elodie@entreprise.example',
      }),
    })
    expect(booked.status).toBe(201)
    // Sent right after the answer: the visitor's confirmation and the advisor's copy.
    let files: string[] = []
    for (let tries = 0; files.length < 2 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      files = await readdir(folder).catch(() => [])
    }
    expect(files).toHaveLength(2)
    const mails = await Promise.all(
      files.map(async (file) => readMail(await readFile(join(folder, file)))),
    )
    expect(mails.map((mail) => mail.to?.address).sort()).toEqual([
      'conseiller@ganapati.example',
      'elodie@entreprise.example',
    ])
    expect(mails[0]?.from).toEqual({ name: 'Ganapati', address: 'rendez-vous@ganapati.example' })
    for (const file of files) expect(messages).toContain(`e-mail written to ${join(folder, file)}`)
  })
})

describe('client identity behind a proxy (TRUSTED_PROXIES)', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: spoofing it escapes no limit', async () => {
    const server = await startServer({ trustedProxies: [range('127.0.0.3')] })
    running.push(server)
    // A fresh forged address on every request: all counted as the one peer, 127.0.0.2.
    const answered = await answeredBefore429(server, '127.0.0.2', (index) => `198.51.100.${index}`)
    // The burst, and one more per second the loop may have taken on a busy machine.
    expect(answered).toBeGreaterThanOrEqual(BURST)
    expect(answered).toBeLessThan(BURST + 10)
    expect((await httpFrom('127.0.0.4', `${server.url}${SLOTS}`)).status).toBe(200)
  })

  it('counts the client a trusted proxy forwards for, from the right of X-Forwarded-For', async () => {
    const server = await startServer({ trustedProxies: [range('127.0.0.3/32')] })
    running.push(server)
    const proxy = (forwardedFor: string) =>
      httpFrom('127.0.0.3', `${server.url}${SLOTS}`, {
        headers: { 'x-forwarded-for': forwardedFor },
      })
    const answered = await answeredBefore429(server, '127.0.0.3', () => '203.0.113.1')
    expect(answered).toBeGreaterThanOrEqual(BURST)
    expect(answered).toBeLessThan(BURST + 10)
    // What the client wrote left of the proxy's entry is not believed.
    expect((await proxy('198.51.100.7, 203.0.113.1')).status).toBe(429)
    // Another client behind the same proxy has its own count; so has the proxy's own hop.
    expect((await proxy('203.0.113.2')).status).toBe(200)
    expect((await proxy('203.0.113.1, 127.0.0.3')).status).toBe(429)
    expect((await proxy('bogus')).status).toBe(200)
  })

  it('counts an IPv6 client behind a trusted proxy by its /64', async () => {
    const server = await startServer({ trustedProxies: [range('127.0.0.0/8')] })
    running.push(server)
    const answered = await answeredBefore429(
      server,
      '127.0.0.5',
      (index) => `2001:db8:1:2::${index.toString(16)}`,
    )
    expect(answered).toBeGreaterThanOrEqual(BURST)
    expect(answered).toBeLessThan(BURST + 10)
    const other = await httpFrom('127.0.0.5', `${server.url}${SLOTS}`, {
      headers: { 'x-forwarded-for': '2001:db8:1:3::1' },
    })
    expect(other.status).toBe(200)
  })
})

describe('links of the answers (PUBLIC_URL)', () => {
  async function bookWithHost(server: RunningServer, host: string) {
    const slots = JSON.parse((await httpFrom('127.0.0.1', `${server.url}${SLOTS}`)).text) as {
      slots: { start: string }[]
    }
    const answer = await httpFrom('127.0.0.1', `${server.url}/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host },
      body: JSON.stringify({
        advisorId: 'conseiller-ganapati',
        start: slots.slots[0]?.start,
        name: 'Élodie Durand',
        email: 'elodie@entreprise.example',
      }),
    })
    expect(answer.status).toBe(201)
    return JSON.parse(answer.text) as { id: string; icsUrl: string; cancelUrl: string }
  }

  it('are built on PUBLIC_URL, never on the Host header a client sends', async () => {
    const server = await startServer({ publicUrl: 'https://widgets.ganapati.fr' })
    running.push(server)
    const booked = await bookWithHost(server, 'attacker.example')
    expect(booked.icsUrl).toMatch(
      /^https:\/\/widgets\.ganapati\.fr\/v1\/bookings\/[^/]+\.ics\?token=/,
    )
    expect(booked.cancelUrl).toMatch(
      /^https:\/\/widgets\.ganapati\.fr\/v1\/bookings\/[^/]+\/cancel\?token=/,
    )
  })

  it('are built on the listening origin without PUBLIC_URL, still not on the Host header', async () => {
    const server = await startServer({})
    running.push(server)
    const booked = await bookWithHost(server, 'attacker.example')
    expect(booked.icsUrl.startsWith(`${server.url}/v1/bookings/${booked.id}.ics?token=`)).toBe(true)
  })

  it.each([
    ['on all interfaces without PUBLIC_URL', { hostname: '0.0.0.0' }, true],
    [
      'on all interfaces with PUBLIC_URL',
      { hostname: '0.0.0.0', publicUrl: 'https://w.example' },
      false,
    ],
    ['on 127.0.0.1', { hostname: '127.0.0.1' }, false],
    ['on localhost', { hostname: 'localhost' }, false],
  ])(
    'warns at boot when links would use a host only this machine reaches: %s → %s',
    async (_case, options, warned) => {
      const messages: string[] = []
      const server = await startServer({ ...options, log: (message) => messages.push(message) })
      running.push(server)
      expect(messages.some((message) => message.startsWith('warning: PUBLIC_URL is not set'))).toBe(
        warned,
      )
    },
  )
})
