/** Child process of the benchmark: the real Node server (seeded libSQL file) and a bare Hono app, each on its own port. */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCidr, type Cidr } from '../../api/domain/client-address'
import { startServer } from '../../api/node'

const folder = await mkdtemp(join(tmpdir(), 'ganapati-bench-'))
// The load generator plays a proxy in front of many visitors (X-Forwarded-For), as a site behind a
// load balancer would be, so per-client limits meet distinct clients instead of refusing one.
const real = await startServer({
  databaseUrl: `file:${join(folder, 'bench.db')}`,
  trustedProxies: [parseCidr('127.0.0.1') as Cidr],
})

// The baselines: the same framework and server adapter, no middleware, a constant JSON answer —
// a tiny one, and the very bytes of the lookup's answer (the load generator's cost grows with the
// body, so only the same body isolates what the app itself adds).
const lookupBody = await (await fetch(`${real.url}/v1/conventions/1486`)).text()
const bare = new Hono()
  .get('/bare', (c) => c.json({ status: 'ok' }))
  .get('/bare-same-body', (c) => c.body(lookupBody, 200, { 'Content-Type': 'application/json' }))
  // Parses the JSON body and answers it: the least a POST route does.
  .post('/bare-post', async (c) => c.json(await c.req.json()))
const bareUrl = await new Promise<string>((ready) => {
  const server = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    ready(`http://127.0.0.1:${info.port}`),
  )
  process.once('disconnect', () => server.close())
})

process.send?.({ realUrl: real.url, bareUrl })
process.once('disconnect', () => {
  void real.close().then(() => process.exit(0))
})
