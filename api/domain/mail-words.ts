/** The words of the booking e-mails, one dictionary per language, typed by one interface. Pure. */
import type { CallTime } from './call-time'
import type { Lang } from './reason-text'

export interface MailWords {
  colon: string
  greeting(name: string): string
  subject: {
    confirmed(time: CallTime): string
    reminder(time: CallTime): string
    cancelled(time: CallTime): string
    advisorConfirmed(visitor: string, time: CallTime): string
    advisorCancelled(visitor: string, time: CallTime): string
  }
  lead: {
    confirmed(advisor: string): string
    reminder(advisor: string): string
    cancelled(advisor: string): string
    advisorConfirmed(visitor: string): string
    advisorCancelled(visitor: string): string
  }
  when: string
  localTime(time: CallTime, zone: string): string
  parisTime(time: CallTime): string
  visitorTime(time: CallTime, zone: string): string
  how: string
  phoneCall(advisor: string, phone: string): string
  videoCall: string
  noMode(advisor: string, email: string): string
  advisorPhoneCall(visitor: string, phone: string): string
  advisorVideoCall: string
  advisorNoMode(email: string): string
  email: string
  name: string
  invitation: string
  removal: string
  manage: string
  cancelNow: string
  personalLinks: string
  bookAgain: string
  replyToVisitor: string
  reference: string
  why: string
  privacy: string
}

const range = (time: CallTime, separator: string) =>
  `${time.date}, ${time.from}${separator}${time.to}`

const fr: MailWords = {
  colon: '\u00a0: ',
  greeting: (name) => `Bonjour ${name},`,
  subject: {
    confirmed: (time) => `Rendez-vous confirmé le ${time.date} à ${time.from}`,
    reminder: (time) => `Rappel\u00a0: rendez-vous le ${time.date} à ${time.from}`,
    cancelled: (time) => `Rendez-vous annulé\u00a0: ${time.date} à ${time.from}`,
    advisorConfirmed: (visitor, time) =>
      `Nouveau rendez-vous\u00a0: ${visitor}, ${time.date} à ${time.from}`,
    advisorCancelled: (visitor, time) =>
      `Rendez-vous annulé\u00a0: ${visitor}, ${time.date} à ${time.from}`,
  },
  lead: {
    confirmed: (advisor) => `Votre appel avec ${advisor} est confirmé.`,
    reminder: (advisor) => `Nous vous rappelons votre appel avec ${advisor}.`,
    cancelled: (advisor) => `Votre appel avec ${advisor} est annulé.`,
    advisorConfirmed: (visitor) => `${visitor} a réservé un appel avec vous.`,
    advisorCancelled: (visitor) => `${visitor} a annulé son appel avec vous.`,
  },
  when: 'Quand',
  localTime: (time, zone) => `${range(time, ' – ')}, à votre heure (${zone})`,
  parisTime: (time) => `${range(time, ' – ')}, heure de Paris`,
  visitorTime: (time, zone) => `${range(time, ' – ')} pour le visiteur (${zone})`,
  how: 'Comment',
  phoneCall: (advisor, phone) => `${advisor} vous appellera au ${phone}.`,
  videoCall: 'Par vidéo, à ce lien',
  noMode: (advisor, email) => `${advisor} vous écrira à ${email} pour convenir de l’appel.`,
  advisorPhoneCall: (visitor, phone) => `Appelez ${visitor} au ${phone}.`,
  advisorVideoCall: 'Par vidéo, dans votre salle',
  advisorNoMode: (email) => `Non précisé\u00a0: écrivez au visiteur à ${email}.`,
  email: 'E-mail',
  name: 'Nom',
  invitation: 'L’invitation jointe ajoute l’appel à votre agenda.',
  removal: 'Le fichier joint retire l’appel de votre agenda.',
  manage: 'Revoir ou annuler votre rendez-vous',
  cancelNow: 'Annuler directement',
  personalLinks: 'Ces liens sont personnels\u00a0: ne les transférez pas.',
  bookAgain: 'Prendre un autre rendez-vous',
  replyToVisitor: 'Répondre à cet e-mail écrit au visiteur.',
  reference: 'Référence',
  why: 'Vous recevez cet e-mail parce que vous avez réservé cet appel avec Ganapati.',
  privacy: 'Vos données personnelles\u00a0:',
}

const en: MailWords = {
  colon: ': ',
  greeting: (name) => `Hello ${name},`,
  subject: {
    confirmed: (time) => `Call confirmed on ${time.date} at ${time.from}`,
    reminder: (time) => `Reminder: call on ${time.date} at ${time.from}`,
    cancelled: (time) => `Call cancelled: ${time.date} at ${time.from}`,
    advisorConfirmed: (visitor, time) => `New call: ${visitor}, ${time.date} at ${time.from}`,
    advisorCancelled: (visitor, time) => `Call cancelled: ${visitor}, ${time.date} at ${time.from}`,
  },
  lead: {
    confirmed: (advisor) => `Your call with ${advisor} is confirmed.`,
    reminder: (advisor) => `This is a reminder of your call with ${advisor}.`,
    cancelled: (advisor) => `Your call with ${advisor} is cancelled.`,
    advisorConfirmed: (visitor) => `${visitor} booked a call with you.`,
    advisorCancelled: (visitor) => `${visitor} cancelled their call with you.`,
  },
  when: 'When',
  localTime: (time, zone) => `${range(time, ' – ')}, your time (${zone})`,
  parisTime: (time) => `${range(time, ' – ')}, Paris time`,
  visitorTime: (time, zone) => `${range(time, ' – ')} for the visitor (${zone})`,
  how: 'How',
  phoneCall: (advisor, phone) => `${advisor} will call you on ${phone}.`,
  videoCall: 'By video, at this link',
  noMode: (advisor, email) => `${advisor} will write to you at ${email} to arrange the call.`,
  advisorPhoneCall: (visitor, phone) => `Call ${visitor} on ${phone}.`,
  advisorVideoCall: 'By video, in your room',
  advisorNoMode: (email) => `Not said: write to the visitor at ${email}.`,
  email: 'E-mail',
  name: 'Name',
  invitation: 'The attached invitation adds the call to your calendar.',
  removal: 'The attached file removes the call from your calendar.',
  manage: 'See or cancel your booking',
  cancelNow: 'Cancel now',
  personalLinks: 'These links are personal: do not forward them.',
  bookAgain: 'Book another call',
  replyToVisitor: 'Replying to this e-mail writes to the visitor.',
  reference: 'Reference',
  why: 'You receive this e-mail because you booked this call with Ganapati.',
  privacy: 'Your personal data:',
}

export const MAIL_WORDS: Record<Lang, MailWords> = { fr, en }
