/** The shipped funding rules (db/data/funding-rules.json), validated by their contract. */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { FundingRule } from '../../api/contracts/funding-rules'

export const fundingRules: FundingRule[] = z
  .object({ rules: z.array(FundingRule) })
  .parse(
    JSON.parse(readFileSync(new URL('../../db/data/funding-rules.json', import.meta.url), 'utf8')),
  ).rules
