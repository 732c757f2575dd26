/** Reading and writing funding rules: the latest revision of each rule, and a new revision per change. */
import { sql } from 'drizzle-orm'
import { FundingRule } from '../api/contracts/funding-rules'
import type { Db } from './client'
import { fundingRules } from './schema'

export type RuleOrigin = 'seed' | 'admin'

export interface StoredRule {
  rule: FundingRule
  revision: number
  origin: RuleOrigin
  createdAt: string
}

type Row = typeof fundingRules.$inferSelect

function toStored(row: Row): StoredRule {
  const rule = FundingRule.parse({
    id: row.id,
    kind: row.kind,
    scheme: row.scheme,
    opcoId: row.opcoId,
    idcc: row.idcc,
    branch: row.branch,
    validFrom: row.validFrom,
    validTo: row.validTo,
    params: row.params,
    source: row.source,
    note: row.note,
  })
  return {
    rule,
    revision: row.revision,
    origin: row.origin as RuleOrigin,
    createdAt: row.createdAt,
  }
}

/** The latest revision of every rule. */
export async function latestRules(db: Db): Promise<StoredRule[]> {
  const rows = await db
    .select()
    .from(fundingRules)
    .where(
      sql`${fundingRules.revision} = (select max(r.revision) from ${fundingRules} r where r.id = ${fundingRules.id})`,
    )
    .orderBy(fundingRules.id)
  return rows.map(toStored)
}

/** Every revision of one rule, oldest first. */
export async function ruleHistory(db: Db, id: string): Promise<StoredRule[]> {
  const rows = await db
    .select()
    .from(fundingRules)
    .where(sql`${fundingRules.id} = ${id}`)
    .orderBy(fundingRules.revision)
  return rows.map(toStored)
}

/**
 * Stores a rule as a new revision of its id, numbered in the same statement, so two writers never
 * get the same revision (the primary key would refuse the second).
 */
export async function putRule(
  db: Db,
  rule: FundingRule,
  origin: RuleOrigin,
  now: string,
): Promise<number> {
  const [row] = await db.all<{ revision: number }>(sql`
    insert into ${fundingRules} (id, revision, kind, scheme, opco_id, idcc, branch, valid_from, valid_to, params, source, note, origin, created_at)
    select ${rule.id}, coalesce(max(revision), 0) + 1, ${rule.kind}, ${rule.scheme}, ${rule.opcoId},
      ${rule.idcc === null ? null : JSON.stringify(rule.idcc)}, ${rule.branch}, ${rule.validFrom}, ${rule.validTo},
      ${JSON.stringify(rule.params)}, ${JSON.stringify(rule.source)}, ${rule.note}, ${origin}, ${now}
    from ${fundingRules} where id = ${rule.id}
    returning revision`)
  if (!row) throw new Error(`rule ${rule.id} was not stored`)
  return row.revision
}

/** Same figures, scope, dates, source and note: nothing to store. */
export function sameRule(a: FundingRule, b: FundingRule): boolean {
  return JSON.stringify(FundingRule.parse(a)) === JSON.stringify(FundingRule.parse(b))
}
