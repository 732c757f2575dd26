/** Turns the shipped reference files (db/data) into table rows: OPCOs, conventions with their titles, IDCC→OPCO pairs. */
import { padIdcc } from '../api/domain/idcc'
import type { FundingRequest } from '../api/contracts/opcos'
import { parseCsv } from './csv'

export interface OpcoRow {
  id: string
  name: string
  shortName: string
  nameInFrenchSentence: string
  fundingRequest: FundingRequest | null
  labelSiro: string
  siren: string | null
  website: string | null
  fundingCriteriaUrl: string | null
  simulatorUrl: string | null
  sectors: string
}

export interface ConventionRow {
  idcc: string
  title: string | null
  shortTitle: string | null
  legifranceUrl: string | null
}

export interface PairRow {
  idcc: string
  opcoId: string
  siretCount: number
}

export const ESCAPE_CODE_COLUMN = 'is_escape_code'

interface OpcoJson {
  opcos: {
    id: string
    name: string
    short_name: string
    name_in_french_sentence: string
    funding_request: FundingRequest | null
    label_siro: string
    siren?: string | null
    website?: string | null
    criteria_url?: string | null
    simulator_url?: string | null
    sectors: string
  }[]
}

export function opcoRows(opcoJson: string): OpcoRow[] {
  const parsed = JSON.parse(opcoJson) as OpcoJson
  return parsed.opcos.map((opco) => ({
    id: opco.id,
    name: opco.name,
    shortName: opco.short_name,
    nameInFrenchSentence: opco.name_in_french_sentence,
    fundingRequest: opco.funding_request,
    labelSiro: opco.label_siro,
    siren: opco.siren ?? null,
    website: opco.website ?? null,
    fundingCriteriaUrl: opco.criteria_url ?? null,
    simulatorUrl: opco.simulator_url ?? null,
    sectors: opco.sectors,
  }))
}

/** Pairs of real conventions only: escape codes (9999, 9998, 5501, 5100) are not conventions (SIRO dictionary § 2). */
export function pairRows(idccOpcoCsv: string): PairRow[] {
  return parseCsv(idccOpcoCsv)
    .filter((row) => row[ESCAPE_CODE_COLUMN] !== 'true')
    .map((row) => ({
      idcc: padIdcc(row.idcc ?? ''),
      opcoId: row.opco_id ?? '',
      siretCount: Number(row.siret_count),
    }))
}

const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null)

/**
 * Every IDCC that has a label or a pair. The title is the first non-empty of: the ministry list's
 * label, recherche-entreprises' title, the short label, the Légifrance title (rule of SOURCES.md).
 */
export function conventionRows(labelsCsv: string, pairs: PairRow[]): ConventionRow[] {
  const byIdcc = new Map<string, ConventionRow>()
  for (const row of parseCsv(labelsCsv)) {
    const idcc = padIdcc(row.idcc ?? '')
    byIdcc.set(idcc, {
      idcc,
      title:
        nonEmpty(row.libelle_liste_officielle) ??
        nonEmpty(row.titre_api_recherche_entreprises) ??
        nonEmpty(row.libelle_court) ??
        nonEmpty(row.titre_legifrance),
      shortTitle: nonEmpty(row.libelle_court),
      legifranceUrl: nonEmpty(row.url_legifrance),
    })
  }
  for (const pair of pairs) {
    if (!byIdcc.has(pair.idcc))
      byIdcc.set(pair.idcc, { idcc: pair.idcc, title: null, shortTitle: null, legifranceUrl: null })
  }
  return [...byIdcc.values()].sort((a, b) => a.idcc.localeCompare(b.idcc))
}
