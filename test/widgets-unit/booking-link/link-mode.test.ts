import { describe, expect, it } from 'vitest'
import { linkState } from '../../../widgets/booking-link/link-mode'

describe('linkState', () => {
  it.each([
    ['calendly', 'https://calendly.com/ganapati/appel', 'ready'],
    ['calcom', 'http://cal.example/x', 'ready'],
    ['hubspot', 'https://meetings.hubspot.com/x', 'ready'],
    ['calendly', 'javascript:alert(1)', 'error'],
    ['zoom', 'https://zoom.example/rdv', 'error'],
    [null, 'https://calendly.com/x', 'error'],
    ['calendly', null, 'error'],
  ])('%s and %s → %s', (provider, href, state) => {
    expect(linkState(provider, href)).toBe(state)
  })
})
