/** Every table of the database, for drizzle and drizzle-kit. */
export * from './reference'
export * from './funding'
export * from './booking'
export * from './health'
export * from './dossier'
