import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { latestRules, ruleHistory } from '../../db/funding-rules'
import { DATA_FOLDER } from '../../db/seed'
import { seedFundingRules } from '../../db/seed-funding-rules'
import { createTestDatabase } from '../support/test-database'

describe('seedFundingRules', () => {
  it('stores every rule of the file once, and nothing the second time', async () => {
    const { db } = await createTestDatabase({ seed: false })
    const first = await seedFundingRules(db, DATA_FOLDER, '2026-11-01T00:00:00.000Z')
    expect(first).toEqual({ added: 20, revised: 0, unchanged: 0, keptAdmin: 0 })
    expect(await seedFundingRules(db)).toEqual({
      added: 0,
      revised: 0,
      unchanged: 20,
      keptAdmin: 0,
    })
    expect(
      (await latestRules(db)).every((stored) => stored.revision === 1 && stored.origin === 'seed'),
    ).toBe(true)
  })

  it('stores a changed rule of the file as a new revision and keeps the old one', async () => {
    const { db } = await createTestDatabase({ seed: false })
    await seedFundingRules(db)
    const folder = await mkdtemp(join(tmpdir(), 'ganapati-rules-'))
    await cp(DATA_FOLDER, folder, { recursive: true })
    const file = join(folder, 'funding-rules.json')
    const data = JSON.parse(await readFile(file, 'utf8'))
    const participation = data.rules.find(
      (rule: { id: string }) => rule.id === 'participation-employeur-750',
    )
    participation.params.amountCents = 80_000
    await writeFile(file, JSON.stringify(data))
    expect(await seedFundingRules(db, folder)).toMatchObject({ revised: 1, unchanged: 19 })
    const history = await ruleHistory(db, 'participation-employeur-750')
    expect(
      history.map((entry) => [
        entry.revision,
        entry.rule.kind === 'employer-participation' && entry.rule.params.amountCents,
      ]),
    ).toEqual([
      [1, 75_000],
      [2, 80_000],
    ])
  })
})
