// Node side of the workerd suite: a migrated, seeded libSQL file served over HTTP for the Worker to query.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// The plugin resolves this project's imports with workerd conditions, even here in Node, and the
// bare '@libsql/client' would then be the web client, which refuses file: URLs.
import { createClient } from '@libsql/client/node'
import type { TestProject } from 'vitest/node'
import { migrateDatabase } from '../../db/migrate'
import { createDb } from '../../db/client'
import { seedReferenceData } from '../../db/seed'
import { seedFundingRules } from '../../db/seed-funding-rules'
import { seedAdvisors } from '../../db/seed-advisors'
import { BREVO_TEST_KEY, startFakeBrevoApi } from '../fakes/brevo-api'
import { startFakeCompanyDirectory } from '../fakes/company-directory'
import { startLibsqlServer } from '../fakes/libsql-server'

/** The company the dossier walk opens a file for: a hotel-restaurant (IDCC 1979, HCR: AKTO). */
export const WORKERS_HOTEL = { siret: '12345678000014', name: 'HÔTEL DU PORT', idcc: ['1979'] }

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    brevoUrl: string
    brevoKey: string
    companyDirectoryUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'ganapati-workers-'))
  const path = join(dir, 'ganapati.db')
  const client = createClient({ url: `file:${path}` })
  try {
    await migrateDatabase(client)
    await seedReferenceData(client)
    await seedFundingRules(createDb(client))
    await seedAdvisors(createDb(client))
  } catch (error) {
    client.close()
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  client.close()
  const server = await startLibsqlServer({ path })
  project.provide('databaseUrl', server.url)
  // The Worker sends its e-mails through Brevo's API: here, a fake of it on 127.0.0.1.
  const brevo = await startFakeBrevoApi()
  project.provide('brevoUrl', brevo.url)
  project.provide('brevoKey', BREVO_TEST_KEY)
  // Dossiers find their company through recherche-entreprises: here, a fake of it on 127.0.0.1.
  const directory = await startFakeCompanyDirectory()
  directory.add(WORKERS_HOTEL)
  project.provide('companyDirectoryUrl', directory.url)
  return async () => {
    await directory.close()
    await brevo.close()
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
}
