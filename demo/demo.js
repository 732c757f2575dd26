// Demo page behaviour: logs every ganapati-opco-found event, as a partner's analytics would (no inline script: strict CSP).
const log = document.getElementById('event-log')
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'medium' })

document.addEventListener('ganapati-opco-found', (event) => {
  const { opcoId, idcc, siret, confidence } = event.detail
  const entry = document.createElement('li')
  const when = document.createElement('time')
  when.dateTime = new Date().toISOString()
  when.textContent = time.format(new Date())
  const detail = document.createElement('code')
  detail.textContent = JSON.stringify({ opcoId, idcc, siret, confidence })
  entry.append(when, ' ', detail)
  log.querySelector('.event-log__empty')?.remove()
  log.prepend(entry)
})
