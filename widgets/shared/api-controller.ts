/** The widgets' access to the API as a reactive controller: requests end with the element, reference data is fetched once per page. */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import type { Opco, OpcoList } from '../../api/contracts/opcos'
import { ApiClient, apiBase, scriptOrigin, type Params } from './api-client'

/** An element with an `api` attribute (GanapatiElement). */
export interface ApiHost extends ReactiveControllerHost {
  api: string
}

/**
 * Reference answers (OPCOs, funding rules) by URL, shared by every widget of the page: three
 * widgets naming OPCOs make one GET /v1/opcos. A failure is forgotten, so the next need retries.
 */
const pageCache = new Map<string, Promise<unknown>>()

/**
 * The API client of one element (ApiClient on the host's current `api`): a request's `channel` is
 * one job whose every run aborts the previous one, and every request is aborted when the element
 * leaves the page.
 */
export class ApiController extends ApiClient implements ReactiveController {
  readonly #host: ApiHost

  constructor(host: ApiHost) {
    super(scriptOrigin)
    this.#host = host
    host.addController(this)
  }

  override get base(): string {
    return apiBase(this.#host.api)
  }

  /** A GET of reference data, answered from the page's cache once asked; never aborted, as others may wait on it. */
  cached<T>(path: string, params: Params = {}): Promise<T> {
    const key = this.url(path, params).href
    let answer = pageCache.get(key) as Promise<T> | undefined
    if (!answer) {
      answer = this.get<T>(path, params)
      answer.catch(() => pageCache.delete(key))
      pageCache.set(key, answer)
    }
    return answer
  }

  /** The OPCOs by id, from the page's one GET /v1/opcos per API. */
  async opcos(): Promise<Map<string, Opco>> {
    const { items } = await this.cached<OpcoList>('/v1/opcos')
    return new Map(items.map((opco) => [opco.id, opco]))
  }

  hostDisconnected(): void {
    this.cancel()
  }
}
