// The transition table, one row, one case: its roles may record it, the others may not, and from any
// state it does not start from it is refused with the steps that are possible there.
import { describe, expect, it } from 'vitest'
import { BEFORE_TRAINING, DOSSIER_STATES, type DossierState } from '../../api/contracts/dossiers'
import { MEMBER_ROLES } from '../../api/contracts/members'
import {
  checkStep,
  factsOf,
  TRANSITIONS,
  transitionsFrom,
  type DossierFacts,
  type Transition,
} from '../../api/domain/dossier-workflow'

/** Facts under which the row applies. */
function factsFor(row: Transition): DossierFacts {
  return {
    pecDecision: row.when?.pecDecision?.[0] ?? 'accepted',
    trainerPaid: row.when?.trainerPaid ?? false,
    fundingMode: 'subrogation',
  }
}

const rows = TRANSITIONS.map((row) => [`${row.from} —${row.event}→ ${row.to}`, row] as const)

describe('TRANSITIONS', () => {
  it.each(rows)('%s: each of its roles may record it', (_name, row) => {
    for (const role of row.roles) {
      expect(checkStep(row.from, factsFor(row), row.event, role)).toEqual({ ok: true, to: row.to })
    }
  })

  it.each(rows)('%s: any other role is refused, told whose step it is', (_name, row) => {
    for (const role of MEMBER_ROLES.filter((r) => !row.roles.includes(r))) {
      expect(checkStep(row.from, factsFor(row), row.event, role)).toEqual({
        ok: false,
        refusal: 'role',
        roles: row.roles,
      })
    }
  })

  it.each(rows)(
    '%s: from a state it does not start from, refused naming the possible steps',
    (_name, row) => {
      const facts = factsFor(row)
      const elsewhere = DOSSIER_STATES.filter(
        (state) => !transitionsFrom(state, facts).some((other) => other.event === row.event),
      )
      expect(elsewhere.length).toBeGreaterThan(0)
      for (const state of elsewhere) {
        expect(checkStep(state, facts, row.event, 'staff')).toEqual({
          ok: false,
          refusal: 'state',
          allowed: transitionsFrom(state, facts).map((other) => other.event),
        })
      }
    },
  )

  it('has one row per state and event at most, and every state but the finished ones has a way out', () => {
    const keys = TRANSITIONS.map((row) => `${row.from} ${row.event} ${JSON.stringify(row.when)}`)
    expect(new Set(keys).size).toBe(keys.length)
    const leaving = new Set(TRANSITIONS.map((row) => row.from))
    expect(DOSSIER_STATES.filter((state) => !leaving.has(state))).toEqual(['cancelled'])
  })
})

describe('the seeds’ rules', () => {
  const facts = (overrides: Partial<DossierFacts> = {}): DossierFacts => ({
    pecDecision: null,
    trainerPaid: false,
    fundingMode: 'subrogation',
    ...overrides,
  })

  it.each(DOSSIER_STATES.map((state) => [state] as const))(
    'cancelled from %s only if the training has not started',
    (state: DossierState) => {
      const outcome = checkStep(state, facts({ pecDecision: 'refused' }), 'cancelled', 'trainer')
      expect(outcome.ok).toBe((BEFORE_TRAINING as readonly DossierState[]).includes(state))
    },
  )

  it.each([
    ['accepted', ['pec_validated', 'cancelled']],
    ['partial', ['switched_to_direct', 'cancelled']],
    ['refused', ['switched_to_direct', 'cancelled']],
  ] as const)('a PEC %s leads to %j', (decision, events) => {
    expect(
      transitionsFrom('pec_received', facts({ pecDecision: decision })).map((row) => row.event),
    ).toEqual(events)
  })

  it('opens a control only once the funder has paid, and answering it returns to the trainer’s payment or the close', () => {
    const before = DOSSIER_STATES.filter((state) =>
      transitionsFrom(state, facts()).some((row) => row.event === 'control_requested'),
    )
    expect(before).toEqual(['paid', 'trainer_paid', 'closed'])
    expect(transitionsFrom('control_answered', facts()).map((row) => row.event)).toEqual([
      'trainer_paid',
    ])
    expect(
      transitionsFrom('control_answered', facts({ trainerPaid: true })).map((row) => row.event),
    ).toEqual(['closed'])
  })

  it('reads the PEC decision, the trainer’s payment and a switch to direct payment from the history', () => {
    expect(
      factsOf('subrogation', [
        { type: 'pec_received', data: { decision: 'refused' } },
        { type: 'switched_to_direct', data: {} },
        { type: 'trainer_paid', data: {} },
      ]),
    ).toEqual({ pecDecision: 'refused', trainerPaid: true, fundingMode: 'direct' })
  })
})
