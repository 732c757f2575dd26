/**
 * Members, their sign-in links and their sessions. Tokens are never stored: only their SHA-256,
 * looked up by equality. A link is spent and its session written in one transaction, so a link
 * opens one session at most, even when two tabs exchange it at once.
 */
import { and, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm'
import type { Member, NewMember } from '../api/contracts/members'
import { notificationIfChanged, type Notification } from './bookings'
import type { Db } from './client'
import { authLinks, members, memberSessions } from './schema'

type MemberRow = typeof members.$inferSelect
export type QueuedNotification = Omit<Notification, 'topic'> & { topic: string }

export function memberOf(row: MemberRow): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: { siret: row.organisationSiret, name: row.organisationName },
    organisationWide: row.organisationWide,
  }
}

/** Adds a member (organisation-wide unless invited); null when the e-mail already belongs to one. */
export async function insertMember(
  db: Db,
  member: NewMember,
  at: string,
  options: { organisationWide: boolean } = { organisationWide: true },
): Promise<Member | null> {
  const id = crypto.randomUUID()
  const inserted = await db
    .insert(members)
    .values({
      id,
      email: member.email,
      name: member.name,
      role: member.role,
      organisationSiret: member.organisation.siret,
      organisationName: member.organisation.name,
      organisationWide: options.organisationWide,
      createdAt: at,
    })
    .onConflictDoNothing()
    .returning()
  return inserted[0] ? memberOf(inserted[0]) : null
}

export async function findMember(db: Db, id: string): Promise<Member | null> {
  const row = (await db.select().from(members).where(eq(members.id, id)).limit(1))[0]
  return row ? memberOf(row) : null
}

/** Members by role and organisation (either may be left out), in e-mail order. */
export async function listMembers(
  db: Db,
  filter: { role?: Member['role']; siret?: string },
): Promise<Member[]> {
  const rows = await db
    .select()
    .from(members)
    .where(
      and(
        filter.role ? eq(members.role, filter.role) : undefined,
        filter.siret ? eq(members.organisationSiret, filter.siret) : undefined,
      ),
    )
    .orderBy(members.email)
  return rows.map(memberOf)
}

export async function findMemberByEmail(db: Db, email: string): Promise<Member | null> {
  const row = (await db.select().from(members).where(eq(members.email, email)).limit(1))[0]
  return row ? memberOf(row) : null
}

/** Stores a sign-in link and queues the e-mail carrying it, together. */
export async function insertAuthLink(
  db: Db,
  link: { tokenHash: string; memberId: string; expiresAt: string; at: string },
  mail: QueuedNotification,
): Promise<void> {
  await db.batch([
    db.insert(authLinks).values({
      tokenHash: link.tokenHash,
      memberId: link.memberId,
      expiresAt: link.expiresAt,
      createdAt: link.at,
    }),
    notificationIfChanged(db, mail),
  ])
}

/**
 * Spends an unused, unexpired link and opens a session for its member, in one transaction; the
 * member, or null when the link is unknown, spent or expired.
 */
export async function exchangeAuthLink(
  db: Db,
  linkHash: string,
  session: { tokenHash: string; expiresAt: string; at: string },
): Promise<Member | null> {
  const [, opened] = await db.batch([
    db
      .update(authLinks)
      .set({ usedAt: session.at })
      .where(
        and(
          eq(authLinks.tokenHash, linkHash),
          isNull(authLinks.usedAt),
          gt(authLinks.expiresAt, session.at),
        ),
      ),
    db.run(sql`
      insert into ${memberSessions} (token_hash, member_id, expires_at, created_at)
      select ${session.tokenHash}, member_id, ${session.expiresAt}, ${session.at}
      from ${authLinks} where token_hash = ${linkHash} and changes() = 1`),
  ])
  if (opened.rowsAffected !== 1) return null
  const row = await db
    .select({ memberId: authLinks.memberId })
    .from(authLinks)
    .where(eq(authLinks.tokenHash, linkHash))
  return row[0] ? findMember(db, row[0].memberId) : null
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; memberId: string; expiresAt: string; at: string },
): Promise<void> {
  await db.insert(memberSessions).values({
    tokenHash: session.tokenHash,
    memberId: session.memberId,
    expiresAt: session.expiresAt,
    createdAt: session.at,
  })
}

/** The member of a live session (neither expired nor revoked at `now`). */
export async function sessionMember(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<Member | null> {
  const row = (
    await db
      .select({ member: members })
      .from(memberSessions)
      .innerJoin(members, eq(members.id, memberSessions.memberId))
      .where(
        and(
          eq(memberSessions.tokenHash, tokenHash),
          isNull(memberSessions.revokedAt),
          gt(memberSessions.expiresAt, now),
        ),
      )
      .limit(1)
  )[0]
  return row ? memberOf(row.member) : null
}

export async function revokeSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db
    .update(memberSessions)
    .set({ revokedAt: at })
    .where(and(eq(memberSessions.tokenHash, tokenHash), isNull(memberSessions.revokedAt)))
}

/**
 * Forgets links and sessions that can no longer open anything: expired, spent or revoked. Only
 * hashes are stored, but a table of dead hashes is no use to anyone.
 */
export async function purgeDeadTokens(db: Db, now: string): Promise<number> {
  const [links, sessions] = await db.batch([
    db.delete(authLinks).where(or(lte(authLinks.expiresAt, now), isNotNull(authLinks.usedAt))),
    db
      .delete(memberSessions)
      .where(or(lte(memberSessions.expiresAt, now), isNotNull(memberSessions.revokedAt))),
  ])
  return links.rowsAffected + sessions.rowsAffected
}
