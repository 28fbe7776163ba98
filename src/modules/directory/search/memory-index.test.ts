import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { importDataSet } from '../data-set.js';
import { editService } from '../edit.js';
import { rebuildOutdatedSearchRows } from './build-index.js';
import { DirectoryIndex, nameKey, postingWeight } from './memory-index.js';
import { searchServices } from './search.js';
import { searchFilters } from './filters.js';

/**
 * Each node ranks on its own copy of the search index (decision 0036). What a user must never
 * notice: a node that answers from an old copy. NOAS gives free legal aid to asylum seekers
 * (seed 004 l. 11814); JussBuss is open for legal advice on Tuesdays (004 l. 1936).
 */
const NOAS = 'd344cbc0-1f47-5d00-9c00-b730b3a38cf7';
const ROSA = '5911b763-0453-540a-8726-db0fbaf3af62';
type DataSet = Record<string, Record<string, unknown>[]>;

let t: TestApp;
let base: DataSet;
beforeAll(async () => {
  t = await testApp();
  base = JSON.parse(fs.readFileSync(loadConfig({}).directoryInitialContent!, 'utf8')) as DataSet;
  await importDataSet(t.db, null, base);
});
afterAll(() => t.close());

const ids = async (node: DirectoryIndex, q: string) => (await searchServices(t.db, { q, limit: 50 }, new Date(), node)).results.map((h) => h.id);

describe('a node\'s copy of the directory search index', () => {
  it('finds at once what another node saved, and stops finding what an import removed', async () => {
    const first = new DirectoryIndex();
    expect((await ids(first, 'rådgivning tirsdager')).slice(0, 1)).not.toEqual([NOAS]);

    // Saved through the database only, as another node saves it: this node is told nothing.
    const user = await t.as('coordinator');
    const saved = await t.db.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', NOAS).executeTakeFirstOrThrow();
    await editService(t.db, user.id, NOAS, {
      name: 'NOAS – rettshjelp for asylsøkere', description: 'Gratis juridisk rådgivning for asylsøkere. Åpen rådgivning på tirsdager.',
      eligibility_description: null, application_process: null, fees_description: null, url: null, email: null, minimum_age: null, maximum_age: null,
      phones: [{ number: '22 36 56 60', description: null }], verified: true, last_modified: (saved.doc.last_modified as string | undefined) ?? null,
    });
    expect((await ids(first, 'rådgivning tirsdager'))[0]).toBe(NOAS);

    // A node that reads everything afresh ranks exactly as the one that read only the change.
    const fresh = new DirectoryIndex();
    for (const q of ['rådgivning tirsdager', 'gratis advokat for asylsøker', 'hjelp', 'leksehjelp bergen']) expect(await ids(fresh, q)).toEqual(await ids(first, q));

    // An import without NOAS: gone from both, from the search and from browsing, and from the
    // filters' counts (the services tagged "Juridisk hjelp" in the data set imported).
    const without = Object.fromEntries(Object.entries(base).map(([kind, rows]) => [kind, Array.isArray(rows) ? rows.filter((r) => r.id !== NOAS && r.service_id !== NOAS && r.link_id !== NOAS) : rows]));
    const legal = (data: DataSet) => {
      const term = data.taxonomy_terms.find((x) => x.code === 'juridisk')!.id;
      return new Set(data.attributes.filter((a) => a.taxonomy_term_id === term && a.link_type === 'need').map((a) => a.link_id)).size;
    };
    const legalCount = async () => (await searchFilters(t.db)).needs.find((n) => n.code === 'juridisk')?.services;
    expect(await legalCount()).toBe(legal(base));
    await importDataSet(t.db, null, without);
    expect(await legalCount()).toBe(legal(without));
    expect(legal(without)).toBe(legal(base) - 1);
    for (const node of [first, fresh]) {
      expect(await ids(node, 'noas rettshjelp asylsøkere')).not.toContain(NOAS);
      const all = await searchServices(t.db, { limit: 200 }, new Date(), node);
      expect(all.total).toBe(base.services.length - 1);
      expect(all.results.map((h) => h.id)).not.toContain(NOAS);
    }
  });

  it('loses no edit saved while it reads the whole index', async () => {
    const node = new DirectoryIndex();
    const saved = await t.db.selectFrom('directory_records').select('doc').where('kind', '=', 'service').where('id', '=', ROSA).executeTakeFirstOrThrow();
    const user = await t.as('coordinator');
    // The reading and the save run at once; which statement comes first is up to the database.
    await Promise.all([
      node.current(t.db),
      editService(t.db, user.id, ROSA, {
        name: 'ROSA – hjelp for utsatte for menneskehandel', description: 'Døgnåpent hjelpetilbud. Nytt: veiledning på tigrinja.',
        eligibility_description: null, application_process: null, fees_description: null, url: null, email: null, minimum_age: null, maximum_age: null,
        phones: [{ number: '22 33 11 60', description: null }], verified: true, last_modified: (saved.doc.last_modified as string | undefined) ?? null,
      }),
    ]);
    expect((await ids(node, 'veiledning tigrinja'))[0]).toBe(ROSA);
  });

  it('builds again, once, search rows written before they kept their cards', async () => {
    await sql`UPDATE directory_search SET card = '{}'::jsonb, terms = ''`.execute(t.db);
    expect(await rebuildOutdatedSearchRows(t.db)).toBe(true);
    expect(await rebuildOutdatedSearchRows(t.db)).toBe(false);
    const hit = (await searchServices(t.db, { q: 'menneskehandel', limit: 5 }, new Date(), new DirectoryIndex())).results.find((h) => h.name.startsWith('ROSA'));
    expect(hit?.phones.map((p) => p.number)).toContain('22 33 11 60');
  });
});

describe('ranking and order', () => {
  it('weighs a word by the fields it stands in: a name fully, a description least, each repeat a little more', () => {
    expect(postingWeight('A')).toBe(1);
    expect(postingWeight('C')).toBeCloseTo(0.3);
    expect(postingWeight('CA')).toBeCloseTo(1 + 0.3 / 4);
    expect(postingWeight('AAC')).toBeCloseTo(1 + 1 / 4 + 0.3 / 9);
  });

  it('sorts names as the Norwegian and Danish alphabets do: æ, ø, å after z, and aa as å', () => {
    const names = ['Ålesund', 'Øyeblikk', 'Zebra', 'Ærlig', 'Aktiv', 'Éclair', 'Aalborg', 'Århus', 'Abel', 'Über', 'Ulf', 'Yngve'];
    expect([...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : 1))).toEqual(['Abel', 'Aktiv', 'Éclair', 'Ulf', 'Über', 'Yngve', 'Zebra', 'Ærlig', 'Øyeblikk', 'Aalborg', 'Ålesund', 'Århus']);
  });
});
