import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { freshDb } from '../../test/db.js';
import { RK } from '../../test/app.js';
import { categoryIds } from '../../test/taxonomy.js';
import type { ContactInput } from '../../shared/schemas/contacts.js';
import { AppError } from '../../server/errors.js';
import { helplineSnapshot, type HelplineSnapshot } from '../helplines/snapshot.js';
import { readTable } from './read-table.js';
import { validateRows, type RowError } from './validate-rows.js';
import { csvOf, rkRow, type Row } from './test-files.js';

// Cells of an import file as docs/import-format.md describes them, read and checked as the import
// route does (read-table, then validate-rows) against Røde Kors-telefonen's categories in a fresh
// database; only the writing is left out, so each case takes milliseconds.
let db: Db;
let drop: () => Promise<void>;
let snapshot: HelplineSnapshot;
let id: (key: string) => number;

beforeAll(async () => {
  ({ db, drop } = await freshDb());
  snapshot = (await helplineSnapshot(db, RK))!;
  id = await categoryIds(db, RK);
});
afterAll(() => drop());

/** The contacts a file would import, or the errors it is refused with. */
async function check(file: Buffer): Promise<{ contacts: ContactInput[] } | { errors: RowError[] }> {
  const table = await readTable(file, 'csv', 1000);
  const contacts: ContactInput[] = [];
  try {
    await validateRows(table, snapshot, 'nb', (chunk) => { contacts.push(...chunk); });
    return { contacts };
  } catch (err) {
    if (err instanceof AppError && err.code === 'import_invalid') return { errors: (err.details as { errors: RowError[] }).errors };
    throw err;
  }
}

const one = async (row: Row) => {
  const result = await check(csvOf([row]));
  if (!('contacts' in result)) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.contacts[0];
};
const errorsOf = async (...rows: Row[]) => {
  const result = await check(csvOf(rows));
  if (!('errors' in result)) throw new Error('imported');
  return result.errors;
};

