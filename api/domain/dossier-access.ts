/**
 * Who sees which dossiers, in one place: a trainer their own, a company contact those of its
 * organisation's SIRET (only those it was invited to, when a trainer invited it rather than
 * Ganapati making it: a trainer may not open a window on other trainers' dossiers of the same
 * company), staff all. The same scope filters the list query and checks a single dossier, so the
 * two can never disagree. A dossier outside it does not exist for the caller (404). Pure.
 */
import type { Member, MemberRole } from '../contracts/members'

export type DossierScope =
  | { field: 'all' }
  | { field: 'trainerId'; value: string }
  | {
      field: 'companySiret'
      value: string
      /** The member, when it sees only the dossiers it was invited to; null: the whole organisation's. */
      invitedMember: string | null
    }

export const DOSSIER_ACCESS: Record<MemberRole, (member: Member) => DossierScope> = {
  staff: () => ({ field: 'all' }),
  trainer: (member) => ({ field: 'trainerId', value: member.id }),
  company: (member) => ({
    field: 'companySiret',
    value: member.organisation.siret,
    invitedMember: member.organisationWide ? null : member.id,
  }),
}

/** Who opens dossiers (« Valider une session ») and invites a company's contact to one. */
export const DOSSIER_OPENERS: readonly MemberRole[] = ['trainer', 'staff']

export const scopeOf = (member: Member): DossierScope => DOSSIER_ACCESS[member.role](member)

export function canSee(
  scope: DossierScope,
  dossier: { trainerId: string; companySiret: string },
  invited: readonly string[],
): boolean {
  if (scope.field === 'all') return true
  if (dossier[scope.field] !== scope.value) return false
  return (
    scope.field === 'trainerId' ||
    scope.invitedMember === null ||
    invited.includes(scope.invitedMember)
  )
}
