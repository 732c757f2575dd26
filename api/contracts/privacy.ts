/** Public contract of GET /v1/privacy: the notice the booking widget shows under its form. */
import { z } from 'zod'

export const PrivacyQuery = z.strictObject({
  lang: z.enum(['fr', 'en'], { message: 'La langue est fr ou en.' }).default('fr'),
})

export const PrivacyNotice = z.object({
  lang: z.enum(['fr', 'en']),
  /** What is stored, why, for how long, whom to ask: one paragraph to show as is. */
  text: z.string(),
  /** Days after the call before the visitor's details are erased. */
  retentionDays: z.number().int(),
  /** An e-mail address or a page for access, correction and erasure requests. */
  contact: z.string().nullable(),
  /** The full privacy policy, to link under the notice. */
  policyUrl: z.url().nullable(),
})
export type PrivacyNotice = z.infer<typeof PrivacyNotice>
