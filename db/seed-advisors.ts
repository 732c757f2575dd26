/**
 * Loads db/data/advisors.json: an advisor missing from the database is added; one already there is
 * left alone, since its hours are managed through the admin routes from then on.
 */
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { AdvisorId, AdvisorSettings } from '../api/contracts/advisors'
import { findAdvisor, putAdvisor } from './advisors'
import type { Db } from './client'
import { DATA_FOLDER } from './seed'

const AdvisorFile = z.object({
  advisors: z.array(AdvisorSettings.extend({ id: AdvisorId })),
})

export async function seedAdvisors(
  db: Db,
  dataFolder = DATA_FOLDER,
  now = new Date().toISOString(),
): Promise<{ added: number; kept: number }> {
  const file = AdvisorFile.parse(JSON.parse(await readFile(`${dataFolder}/advisors.json`, 'utf8')))
  const result = { added: 0, kept: 0 }
  for (const { id, ...settings } of file.advisors) {
    if (await findAdvisor(db, id)) {
      result.kept++
    } else {
      await putAdvisor(db, id, settings, 'seed', now)
      result.added++
    }
  }
  return result
}
