/** Web Test Runner: the widgets in real headless Chromium, against the real API (libSQL in memory) and a fake recherche-entreprises. */
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { chromeLauncher } from '@web/test-runner-chrome'
import { tsImport } from 'tsx/esm/api'

const root = fileURLToPath(new URL('..', import.meta.url))

/** An origin nobody listens on: the « API down » case without mocking fetch. */
async function closedOrigin() {
  const probe = createServer()
  await new Promise((ready) => probe.listen(0, '127.0.0.1', ready))
  const { port } = probe.address()
  await new Promise((done) => probe.close(done))
  return `http://127.0.0.1:${port}`
}

const WIDGETS = `
      <ganapati-opco-finder value="1486"></ganapati-opco-finder>
      <ganapati-booking-link time-zone="Europe/Paris"></ganapati-booking-link>
      <ganapati-funding-simulator
        scheme="apprentissage"
        date="2026-10-01"
        headcount="12"
        level="6"
        price="8500"
        npec="7000"
      ></ganapati-funding-simulator>
    `
const TRACKER = '<ganapati-dossier-tracker></ganapati-dossier-tracker>'

/**
 * A partner page under a strict CSP that loads the built bundle from the API origin, as partners do;
 * in English with `?lang=en`; with `?tracker`, the dossier tracker alone.
 */
function cspPage(api, lang, tracker) {
  const policy = [
    "default-src 'self'",
    `script-src 'self' ${api}`,
    "style-src 'self'",
    `connect-src ${api}`,
    "img-src 'self' data:",
  ].join('; ')
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'fr'}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <title>Partenaire sous CSP stricte</title>
    <script src="/__ganapati/csp-probe.js"></script>
    <script type="module" src="${api}/widgets/ganapati.js"></script>
  </head>
  <body>
    <main>${tracker ? TRACKER : WIDGETS}</main>
  </body>
</html>`
}

// Registered before any other script of the CSP page, so no violation can happen unrecorded.
const cspProbe = `window.cspViolations = []
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI)
})`

/** A request's body as it came, for the proxy to pass on (a simulation is a POST). */
async function rawBody(stream) {
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/**
 * The real API behind a path prefix, as a partner's reverse proxy serves it: `/__ganapati/proxy/<name>/v1/…`
 * answers `<api>/v1/…`; each test takes its own <name>. `POST /__ganapati/proxy/<name>?hold=<path>` keeps
 * the next request to that path (query aside; any method, its body passed on) in flight until the browser aborts it or
 * `POST /__ganapati/proxy/<name>?release` lets it through; `?lose=<path>` passes the next request to
 * that path on to the API, then answers 504 as a gateway that gave up waiting: the API's answer is
 * lost on the way back. `GET /__ganapati/proxy/<name>` lists the requests received as
 * `{ path, state: 'held' | 'aborted' | 'answered' | 'lost', idempotencyKey }`, so a test waits
 * for a request to be in flight, or cancelled, instead of guessing a delay.
 */
function apiProxy(apiUrl) {
  const proxies = new Map()
  return async (ctx, next) => {
    // This server is where the test modules come from: the widgets' default API, as in production,
    // where the API serves the bundle. Its /v1 is proxied too, logged as `script-origin`.
    const match = ctx.path.startsWith('/v1/')
      ? [ctx.path, 'script-origin', ctx.path]
      : /^\/__ganapati\/proxy\/([\w-]+)(\/.*)?$/.exec(ctx.path)
    if (!match) return next()
    const [, name, path] = match
    if (!proxies.has(name)) proxies.set(name, { holds: [], losses: [], waiting: [], log: [] })
    const proxy = proxies.get(name)
    if (!path) {
      if (ctx.method !== 'POST') {
        ctx.body = proxy.log
        return
      }
      if (ctx.query.hold) proxy.holds.push(ctx.query.hold)
      if (ctx.query.lose) proxy.losses.push(ctx.query.lose)
      if ('release' in ctx.query) for (const release of proxy.waiting.splice(0)) release()
      ctx.status = 204
      return
    }
    const request = {
      path: ctx.querystring ? `${path}?${ctx.querystring}` : path,
      state: 'answered',
      idempotencyKey: ctx.get('idempotency-key') || null,
    }
    proxy.log.push(request)
    const held = proxy.holds.indexOf(path)
    if (held >= 0) {
      proxy.holds.splice(held, 1)
      request.state = 'held'
      const aborted = await new Promise((settle) => {
        proxy.waiting.push(() => settle(false))
        ctx.res.on('close', () => settle(true))
      })
      request.state = aborted ? 'aborted' : 'answered'
      if (aborted) {
        // nginx's « client closed request »: nobody reads it, but WTR need not report a 404.
        ctx.status = 499
        return
      }
    }
    const headers = {}
    for (const name of ['content-type', 'idempotency-key', 'authorization']) {
      if (ctx.get(name)) headers[name] = ctx.get(name)
    }
    const response = await fetch(`${apiUrl(name)}${request.path}`, {
      method: ctx.method,
      headers,
      body: ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await rawBody(ctx.req),
    })
    const lost = proxy.losses.indexOf(path)
    if (lost >= 0) {
      // The API did the work; the client never hears of it. Not a reset connection: Chromium
      // silently re-sends a request whose reused connection closes before any answer.
      proxy.losses.splice(lost, 1)
      request.state = 'lost'
      await response.arrayBuffer()
      ctx.status = 504
      ctx.type = 'text/plain'
      ctx.body = 'Gateway Timeout'
      return
    }
    ctx.status = response.status
    ctx.type = response.headers.get('content-type') ?? 'application/json'
    ctx.body = await response.text()
  }
}

/**
 * The admin API for the tests, with the bearer token kept on the server side: `/__ganapati/admin/<path>`
 * answers `<api>/v1/admin/<path>` (any method, JSON body passed on), e.g. to read a stored booking;
 * `/__ganapati/mail-admin/<path>` the same on the API that sends e-mail.
 */
function adminProxy(apiUrl, token) {
  return async (ctx, next) => {
    const match = /^\/__ganapati\/(admin|mail-admin)(\/.+)$/.exec(ctx.path)
    if (!match) return next()
    const response = await fetch(`${apiUrl(match[1])}/v1/admin${match[2]}`, {
      method: ctx.method,
      headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
      body: ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await rawBody(ctx.req),
    })
    ctx.status = response.status
    ctx.type = response.headers.get('content-type') ?? 'application/json'
    ctx.body = await response.text()
  }
}

/**
 * The demo page exactly as `npm start` serves it, on the tests' own origin so a test can reach into
 * it: `/__ganapati/demo/<path>` answers `<api>/<path>`, and the page's root-relative links are kept
 * under the prefix. Its widgets then call this origin's /v1, which is proxied to the real API.
 */
function demoSite(apiUrl) {
  const prefix = '/__ganapati/demo'
  return async (ctx, next) => {
    if (!ctx.path.startsWith(`${prefix}/`) || ctx.method !== 'GET') return next()
    const response = await fetch(`${apiUrl()}${ctx.path.slice(prefix.length)}`)
    const type = response.headers.get('content-type') ?? 'text/plain'
    ctx.status = response.status
    ctx.type = type
    const body = await response.text()
    ctx.body = type.startsWith('text/html')
      ? body.replace(/(src|href)="\/(?!\/)/g, `$1="${prefix}/`)
      : body
  }
}

