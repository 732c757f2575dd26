// Due dates of the dossier workflow: the OPCO's published PEC lead time (AKTO's page) or Ganapati's
// default marked « non publié », Ganapati's service levels, Paris calendar days across both DST
// changes of 2026, and `late` from the injected instant only.
import { describe, expect, it } from 'vitest'
import deadlines from '../../db/data/dossier-deadlines.json'
import {
  DEFAULT_SERVICE_LEVELS,
  nextAction,
  pecLeadTime,
  reminderKind,
  upcomingSteps,
  type DeadlineInput,
} from '../../api/domain/dossier-deadlines'
import type { DossierFacts } from '../../api/domain/dossier-workflow'

const AKTO_PAGE =
  'https://www.akto.fr/financer-une-formation/process-de-depot-de-contrat-en-alternance-dossier-formation'
const facts: DossierFacts = { pecDecision: null, trainerPaid: false, fundingMode: 'subrogation' }
const input = (overrides: Partial<DeadlineInput>): DeadlineInput => ({
  state: 'documents_sent',
  facts,
  training: { startDate: '2026-04-27', endDate: '2026-04-29' },
  opco: { id: 'akto', name: 'AKTO', inSentence: 'AKTO' },
  since: '2026-03-02T09:00:00.000Z',
  ...overrides,
})
const at = (iso: string) => Date.parse(iso)

describe('the PEC lead time', () => {
  it('is AKTO’s published 30 calendar days before the start, through Mon Espace, with its page', () => {
    // Source: AKTO's page, « 30 jours calendaires avant le démarrage de l’action de formation ».
    expect(pecLeadTime('akto', DEFAULT_SERVICE_LEVELS)).toEqual({
      daysBeforeStart: 30,
      published: true,
      portal: 'Mon Espace',
      source: AKTO_PAGE,
    })
  })

  it('is Ganapati’s configurable default, marked as such, for an OPCO that publishes none', () => {
    const lead = pecLeadTime('atlas', {
      ...DEFAULT_SERVICE_LEVELS,
      defaultPecLeadDaysBeforeStart: 21,
    })
    expect(lead).toEqual({
      daysBeforeStart: 21,
      published: false,
      portal: null,
      source: deadlines.serviceLevels.source,
    })
  })

  it('falls, for a start on Monday 27 April (CEST), at the end of 28 March… in CET, the day before clocks go forward', () => {
    const action = nextAction(input({}), DEFAULT_SERVICE_LEVELS, at('2026-03-02T09:00:00Z'))
    expect(action).toEqual({
      actor: 'company',
      action:
        'Déposer la demande de prise en charge auprès d’AKTO (Mon Espace) avant le 28 mars 2026',
      // 2026-04-27 − 30 days = 2026-03-28, which ends at midnight Paris (UTC+1).
      dueAt: '2026-03-28T23:00:00.000Z',
      late: false,
      reason: 'AKTO demande le dépôt 30 jours calendaires avant le début de la formation.',
      source: AKTO_PAGE,
    })
  })

  it('says « non publié » and Ganapati’s default for the OPCO EP, its article in the sentence', () => {
    const action = nextAction(
      input({ opco: { id: 'opco-ep', name: 'OPCO EP', inSentence: 'l’OPCO EP' } }),
      DEFAULT_SERVICE_LEVELS,
      at('2026-03-02T09:00:00Z'),
    )
    expect(action?.reason).toBe(
      `Délai de dépôt non publié par l’OPCO EP\u00a0: échéance par défaut de Ganapati, ${DEFAULT_SERVICE_LEVELS.defaultPecLeadDaysBeforeStart} jours avant le début de la formation.`,
    )
    expect(action?.source).toBe(deadlines.serviceLevels.source)
    expect(action?.action).toBe(
      'Déposer la demande de prise en charge auprès de l’OPCO EP avant le 28 mars 2026',
    )
  })
})

describe('late, computed at the instant asked', () => {
  it.each([
    ['the last second of the due day', '2026-03-28T22:59:59.999Z', false],
    ['midnight in Paris after it', '2026-03-28T23:00:00.000Z', true],
  ])('is %s → late %s', (_label, now, late) => {
    expect(nextAction(input({}), DEFAULT_SERVICE_LEVELS, at(now))?.late).toBe(late)
  })
})

