// Demo page behaviour: logs every ganapati-* event, as a partner's analytics would (no inline script: strict CSP).
const log = document.getElementById('event-log')
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium' })

function logEvent(name, detail) {
  const entry = document.createElement('li')
  const when = document.createElement('time')
  when.dateTime = new Date().toISOString()
  when.textContent = time.format(new Date())
  const code = document.createElement('code')
  code.textContent = `${name} ${JSON.stringify(detail)}`
  entry.append(when, ' ', code)
  log.querySelector('.event-log__empty')?.remove()
  log.prepend(entry)
}

// The themed finder only shows what theming does: its preset answer is not the visitor's company, so
// it stays out of the page's chain (the simulator and the booking listen on the document).
document
  .querySelector('.finder--partner')
  ?.addEventListener('ganapati-opco-found', (event) => event.stopPropagation())

document.addEventListener('ganapati-opco-found', (event) => {
  const { opcoId, idcc, siret, confidence } = event.detail
  logEvent('ganapati-opco-found', { opcoId, idcc, siret, confidence })
})

// The simulator answers as the visitor types: the log keeps the figures, not every line.
document.addEventListener('ganapati-simulation-change', (event) => {
  const { scheme, opcoFundingCents, employerCostCents, stateAidCents } = event.detail.result
  logEvent('ganapati-simulation-change', {
    scheme,
    opcoFundingCents,
    employerCostCents,
    stateAidCents,
  })
})

// Bookings: the details carry the slot and the booking id, never the visitor's manage token.
for (const name of [
  'ganapati-booking-submitted',
  'ganapati-booking-confirmed',
  'ganapati-booking-failed',
]) {
  document.addEventListener(name, (event) => logEvent(name, event.detail))
}

// The tracker: who signed in by role only (a member's name and e-mail stay out of the log), and the
// dossiers' steps.
document.addEventListener('ganapati-signed-in', (event) =>
  logEvent('ganapati-signed-in', { role: event.detail.member.role }),
)
document.addEventListener('ganapati-signed-out', () => logEvent('ganapati-signed-out', null))
document.addEventListener('ganapati-dossier-change', (event) =>
  logEvent('ganapati-dossier-change', event.detail),
)
