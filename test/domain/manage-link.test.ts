import { describe, expect, it } from 'vitest'
import { cancelPageLink, manageLink, managePage } from '../../api/domain/manage-link'

const PUBLIC = 'https://widgets.ganapati.fr'
const ALLOWED = ['https://www.partenaire.fr']
const ID = '91575419-5ac4-4ba6-8b0a-eb3512b2cbfe'
const TOKEN = '34MF3J7BlLPwk-M_XxHemsvg941lbBr_Ld_9Fb0i9zc'

describe('managePage', () => {
  it.each([
    ['no page', undefined, 'https://widgets.ganapati.fr/'],
    [
      'a page of PUBLIC_URL',
      'https://widgets.ganapati.fr/demo?x=1',
      'https://widgets.ganapati.fr/demo?x=1',
    ],
    [
      'an allowed partner page, its fragment dropped',
      'https://www.partenaire.fr/financer#simulateur',
      'https://www.partenaire.fr/financer',
    ],
    [
      'a page of a single-page app, its hash route kept',
      'https://www.partenaire.fr/#/financer?offre=1',
      'https://www.partenaire.fr/#/financer?offre=1',
    ],
    ['another origin', 'https://phishing.example/ganapati', 'https://widgets.ganapati.fr/'],
    [
      'the allowed host on another scheme',
      'http://www.partenaire.fr/financer',
      'https://widgets.ganapati.fr/',
    ],
    [
      'the allowed host on another port',
      'https://www.partenaire.fr:8443/financer',
      'https://widgets.ganapati.fr/',
    ],
    [
      'credentials in the address',
      'https://user:pw@www.partenaire.fr/',
      'https://widgets.ganapati.fr/',
    ],
    ['no URL at all', 'www.partenaire.fr', 'https://widgets.ganapati.fr/'],
  ])('%s → %s', (_case, page, expected) => {
    expect(managePage(page, PUBLIC, ALLOWED)).toBe(expected)
  })
})

describe('manageLink and cancelPageLink', () => {
  it('puts the booking in the fragment, which no server and no Referer ever sees', () => {
    expect(manageLink('https://www.partenaire.fr/financer?offre=1', ID, TOKEN)).toBe(
      `https://www.partenaire.fr/financer?offre=1#ganapati-booking=${ID}.${TOKEN}`,
    )
  })

  it('puts the booking in the query of a hash route, so the app’s router finds its page', () => {
    expect(manageLink('https://www.partenaire.fr/#/contact', ID, TOKEN)).toBe(
      `https://www.partenaire.fr/#/contact?ganapati-booking=${ID}.${TOKEN}`,
    )
    expect(manageLink('https://www.partenaire.fr/#!/contact?tab=2', ID, TOKEN)).toBe(
      `https://www.partenaire.fr/#!/contact?tab=2&ganapati-booking=${ID}.${TOKEN}`,
    )
  })

  it('leads to the page on PUBLIC_URL that asks before cancelling', () => {
    expect(cancelPageLink(PUBLIC, ID, TOKEN)).toBe(
      `https://widgets.ganapati.fr/bookings/${ID}/cancel?token=${TOKEN}`,
    )
  })
})
