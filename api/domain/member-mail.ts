/** The sign-in e-mails: a member's own link, and a company contact invited to follow a dossier. French. Pure. */
import type { Member } from '../contracts/members'
import type { QueuedMail } from './queued-mail'

/** Why the reader gets a sign-in e-mail, and what to do if they did not ask for it. */
const SIGN_IN_FOOTER =
  'Vous recevez cet e-mail car une connexion à votre espace Ganapati a été demandée avec votre adresse. Si ce n’est pas vous, ignorez-le : sans ce lien, personne ne peut se connecter.'

export function signInMail(
  member: Member,
  page: string,
  validMinutes: number,
  dossierId: string | null = null,
): QueuedMail {
  return {
    to: { name: member.name, email: member.email },
    subject: 'Votre lien de connexion à Ganapati',
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${member.name},` },
      {
        kind: 'paragraph',
        text: `Voici votre lien de connexion pour suivre vos dossiers de formation. Il est valable ${validMinutes} minutes et ne sert qu’une fois.`,
      },
    ],
    signIn: { page, dossierId, label: 'Me connecter' },
    footer: SIGN_IN_FOOTER,
  }
}

export function invitationMail(
  member: Member,
  invitedBy: Member,
  dossier: { id: string; reference: string; title: string; companyName: string },
  page: string,
  validMinutes: number,
): QueuedMail {
  return {
    to: { name: member.name, email: member.email },
    subject: `Suivez le dossier de formation ${dossier.reference}`,
    blocks: [
      { kind: 'paragraph', text: `Bonjour ${member.name},` },
      {
        kind: 'paragraph',
        text: `${invitedBy.name} vous invite à suivre le dossier de formation « ${dossier.title} » (${dossier.reference}) de ${dossier.companyName} : vous y verrez à chaque étape qui doit agir et avant quelle date, et vous y déposerez l’accord de prise en charge de votre OPCO.`,
      },
      {
        kind: 'paragraph',
        text: `Ce lien ouvre le dossier ; il est valable ${validMinutes} minutes et ne sert qu’une fois. Ensuite, demandez un nouveau lien avec votre adresse e-mail depuis la même page.`,
      },
    ],
    signIn: { page, dossierId: dossier.id, label: 'Ouvrir le dossier' },
    footer: SIGN_IN_FOOTER,
  }
}
