/** What every fake server shares: a free port on 127.0.0.1, answers it can hold back, a close that cuts them. */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Loopback {
  url: string
  /** Keeps a response unanswered until it closes or the server does: the « hang » modes. */
  hold(response: ServerResponse): void
  close(): Promise<void>
}

export async function listenOnLoopback(server: Server): Promise<Loopback> {
  const held = new Set<ServerResponse>()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(response) {
      held.add(response)
      response.on('close', () => held.delete(response))
    },
    close: () =>
      new Promise<void>((done) => {
        for (const response of held) response.destroy()
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port just freed by a server that closed. */
export async function unreachableUrl(): Promise<string> {
  const { url, close } = await listenOnLoopback(createServer())
  await close()
  return url
}
