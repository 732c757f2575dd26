import { createClient } from '@libsql/client'
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../api/node'
import { MIGRATIONS_FOLDER } from '../../db/migrate'
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
