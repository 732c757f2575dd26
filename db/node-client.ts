/** Opens a libSQL database from Node: creates the folder of a `file:` database first, since libSQL will not. */
import { createClient, type Client } from '@libsql/client'
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

function filePath(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length).split('?')[0] ?? ''
  return path === '' || path === ':memory:' ? null : path
}

export async function openNodeDatabase(url: string, authToken?: string): Promise<Client> {
  const path = filePath(url)
  if (path) await mkdir(dirname(resolve(path)), { recursive: true })
  return createClient({ url, authToken })
}