/** Starts the fake upstream, builds the bundle and starts the real API before the first test. */
function ganapatiServers() {
  let api
  let mailApi
  let fake
  let smtp
  let env
  let adminToken
  let readMail
  return {
    // A proxy whose name starts with `mail-` reaches the API that sends e-mail.
    proxy: apiProxy((name) => (name.startsWith('mail-') ? env.mailApi : env.api)),
    demo: demoSite(() => env.api),
    admin: adminProxy(
      (prefix) => (prefix === 'mail-admin' ? env.mailApi : env.api),
      () => adminToken,
    ),
    name: 'ganapati-servers',
    /** Every e-mail the SMTP server took in, oldest first: `[{ to, subject, links }]`. */
    async receivedMails() {
      const mails = await Promise.all(
        smtp.messages.map(async ({ to, raw }) => {
          const { subject, links } = await readMail(raw)
          return { to, subject, links }
        }),
      )
      return { body: JSON.stringify(mails), type: 'json' }
    },
    async serverStart({ config }) {
      const { buildWidgets } = await tsImport('../widgets/build.ts', import.meta.url)
      const { startServer } = await tsImport('../api/node.ts', import.meta.url)
      const { startFakeRechercheEntreprises } = await tsImport(
        './fakes/recherche-entreprises.ts',
        import.meta.url,
      )
      const { startFakeSmtpServer } = await tsImport('./fakes/smtp-server.ts', import.meta.url)
      ;({ readMail } = await tsImport('./support/mail.ts', import.meta.url))
      await buildWidgets()
      fake = await startFakeRechercheEntreprises()
      adminToken = randomBytes(32).toString('hex')
      api = await startServer({
        databaseUrl: ':memory:',
        rechercheEntreprisesUrl: fake.url,
        adminToken,
      })
      // A second API, for the dossier tracker, sends its e-mails (sign-in links) to a real SMTP
      // server, read back at /__ganapati/mails; the other widgets' API sends none, as before.
      smtp = await startFakeSmtpServer()
      mailApi = await startServer({
        databaseUrl: ':memory:',
        rechercheEntreprisesUrl: fake.url,
        adminToken,
        mail: { smtpUrl: smtp.url },
        // The test pages' origin: a sign-in link may lead back to them (http on a loopback host).
        allowedReturnOrigins: [`http://${config.hostname ?? 'localhost'}:${config.port}`],
      })
      env = { api: api.url, mailApi: mailApi.url, fake: fake.url, closed: await closedOrigin() }
    },
    async serverStop() {
      await api?.close()
      await mailApi?.close()
      await fake?.close()
      await smtp?.close()
    },
    serve(context) {
      if (context.path === '/__ganapati/env.json')
        return { body: JSON.stringify(env), type: 'json' }
      if (context.path === '/__ganapati/csp.html') {
        return {
          body: cspPage(env.api, context.query.lang, 'tracker' in context.query),
          type: 'html',
        }
      }
      if (context.path === '/__ganapati/csp-probe.js') return { body: cspProbe, type: 'js' }
      if (context.path === '/__ganapati/mails') return this.receivedMails()
    },
  }
}

const servers = ganapatiServers()

export default {
  rootDir: root,
  files: [fileURLToPath(new URL('./widgets/**/*.test.ts', import.meta.url))],
  nodeResolve: true,
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        // Debian's Chromium by default (no browser download is possible here); CHROME_PATH overrides it.
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // A lookup crosses the real API and libSQL: mocha's 2 s default is for unit tests.
  // A whole flow (book, cancel, axe-core over the shadow tree, rebook) takes about 2 s alone; on a
  // 2-core machine busy with other work, axe alone can take several: room, not a speed check.
  testFramework: { config: { timeout: 30000 } },
  middleware: [servers.proxy, servers.admin, servers.demo],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), servers],
}
