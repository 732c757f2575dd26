/** What a funding simulation answers: three amounts, the lines behind them with their sources, and warnings. */
import { z } from 'zod'
import { OpcoId } from './opcos'
import { Scheme } from './funding-rules'

export const Payer = z.enum(['opco', 'employer', 'state'])
export type Payer = z.infer<typeof Payer>

export const SimulationLine = z.object({
  label: z.string(),
  /** Negative for a deduction (the 750 € participation taken off the OPCO's share). */
  amountCents: z.number().int(),
  payer: Payer,
  /** The funding rule the figure comes from; null for a figure the user entered (price, NPEC). */
  ruleId: z.string().nullable(),
  source: z.object({ url: z.string(), date: z.string().nullable() }).nullable(),
})
export type SimulationLine = z.infer<typeof SimulationLine>

export const SimulationResult = z.object({
  scheme: Scheme,
  date: z.string(),
  opcoId: OpcoId.nullable(),
  totalCostCents: z.number().int(),
  /** null when no figure is known for this OPCO and branch: never an invented number. */
  opcoFundingCents: z.number().int().nullable(),
  /** The employer's « reste à charge » on the training; null when the OPCO's share is unknown. */
  employerCostCents: z.number().int().nullable(),
  stateAidCents: z.number().int(),
  lines: z.array(SimulationLine),
  warnings: z.array(z.string()),
})
export type SimulationResult = z.infer<typeof SimulationResult>
