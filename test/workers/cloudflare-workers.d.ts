// The part of workerd's `cloudflare:workers` module this suite uses; @cloudflare/workers-types is not installed.
declare module 'cloudflare:workers' {
  /** Bindings of the Worker under test: wrangler.toml vars overridden by the pool's miniflare options. */
  export const env: import('../../api/worker').WorkerBindings
  /** Entrypoints of the Worker under test (wrangler.toml `main`), called without a network hop. */
  export const exports: {
    default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> }
  }
}

// The part of the pool's `cloudflare:test` module this suite uses: running the cron handler.
declare module 'cloudflare:test' {
  export function createExecutionContext(): import('hono').ExecutionContext
  export function waitOnExecutionContext(context: import('hono').ExecutionContext): Promise<void>
  export function createScheduledController(options?: {
    scheduledTime?: Date | number
    cron?: string
  }): unknown
}
