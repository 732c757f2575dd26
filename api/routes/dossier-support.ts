/** What the dossier routes share: the dossier the caller may see (or the same 404), who opens and invites, the OPCO, the answers. */
import type { Context } from 'hono'
import { visibleDossiers, type DossierRecord } from '../../db/dossiers'
import type { Member } from '../contracts/members'
import type { OpcoId } from '../contracts/opcos'
import { canSee, DOSSIER_OPENERS, scopeOf } from '../domain/dossier-access'
import type { AppEnv } from '../env'
import { ProblemError } from '../middleware/problem'
import { dossierOpco, type DossierOpco } from '../services/dossier-notifications'
import { jsonResponse, NO_STORE_HEADERS } from './json-response'

export const iso = (instant: number) => new Date(instant).toISOString()

export const json = (body: unknown, status = 200) =>
  jsonResponse(JSON.stringify(body), NO_STORE_HEADERS, status)

export const fieldProblem = (pointer: string, detail: string) =>
  new ProblemError('validation-error', detail, { errors: [{ pointer, detail }] })

/** The dossier if the caller may see it; the same 404 whether it exists or not. */
export async function visibleDossier(c: Context<AppEnv>, id: string): Promise<DossierRecord> {
  const scope = scopeOf(c.var.session.member)
  const record = (await visibleDossiers(c.var.db, scope, { id }))[0]
  if (!record || !canSee(scope, record.dossier, record.invited)) {
    throw new ProblemError('unknown-dossier', 'Aucun dossier de ce numéro ne vous est accessible.')
  }
  return record
}

/** Opening a dossier and inviting a company's contact are trainers' and staff's. */
export function mustOpen(member: Member, what: string): void {
  if (!DOSSIER_OPENERS.includes(member.role)) {
    throw new ProblemError('step-not-yours', `Seuls les formateurs et l’équipe Ganapati ${what}.`)
  }
}

export async function opcoOf(c: Context<AppEnv>, id: string): Promise<DossierOpco> {
  return dossierOpco(id, (await c.var.catalog()).opcos.get(id as OpcoId))
}
