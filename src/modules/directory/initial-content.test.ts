import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/app.js';
import { checkDataSet } from './data-set.js';
import { loadConfig } from '../../config.js';
import { loadInitialDirectory } from './initial-content.js';

/**
 * The directory's initial content (issue 10 point 2): built from the seeds, every organisation and
 * service names the seed and line it comes from, with that line quoted, and the whole set is a
 * valid HSDS 3.0 data set that a fresh install loads once.
 */
type Source = { seed: string; line: number; quote: string };
/** The file a server starts with by default (no DIRECTORY_INITIAL_CONTENT set). */
const DEFAULT_DIRECTORY_FILE = loadConfig({}).directoryInitialContent as string;
const data = JSON.parse(fs.readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8')) as Record<string, Record<string, unknown>[]>;
const sources = JSON.parse(fs.readFileSync(path.join(path.dirname(DEFAULT_DIRECTORY_FILE), 'sources.json'), 'utf8')) as Record<string, Source>;
const SEEDS = path.resolve('../shared/seeds');

describe('the directory\'s initial content', () => {
  it('is a valid HSDS 3.0 data set', () => {
    expect(checkDataSet(data).issues).toEqual([]);
    expect(data.organizations.length).toBeGreaterThanOrEqual(20);
    expect(data.services.length).toBeGreaterThanOrEqual(20);
  });

  it('names the seed and line of every organisation and service, and the quoted line mentions it', () => {
    for (const record of [...data.organizations, ...data.services]) {
      const source = sources[String(record.id)];
      expect(source, String(record.name)).toBeDefined();
      expect(source.seed).toMatch(/^00[0-4]$/);
      const phones = data.phones.filter((p) => p.service_id === record.id || p.organization_id === record.id).map((p) => String(p.number));
      const firstWord = String(record.name).split(/[\s,–-]+/)[0].toLowerCase();
      const quote = source.quote.toLowerCase();
      expect(quote.includes(firstWord) || phones.some((p) => quote.includes(p.toLowerCase())), `${record.name}: «${source.quote}»`).toBe(true);
    }
  });

  it('quotes the seeds as they are, where the seeds are at hand', () => {
    if (!fs.existsSync(SEEDS)) return; // a clone without the seeds beside it: the quotes were checked when written
    const files = fs.readdirSync(SEEDS);
    for (const [id, source] of Object.entries(sources)) {
      const file = files.find((f) => f.startsWith(`${source.seed}_`));
      expect(file, id).toBeDefined();
      const lines = fs.readFileSync(path.join(SEEDS, file!), 'utf8').split('\n');
      expect(lines[source.line - 1]?.trim(), `${id} ${source.seed}:${source.line}`).toBe(source.quote);
    }
  });

  it('says when each service was last verified', () => {
    for (const s of data.services) expect(String(s.assured_date ?? ''), String(s.name)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a fresh install', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t.close(); });

  it('loads the initial content once, and never over a directory coordinators have imported', async () => {
    const counts = await loadInitialDirectory(t.db, DEFAULT_DIRECTORY_FILE);
    expect(counts?.service).toBe(data.services.length);
    const res = await t.app.inject({ method: 'GET', url: '/api/hsds/services?per_page=1' });
    expect(res.json().total_items).toBe(data.services.length);
    // A second start leaves it alone, even after a coordinator emptied the directory.
    await t.db.deleteFrom('directory_records').execute();
    expect(await loadInitialDirectory(t.db, DEFAULT_DIRECTORY_FILE)).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/hsds/services' })).json().total_items).toBe(0);
  });
});