describe('cells of an imported row', () => {
  it('imports the documented example row as the contact it describes', async () => {
    expect(await one(rkRow())).toEqual({
      helplineId: RK, channel: 'telephone', kind: 'first_contact', startedAt: '2021-03-04T09:15:00.000Z', durationMinutes: 20,
      whoId: id('who:family'), ageGroupId: id('age_group:under_18'), age: 16, genderId: id('gender:kvinne'), country: 'PK',
      bodyTypeId: id('body_type:school'),
      themes: [
        { themeId: id('theme:tvangsekteskap'), subthemeIds: [id('subtheme:te_planlagt'), id('subtheme:te_utfrysning')] },
        { themeId: id('theme:negativ_sosial_kontroll'), subthemeIds: [] },
      ],
      summary: 'Ringte om søster.', outcomes: ['advice_given', 'referred'], referredToId: id('body_type:police'),
    });
  });

  it('reads codes, channels, kinds and outcomes whatever their case', async () => {
    const contact = await one(rkRow({
      channel: 'Telephone', kind: 'FIRST_CONTACT', who: 'Family', age_group: 'UNDER_18', gender: 'Kvinne', body_type: 'SCHOOL',
      themes: 'Tvangsekteskap(TE_PLANLAGT)', outcomes: 'Advice_Given | REFERRED', referred_to: 'Police',
    }));
    expect(contact).toMatchObject({
      channel: 'telephone', kind: 'first_contact', whoId: id('who:family'), ageGroupId: id('age_group:under_18'), genderId: id('gender:kvinne'),
      bodyTypeId: id('body_type:school'), themes: [{ themeId: id('theme:tvangsekteskap'), subthemeIds: [id('subtheme:te_planlagt')] }],
      outcomes: ['advice_given', 'referred'], referredToId: id('body_type:police'),
    });
  });

  it('reads country as a code in any case, not_stated and not_asked, and empty as not_asked', async () => {
    expect((await one(rkRow({ country: 'pk' }))).country).toBe('PK');
    expect((await one(rkRow({ country: 'NOT_STATED' }))).country).toBe('not_stated');
    expect((await one(rkRow({ country: 'Not_Asked' }))).country).toBe('not_asked');
    expect((await one(rkRow({ country: '' }))).country).toBe('not_asked');
  });

  it('leaves empty cells as "not stated"', async () => {
    const contact = await one({ date_time: '2021-03-04 10:15', channel: 'chat', kind: 'repeat_contact' });
    expect(contact).toEqual({
      helplineId: RK, channel: 'chat', kind: 'repeat_contact', startedAt: '2021-03-04T09:15:00.000Z', durationMinutes: null,
      whoId: null, ageGroupId: null, age: null, genderId: null, country: 'not_asked', bodyTypeId: null, themes: [],
      summary: null, outcomes: [], referredToId: null,
    });
  });

  it('reads only the columns in the header, in any order, and a short row as empty cells', async () => {
    const file = Buffer.from('kind,summary,channel,date_time,age\nfirst_contact,kort rad,chat,2021-03-04\n', 'utf8');
    const result = await check(file);
    expect(result).toEqual({ contacts: [expect.objectContaining({ kind: 'first_contact', summary: 'kort rad', channel: 'chat', startedAt: '2021-03-03T23:00:00.000Z', age: null })] });
  });

  it('takes whole numbers, negative ones to the range check, and refuses anything else as not a whole number', async () => {
    expect(await one(rkRow({ age: '7', age_group: '', duration_minutes: '0' }))).toMatchObject({ age: 7, durationMinutes: 0 });
    const errors = await errorsOf(rkRow({ age: '16 år' }), rkRow({ age: 'x16' }), rkRow({ duration_minutes: '2,5' }), rkRow({ duration_minutes: '-1' }));
    expect(errors).toEqual([
      { row: 2, field: 'age', reason: 'Kolonnen «age» må være et helt tall.' },
      { row: 3, field: 'age', reason: 'Kolonnen «age» må være et helt tall.' },
      { row: 4, field: 'duration_minutes', reason: 'Kolonnen «duration_minutes» må være et helt tall.' },
      expect.objectContaining({ row: 5, field: 'duration_minutes' }),
    ]);
    expect(errors[3].reason).not.toBe('Kolonnen «duration_minutes» må være et helt tall.');
  });

  it('asks for a missing date_time, and explains the format of a wrong one', async () => {
    expect(await errorsOf(rkRow({ date_time: '' }), rkRow({ date_time: '04.03.2021' }))).toEqual([
      { row: 2, field: 'date_time', reason: 'Feltet «date_time» må fylles ut.' },
      { row: 3, field: 'date_time', reason: 'Kolonnen «date_time» må være et tidspunkt som 2024-03-05 14:30, 2024-03-05T14:30:00+01:00 eller 2024-03-05.' },
    ]);
  });

  it('names an unknown code in each category column', async () => {
    const errors = await errorsOf(rkRow({ who: 'child', age_group: 'baby', gender: 'x', body_type: 'nasa', referred_to: 'nasa' }));
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ['who', 'Kolonnen «who» har koden «child», som ikke finnes for denne hjelpelinjen.'],
      ['age_group', 'Kolonnen «age_group» har koden «baby», som ikke finnes for denne hjelpelinjen.'],
      ['gender', 'Kolonnen «gender» har koden «x», som ikke finnes for denne hjelpelinjen.'],
      ['body_type', 'Kolonnen «body_type» har koden «nasa», som ikke finnes for denne hjelpelinjen.'],
      ['referred_to', 'Kolonnen «referred_to» har koden «nasa», som ikke finnes for denne hjelpelinjen.'],
    ]);
  });

  it('names the first unknown theme or subtheme of a cell once, and the cell format when it is broken', async () => {
    const errors = await errorsOf(
      rkRow({ themes: 'ukjent1|ukjent2(te_planlagt)|annet' }),
      rkRow({ themes: 'tvangsekteskap(te_ukjent,te_planlagt)|ukjent3' }),
      rkRow({ who: 'child', themes: 'ukjent4' }),
      rkRow({ themes: 'tvangsekteskap(te_planlagt' }),
    );
    expect(errors).toEqual([
      { row: 2, field: 'themes', reason: 'Kolonnen «themes» har koden «ukjent1», som ikke finnes for denne hjelpelinjen.' },
      { row: 3, field: 'themes', reason: 'Kolonnen «themes» har koden «te_ukjent», som ikke finnes for denne hjelpelinjen.' },
      { row: 4, field: 'who', reason: 'Kolonnen «who» har koden «child», som ikke finnes for denne hjelpelinjen.' },
      { row: 4, field: 'themes', reason: 'Kolonnen «themes» har koden «ukjent4», som ikke finnes for denne hjelpelinjen.' },
      { row: 5, field: 'themes', reason: 'Kolonnen «themes» må skrives som tema(undertema,undertema)|tema.' },
    ]);
  });

  it('reads back a cell the export protected from spreadsheet formulas, and leaves other apostrophes alone', async () => {
    expect((await one(rkRow({ summary: "'=1+1" }))).summary).toBe('=1+1');
    expect((await one(rkRow({ summary: "'-2 i snitt" }))).summary).toBe('-2 i snitt');
    expect((await one(rkRow({ summary: "'Nei', sa hun" }))).summary).toBe("'Nei', sa hun");
    expect((await one(rkRow({ summary: "'Ja'-svar" }))).summary).toBe("'Ja'-svar");
    expect((await one(rkRow({ summary: "'" }))).summary).toBe("'");
  });
});
