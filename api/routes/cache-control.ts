/** HTTP cache lifetimes: reference data changes with a monthly import, company data is per visitor. */
export const REFERENCE_CACHE_CONTROL = 'public, max-age=3600'

export const REFERENCE_JSON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': REFERENCE_CACHE_CONTROL,
}
export const COMPANY_CACHE_CONTROL = 'private, max-age=300'
