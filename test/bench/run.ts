/**
 * `npm run bench`: requests/s and p99 latency of the widgets' routes against a bare Hono route, same
 * machine, same run. The servers run in a child process so the load generator (autocannon) does not
 * share their event loop; targets are measured in interleaved rounds and the median is reported,
 * because a 2-core machine drifts by ±20 % between consecutive runs.
 */
import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { WORKED_EXAMPLE } from '../support/simulation-example'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)

interface Target {
  name: string
  url: string
  /** POST body, for the simulation. */
  body?: string
  /** Each request from another visitor (X-Forwarded-For, the bench server trusts 127.0.0.1). */
  visitors?: boolean
}

/** More visitors than a second of requests: none of them meets a per-client limit. */
const VISITORS = 50_000
let visitor = 0
const nextVisitor = () => {
  const n = visitor++ % VISITORS
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`
}

interface Sample {
  requestsPerSecond: number
  p99Ms: number
  errors: number
}

async function sample(target: Target): Promise<Sample> {
  const request = target.body
    ? {
        method: 'POST' as const,
        body: target.body,
        headers: { 'content-type': 'application/json' },
      }
    : target.visitors
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                headers: { ...request.headers, 'x-forwarded-for': nextVisitor() },
              }),
            },
          ],
        }
      : {}
  // A short warm-up: JIT, the reference catalog, keep-alive sockets.
  await autocannon({ url: target.url, connections: CONNECTIONS, duration: 1, ...request })
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...request,
  })
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors,
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  stdio: 'inherit',
})
const { realUrl, bareUrl } = await new Promise<{ realUrl: string; bareUrl: string }>((ready) =>
  child.once('message', ready as never),
)

const simulation = JSON.stringify(WORKED_EXAMPLE)
const targets: Target[] = [
  { name: 'bare Hono GET /bare', url: `${bareUrl}/bare` },
  { name: 'bare Hono, the lookup’s body', url: `${bareUrl}/bare-same-body` },
  { name: 'GET /v1/conventions/1486', url: `${realUrl}/v1/conventions/1486` },
  { name: 'GET /v1/conventions?q=boulangerie', url: `${realUrl}/v1/conventions?q=boulangerie` },
  { name: 'bare Hono POST, JSON echoed', url: `${bareUrl}/bare-post`, body: simulation },
  { name: 'POST /v1/simulations', url: `${realUrl}/v1/simulations`, body: simulation },
  // The picker's first request: two weeks of the seeded advisor's free slots.
  {
    name: 'GET /v1/advisors/…/slots (14 days)',
    url: `${realUrl}/v1/advisors/conseiller-ganapati/slots`,
    visitors: true,
  },
]
const samples = new Map<string, Sample[]>(targets.map((target) => [target.name, []]))
for (let round = 0; round < ROUNDS; round++) {
  for (const target of targets) samples.get(target.name)?.push(await sample(target))
}
child.disconnect()

const summary = targets.map((target) => {
  const runs = samples.get(target.name) ?? []
  return {
    name: target.name,
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  }
})
const [bare, bareSameBody, lookup, , barePost, simulationResult] = summary
const pad = (text: string, width: number) => text.padEnd(width)
console.log(
  `\nmedian of ${ROUNDS} rounds × ${DURATION_S} s per target, ${CONNECTIONS} connections, Node ${process.version}`,
)
console.log(
  `${pad('target', 36)}${pad('req/s', 12)}${pad('p99 ms', 10)}${pad('vs bare', 10)}errors`,
)
for (const result of summary) {
  const ratio = bare ? (result.requestsPerSecond / bare.requestsPerSecond).toFixed(2) : '-'
  console.log(
    `${pad(result.name, 36)}${pad(result.requestsPerSecond.toFixed(0), 12)}${pad(String(result.p99Ms), 10)}${pad(ratio, 10)}${result.errors}`,
  )
}
if (barePost && simulationResult) {
  const ratio = (simulationResult.requestsPerSecond / barePost.requestsPerSecond).toFixed(2)
  console.log(`simulation / bare POST = ${ratio} (aim ≥ 0.70)`)
}
if (bare && bareSameBody && lookup) {
  const ratio = (baseline: { requestsPerSecond: number }) =>
    (lookup.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)
  console.log(
    `\nlookup / bare = ${ratio(bare)}; lookup / bare with the same body = ${ratio(bareSameBody)} (aim ≥ 0.80)`,
  )
}
