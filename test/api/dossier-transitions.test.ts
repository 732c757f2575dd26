// Every row of the transition table through the real API: a dossier brought to the row's state (and
// facts) by staff, then the row refused with a stale version (412) and to each other role (403), taken
// by one of its roles (201, the row's next state), and refused once more from there (409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DossierDetail } from '../../api/contracts/dossiers'
import { MEMBER_ROLES } from '../../api/contracts/members'
import { TRANSITIONS, type Transition } from '../../api/domain/dossier-workflow'
import { startFakeCompanyDirectory, type FakeCompanyDirectory } from '../fakes/company-directory'
import { createDossierApp, HOTEL, newDossier, type DossierApp } from '../support/dossier-app'

let directory: FakeCompanyDirectory
beforeAll(async () => {
  directory = await startFakeCompanyDirectory()
  directory.add(HOTEL)
})
afterAll(() => directory.close())

type Step = [type: string, facts?: Record<string, unknown>]

const TO_PEC: Step[] = [['documents_sent'], ['pec_requested']]
const TO_TRAINING: Step[] = [
  ...TO_PEC,
  ['pec_received', { decision: 'accepted' }],
  ['pec_validated'],
  ['training_started'],
]
const TO_PAID: Step[] = [
  ...TO_TRAINING,
  ['training_completed', { hoursDone: 21 }],
  ['invoiced'],
  ['payment_received', { payer: 'opco', amountCents: 189000 }],
]

/** The steps from a new dossier to the row's state, with the facts its condition needs. */
function pathTo(row: Transition): Step[] {
  const decision = row.when?.pecDecision?.[0] ?? 'accepted'
  const paths: Record<Transition['from'], Step[]> = {
    session_validated: [],
    documents_sent: [['documents_sent']],
    pec_requested: TO_PEC,
    pec_received: [...TO_PEC, ['pec_received', { decision }]],
    pec_validated: [...TO_PEC, ['pec_received', { decision: 'accepted' }], ['pec_validated']],
    switched_to_direct: [
      ...TO_PEC,
      ['pec_received', { decision: 'refused' }],
      ['switched_to_direct'],
    ],
    training_started: TO_TRAINING,
    training_completed: [...TO_TRAINING, ['training_completed', { hoursDone: 21 }]],
    invoiced: [...TO_TRAINING, ['training_completed', { hoursDone: 21 }], ['invoiced']],
    paid: TO_PAID,
    trainer_paid: [...TO_PAID, ['trainer_paid']],
    closed: [...TO_PAID, ['trainer_paid'], ['closed']],
    control_requested: [...TO_PAID, ['control_requested']],
    control_answered: [
      ...TO_PAID,
      ...(row.when?.trainerPaid ? ([['trainer_paid']] as Step[]) : []),
      ['control_requested'],
      ['control_answered'],
    ],
    cancelled: [['cancelled', { reason: 'Annulé' }]],
  }
  return paths[row.from]
}

/** Facts the row's own event needs. */
const FACTS: Record<string, Record<string, unknown>> = {
  pec_received: { decision: 'accepted' },
  training_completed: { hoursDone: 21 },
  payment_received: { payer: 'opco', amountCents: 189000 },
  cancelled: { reason: 'Annulé' },
}

async function people(t: DossierApp) {
  return {
    trainer: await t.member('trainer'),
    company: await t.member('company', { siret: HOTEL.siret }),
    staff: await t.member('staff'),
  }
}

const post = (
  t: DossierApp,
  token: string,
  id: string,
  type: string,
  expectedVersion: number,
  facts: Record<string, unknown> = {},
) => t.send('POST', `/v1/dossiers/${id}/events`, { type, expectedVersion, ...facts }, token)

describe.each(TRANSITIONS.map((row) => [`${row.from} —${row.event}→ ${row.to}`, row] as const))(
  'the row %s',
  (_name, row) => {
    it('is refused stale (412) and to other roles (403), taken by its role, then refused from its next state (409)', async () => {
      const t = await createDossierApp({ directory })
      const roles = await people(t)
      const opened = await t.send('POST', '/v1/dossiers', newDossier(), roles.trainer.token)
      let dossier = (await opened.json()) as DossierDetail
      for (const [type, facts] of pathTo(row)) {
        const response = await post(t, roles.staff.token, dossier.id, type, dossier.version, facts)
        expect(response.status, type).toBe(201)
        dossier = (await response.json()) as DossierDetail
      }
      expect(dossier.state).toBe(row.from)
      const facts = FACTS[row.event] ?? {}
      const actor = roles[row.roles[0]!]

      const stale = await post(t, actor.token, dossier.id, row.event, dossier.version + 1, facts)
      expect(stale.status).toBe(412)
      for (const role of MEMBER_ROLES.filter((each) => !row.roles.includes(each))) {
        const refused = await post(
          t,
          roles[role].token,
          dossier.id,
          row.event,
          dossier.version,
          facts,
        )
        expect(refused.status, role).toBe(403)
      }
      const taken = await post(t, actor.token, dossier.id, row.event, dossier.version, facts)
      expect(taken.status).toBe(201)
      const after = (await taken.json()) as DossierDetail
      expect(after).toMatchObject({ state: row.to, version: dossier.version + 1 })
      const again = await post(t, actor.token, dossier.id, row.event, after.version, facts)
      expect(again.status).toBe(409)
      t.client.close()
    })
  },
)
