/** A minimal OPCO for domain tests: the name everywhere, no links, no flyer wording. */
import type { Opco, OpcoId } from '../../api/contracts/opcos'

export const opcoFixture = (id: OpcoId, name: string): Opco => ({
  id,
  name,
  shortName: name,
  nameInFrenchSentence: name,
  website: null,
  fundingCriteriaUrl: null,
  sectors: '',
  fundingRequest: null,
})
