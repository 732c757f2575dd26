/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package, nodemailer's own): it takes what a
 * client sends over a real socket, logs in a user, and answers as the test asks — accepted, a
 * temporary 451, a permanent 550 for the recipient, a refused login, or a connection dropped once
 * the message is in. Each message received is kept raw, for mailparser to read.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** `ok` 250 · `tempfail` 451 after DATA · `reject` 550 to RCPT TO · `drop` the socket closed after DATA, no reply. */
export type SmtpMode = 'ok' | 'tempfail' | 'reject' | 'drop'

export interface ReceivedMail {
  from: string
  to: string[]
  /** The message exactly as it came after DATA. */
  raw: Buffer
}

export interface FakeSmtpServer {
  /** `smtp://ganapati:secret@127.0.0.1:<port>`: the login the server accepts. */
  url: string
  /** The same server with a password it refuses. */
  wrongPasswordUrl: string
  /** Every message taken in, the dropped ones too, oldest first. */
  messages: ReceivedMail[]
  mode: SmtpMode
  /** A mode for some recipients (a mailbox that does not exist), before the queue. */
  modeFor: ((recipient: string) => SmtpMode | undefined) | null
  /** The next `count` messages get `mode`, then `mode` again. */
  failNext(count: number, mode: SmtpMode): void
  /** Resolves once `count` messages in all have come in. */
  received(count: number): Promise<void>
  close(): Promise<void>
}

const USER = 'ganapati'
const PASSWORD = 'secret'

export async function startFakeSmtpServer(): Promise<FakeSmtpServer> {
  const queue: SmtpMode[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  /** The mode of each session's message, chosen at RCPT TO so DATA answers the same way. */
  const modes = new Map<string, SmtpMode>()

  const fake: FakeSmtpServer = {
    url: '',
    wrongPasswordUrl: '',
    messages: [],
    mode: 'ok',
    modeFor: null,
    failNext(count, mode) {
      for (let index = 0; index < count; index++) queue.push(mode)
    },
    received(count) {
      if (fake.messages.length >= count) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ count, resolve }))
    },
    close: async () => {},
  }

  const server = new SMTPServer({
    logger: false,
    // Plain text on loopback: the client is told no STARTTLS, and may log in without it.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER })
      else
        callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        )
    },
    onRcptTo(address, session, callback) {
      const mode = fake.modeFor?.(address.address) ?? queue.shift() ?? fake.mode
      modes.set(session.id, mode)
      if (mode === 'reject') {
        callback(
          Object.assign(new Error('5.1.1 Recipient address rejected: user unknown'), {
            responseCode: 550,
          }),
        )
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        fake.messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        })
        for (const waiter of waiters.filter((w) => fake.messages.length >= w.count)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
        const mode = modes.get(session.id) ?? 'ok'
        if (mode === 'tempfail') {
          callback(
            Object.assign(new Error('4.3.0 Temporary failure, try again later'), {
              responseCode: 451,
            }),
          )
        } else if (mode === 'drop') {
          // The message is in, the reply never comes: the client cannot know it arrived.
          for (const connection of server.connections) {
            if (connection.id === session.id) connection._socket.destroy()
          }
        } else {
          callback(null, 'Queued')
        }
      })
    },
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const port = (server.server.address() as AddressInfo).port
  fake.url = `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`
  fake.wrongPasswordUrl = `smtp://${USER}:wrong@127.0.0.1:${port}`
  fake.close = () =>
    new Promise<void>((done) => {
      for (const connection of server.connections) connection._socket.destroy()
      server.close(() => done())
    })
  return fake
}
