// The part of workerd's `cloudflare:workers` module this suite uses; @cloudflare/workers-types is not installed.
declare module 'cloudflare:workers' {
  /** Bindings of the Worker under test: wrangler.toml vars overridden by the pool's miniflare options. */
  export const env: import('../../api/worker').WorkerBindings
  /** Entrypoints of the Worker under test (wrangler.toml `main`), called without a network hop. */
  export const exports: {
    default: { fetch(input: string | Request, init?: RequestInit): Promise<Response> }
  }
}
