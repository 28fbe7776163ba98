/**
 * One limit for all the public, read-only routes together (the find-help page's directory search,
 * HSDS API, rights guide and checklists), per address: a scraper cannot multiply its allowance by
 * the number of routes. 600 a minute leaves room for a reception centre or a school where many
 * people share one address, each loading a page that asks a few routes.
 */
export const PUBLIC_READS_LIMIT = { max: 600, timeWindow: '1 minute', groupId: 'public-reads' };
