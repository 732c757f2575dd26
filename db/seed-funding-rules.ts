/**
 * Loads db/data/funding-rules.json into funding_rules: a rule new or changed in the file gets a new
 * revision; a rule an admin changed since is left alone (the admin's revision stays in force).
 */
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { FundingRule } from '../api/contracts/funding-rules'
import type { Db } from './client'
import { latestRules, putRule, sameRule } from './funding-rules'
import { DATA_FOLDER } from './seed'

export interface FundingSeedResult {
  added: number
  revised: number
  unchanged: number
  /** Rules of the file left alone because an admin revised them since. */
  keptAdmin: number
}

export async function seedFundingRules(
  db: Db,
  dataFolder = DATA_FOLDER,
  now = new Date().toISOString(),
): Promise<FundingSeedResult> {
  const file = z
    .object({ rules: z.array(FundingRule) })
    .parse(JSON.parse(await readFile(`${dataFolder}/funding-rules.json`, 'utf8')))
  const latest = new Map((await latestRules(db)).map((stored) => [stored.rule.id, stored]))
  const result: FundingSeedResult = { added: 0, revised: 0, unchanged: 0, keptAdmin: 0 }
  for (const rule of file.rules) {
    const stored = latest.get(rule.id)
    if (!stored) {
      await putRule(db, rule, 'seed', now)
      result.added++
    } else if (stored.origin === 'admin') {
      result.keptAdmin++
    } else if (sameRule(stored.rule, rule)) {
      result.unchanged++
    } else {
      await putRule(db, rule, 'seed', now)
      result.revised++
    }
  }
  return result
}
