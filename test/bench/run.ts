/**
 * `npm run bench`: requests/s and p99 latency of the finder's routes against a bare Hono route, same machine, same run.
 * The servers run in a child process so the load generator (autocannon) does not share their event loop.
 */
import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)

interface Result {
  name: string
  requestsPerSecond: number
  p99Ms: number
  non2xx: number
}

async function measure(name: string, url: string): Promise<Result> {
  // A short warm-up: JIT, the reference catalog and keep-alive sockets.
  await autocannon({ url, connections: CONNECTIONS, duration: 1 })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S })
  return {
    name,
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  }
}

const child = fork(fileURLToPath(new URL('./bench-server.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  stdio: 'inherit',
})
const { realUrl, bareUrl } = await new Promise<{ realUrl: string; bareUrl: string }>((ready) =>
  child.once('message', ready as never),
)

const bare = await measure('bare Hono GET /bare', `${bareUrl}/bare`)
const bareSameBody = await measure('bare Hono, the lookup’s body', `${bareUrl}/bare-same-body`)
const targets = [
  await measure('GET /v1/conventions/1486', `${realUrl}/v1/conventions/1486`),
  await measure('GET /v1/conventions?q=boulangerie', `${realUrl}/v1/conventions?q=boulangerie`),
]
child.disconnect()

const pad = (text: string, width: number) => text.padEnd(width)
console.log(`\n${DURATION_S} s per target, ${CONNECTIONS} connections, Node ${process.version}`)
console.log(
  `${pad('target', 36)}${pad('req/s', 12)}${pad('p99 ms', 10)}${pad('vs bare', 10)}errors`,
)
for (const result of [bare, bareSameBody, ...targets]) {
  const ratio = (result.requestsPerSecond / bare.requestsPerSecond).toFixed(2)
  console.log(
    `${pad(result.name, 36)}${pad(result.requestsPerSecond.toFixed(0), 12)}${pad(String(result.p99Ms), 10)}${pad(ratio, 10)}${result.non2xx}`,
  )
}
const lookup = targets[0]
if (lookup) {
  const ratio = (baseline: Result) =>
    (lookup.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)
  console.log(
    `\nlookup / bare = ${ratio(bare)}; lookup / bare with the same body = ${ratio(bareSameBody)} (aim ≥ 0.80)`,
  )
}
