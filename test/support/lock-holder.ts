/** Another real process holding a database file's write lock until the test releases it. */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('./hold-lock.mjs', import.meta.url))

export interface HeldLock {
  /** Commits the other process's empty transaction and waits until it has exited. */
  release(): Promise<void>
}

/** Resolves once the other process holds `BEGIN IMMEDIATE` on the file of `databaseUrl`. */
export async function holdWriteLock(databaseUrl: string): Promise<HeldLock> {
  const path = databaseUrl.replace(/^file:/, '')
  const child = spawn(process.execPath, [SCRIPT, path], { stdio: ['pipe', 'pipe', 'inherit'] })
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  if (chunk.toString().trim() !== 'locked') throw new Error(`lock holder said ${String(chunk)}`)
  return {
    async release() {
      const exited = once(child, 'exit')
      child.stdin.end()
      await exited
    },
  }
}
