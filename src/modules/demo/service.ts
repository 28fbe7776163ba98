import type { Db } from '../../db/connection.js';
import { transactionWithCopy } from '../../db/copy.js';
import type { ContactInput } from '../../shared/schemas/contacts.js';
import { CHANNELS } from '../../shared/enums.js';
import { helplineSnapshot, type HelplineSnapshot } from '../helplines/snapshot.js';
import { insertContactBatch } from '../contacts/service.js';
import { writeAudit } from '../audit/service.js';

/** Contacts per helpline and year in the synthetic demo: the order of size each helpline reports. */
const DEMO_VOLUME: Record<string, number> = { 'rode-kors-telefonen': 140, 'kors-pa-halsen': 23_000 };
const COUNTRIES = ['NO', 'SO', 'PK', 'IQ', 'SY', 'AF', 'RU', 'TR', 'ER', 'MA', 'IR', 'VN', 'PL', 'LK'];

/** A small seeded generator: the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, items: T[], weights?: number[]): T {
  if (!weights) return items[Math.floor(r() * items.length)];
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

function ids(snapshot: HelplineSnapshot, dimension: string) {
  return [...snapshot.categories.values()].filter((c) => c.dimension === dimension);
}

export function demoContacts(snapshot: HelplineSnapshot, year: number, count: number, seed: number, until = new Date()): ContactInput[] {
  const r = rng(seed);
  const who = ids(snapshot, 'who');
  const ages = ids(snapshot, 'age_group');
  const genders = ids(snapshot, 'gender');
  const bodies = ids(snapshot, 'body_type');
  const themes = ids(snapshot, 'theme');
  const channels = CHANNELS.filter((c) => snapshot.channels.includes(c));
  const end = Math.min(until.getTime(), Date.UTC(year + 1, 0, 1));
  const start = Date.UTC(year, 0, 1);
  const out: ContactInput[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + r() * (end - start));
    at.setUTCHours(8 + Math.floor(r() * 8), Math.floor(r() * 60));
    const kind = pick(r, ['first_contact', 'repeat_contact', 'knowledge_request', 'talk_given'] as const, [70, 12, 15, 3]);
    const themeCount = 1 + (r() < 0.35 ? 1 : 0);
    const chosen = new Set<number>();
    while (chosen.size < themeCount && kind !== 'talk_given') chosen.add(pick(r, themes, themes.map((_, k) => 1 / (k + 1))).id);
    out.push({
      helplineId: snapshot.id,
      channel: pick(r, channels, channels.map((c) => (c === 'telephone' ? 6 : 1))),
      kind,
      startedAt: at.toISOString(),
      durationMinutes: 5 + Math.floor(r() * 40),
      whoId: kind === 'knowledge_request' ? null : r() < 0.95 ? pick(r, who, who.map((_, k) => 1 / (k + 1))).id : null,
      ageGroupId: r() < 0.88 ? pick(r, ages).id : null,
      age: null,
      genderId: r() < 0.95 ? pick(r, genders, genders.map((_, k) => 1 / (k + 1) ** 2)).id : null,
      country: r() < 0.45 ? pick(r, ['not_stated', 'not_asked'] as const) : pick(r, COUNTRIES, COUNTRIES.map((_, k) => 1 / (k + 1))),
      bodyTypeId: kind === 'knowledge_request' && bodies.length ? pick(r, bodies).id : null,
      themes: [...chosen].map((themeId) => {
        const subs = [...snapshot.categories.values()].filter((c) => c.parentId === themeId);
        return { themeId, subthemeIds: subs.length && r() < 0.6 ? [pick(r, subs).id] : [] };
      }),
      summary: null,
      outcomes: r() < 0.2 ? ['advice_given', 'follow_up_case'] : ['advice_given'],
      referredToId: null,
    });
  }
  return out;
}

/** Loads a synthetic last year and this year so far, once. Returns how many contacts it added. */
export async function loadDemoData(db: Db, now = new Date()): Promise<number> {
  const already = await db.selectFrom('contacts').select('id').where('source', '=', 'demo').limit(1).executeTakeFirst();
  if (already) return 0;
  let total = 0;
  const year = now.getUTCFullYear();
  // Snapshots first: PGlite has one connection, and the transaction below holds it.
  const snapshots = await Promise.all(Object.keys(DEMO_VOLUME).map((id) => helplineSnapshot(db, id)));
  await transactionWithCopy(db, async (trx, copyIn) => {
    let seed = 1;
    for (const [index, [, perYear]] of Object.entries(DEMO_VOLUME).entries()) {
      const snapshot = snapshots[index];
      if (!snapshot) continue;
      for (const [y, n] of [[year - 1, Math.round(perYear * 0.8)], [year, perYear]] as const) {
        total += await insertContactBatch(copyIn, snapshot, demoContacts(snapshot, y, n, seed++, now), { source: 'demo', createdBy: null });
      }
    }
    await writeAudit(trx, { actorId: null, action: 'demo.load', entity: 'contact', detail: { count: total } });
  });
  return total;
}