describe('Ganapati’s service levels, in Paris calendar days across DST', () => {
  it.each([
    // Completed at 23:30 in Paris on 28 March (22:30Z, still the 28th in Paris), clocks go forward on
    // the 29th: 3 days later is 31 March, ending at 22:00Z (UTC+2), not 23:00Z.
    ['spring', '2026-03-28T22:30:00.000Z', 3, '2026-03-31T22:00:00.000Z'],
    // Completed at 23:30 in Paris on 24 October (21:30Z), clocks go back on the 25th: 1 day later
    // ends at 23:00Z (UTC+1).
    ['autumn', '2026-10-24T21:30:00.000Z', 1, '2026-10-25T23:00:00.000Z'],
    // 23:30Z on 28 March is already the 29th in Paris: the day counts from there.
    ['a UTC date behind Paris', '2026-03-28T23:30:00.000Z', 1, '2026-03-30T22:00:00.000Z'],
  ])('invoicing due after a completion, %s', (_label, since, days, dueAt) => {
    const action = nextAction(
      input({ state: 'training_completed', since }),
      { ...DEFAULT_SERVICE_LEVELS, invoicingDaysAfterCompletion: days },
      at(since),
    )
    expect(action).toMatchObject({ actor: 'staff', dueAt, late: false })
    expect(action?.source).toBe(deadlines.serviceLevels.source)
  })

  it('expects the certificat de réalisation the configured days after the last training day', () => {
    const action = nextAction(
      input({ state: 'training_started' }),
      { ...DEFAULT_SERVICE_LEVELS, certificateDaysAfterEnd: 2 },
      at('2026-04-28T08:00:00Z'),
    )
    // 29 April + 2 days = 1 May, ending at 22:00Z in CEST.
    expect(action).toMatchObject({ actor: 'trainer', dueAt: '2026-05-01T22:00:00.000Z' })
  })

  it.each([
    ['subrogation', 'opco'],
    ['direct', 'company'],
  ] as const)(
    'sets no date for the funder’s payment (%s: %s pays), never late',
    (fundingMode, actor) => {
      const action = nextAction(
        input({ state: 'invoiced', facts: { ...facts, fundingMode } }),
        DEFAULT_SERVICE_LEVELS,
        at('2030-01-01T00:00:00Z'),
      )
      expect(action).toMatchObject({ actor, dueAt: null, late: false, source: null })
    },
  )

  it.each([['closed'], ['cancelled']] as const)('expects nothing once %s', (state) => {
    expect(nextAction(input({ state }), DEFAULT_SERVICE_LEVELS, 0)).toBeNull()
  })

  it.each([
    ['accepted', 'staff'],
    ['refused', 'company'],
  ] as const)('after a PEC %s, %s acts', (pecDecision, actor) => {
    const action = nextAction(
      input({ state: 'pec_received', facts: { ...facts, pecDecision } }),
      DEFAULT_SERVICE_LEVELS,
      0,
    )
    expect(action?.actor).toBe(actor)
  })
})

describe('reminders', () => {
  const levels = { ...DEFAULT_SERVICE_LEVELS, reminderDaysBeforeDue: 3 }
  const action = nextAction(input({}), levels, 0)
  it.each([
    ['4 days before the due day', '2026-03-24T12:00:00Z', null],
    ['3 days before it (Paris)', '2026-03-25T00:30:00Z', 'near'],
    ['on the due day', '2026-03-28T21:00:00Z', 'near'],
    ['once it has passed', '2026-03-28T23:00:00Z', 'late'],
  ])('%s: %s', (_label, now, kind) => {
    if (!action) throw new Error('no action')
    expect(reminderKind(action, levels, at(now))).toBe(kind)
  })
})

describe('the steps to come', () => {
  it('dates each step of the usual path, counting the earlier ones as done on their due day', () => {
    const steps = upcomingSteps(input({}), DEFAULT_SERVICE_LEVELS)
    expect(steps.map((step) => [step.state, step.actor, step.dueAt])).toEqual([
      // AKTO: 30 days before Monday 27 April.
      ['pec_requested', 'company', '2026-03-28T23:00:00.000Z'],
      // pecAnswerDaysBeforeStart (7) before the start.
      ['pec_received', 'company', '2026-04-20T22:00:00.000Z'],
      // pecValidationDaysAfterReceipt (2) after that.
      ['pec_validated', 'staff', '2026-04-22T22:00:00.000Z'],
      ['training_started', 'trainer', '2026-04-27T22:00:00.000Z'],
      // certificateDaysAfterEnd (5) after Wednesday 29 April.
      ['training_completed', 'trainer', '2026-05-04T22:00:00.000Z'],
      // invoicingDaysAfterCompletion (5).
      ['invoiced', 'staff', '2026-05-09T22:00:00.000Z'],
      // The funder's payment has no date, nor what counts from it.
      ['paid', 'opco', null],
      ['trainer_paid', 'staff', null],
      ['closed', 'staff', null],
    ])
  })

  it('goes through the switch to direct payment after a refused PEC, the company then paying', () => {
    const steps = upcomingSteps(
      input({ state: 'pec_received', facts: { ...facts, pecDecision: 'refused' } }),
      DEFAULT_SERVICE_LEVELS,
    )
    expect(steps.map((step) => [step.state, step.actor])).toEqual([
      ['switched_to_direct', 'company'],
      ['training_started', 'trainer'],
      ['training_completed', 'trainer'],
      ['invoiced', 'staff'],
      ['paid', 'company'],
      ['trainer_paid', 'staff'],
      ['closed', 'staff'],
    ])
  })

  it.each([['closed'], ['cancelled'], ['control_requested']] as const)(
    'is empty in %s',
    (state) => {
      expect(upcomingSteps(input({ state }), DEFAULT_SERVICE_LEVELS)).toEqual([])
    },
  )
})
