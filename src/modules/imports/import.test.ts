import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { clearSnapshots } from '../helplines/snapshot.js';
import { describe, expect, it } from 'vitest';
import { useTestAppWithAdmin, RK, KPH } from '../../test/app.js';
import { categoryIds } from '../../test/taxonomy.js';
import { csvOf, postImport, rkRow, xlsxOf } from './test-files.js';

const ctx = useTestAppWithAdmin();

const countContacts = async () => Number((await ctx.t.db.selectFrom('contacts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const countBatches = async () => Number((await ctx.t.db.selectFrom('import_batches').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/imports', () => {
  it('imports a CSV file with themes, as one batch, audited', async () => {
    const file = csvOf([rkRow(), rkRow({ date_time: '2021-03-05T09:00:00+01:00', themes: 'annet', outcomes: '', referred_to: '' }), rkRow({ date_time: '2021-03-06', age: '', age_group: '' })]);
    const res = await postImport(ctx.t, ctx.admin.cookie, file, { helplineId: RK });
    expect(res.statusCode, res.body).toBe(200);
    const { imported, batchId } = res.json();
    expect(imported).toBe(3);
    const rows = await ctx.t.db.selectFrom('contacts').selectAll().where('import_batch_id', '=', batchId).orderBy('started_at').execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.source === 'import' && r.created_by === ctx.admin.id && r.helpline_id === RK)).toBe(true);
    expect(new Date(rows[0].started_at).toISOString()).toBe('2021-03-04T09:15:00.000Z'); // 10:15 in Oslo (winter time)
    expect(rows[2].local_date).toBe('2021-03-06');
    const id = await categoryIds(ctx.t.db, RK);
    const themes = await ctx.t.db.selectFrom('contact_themes').selectAll().where('contact_id', '=', rows[0].id).orderBy('theme_id').execute();
    expect(themes.map((x) => x.theme_id).sort()).toEqual([id('theme:negativ_sosial_kontroll'), id('theme:tvangsekteskap')].sort());
    expect(themes.find((x) => x.theme_id === id('theme:tvangsekteskap'))!.subtheme_ids.sort()).toEqual([id('subtheme:te_planlagt'), id('subtheme:te_utfrysning')].sort());
    const batch = await ctx.t.db.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ helpline_id: RK, row_count: 3, file_name: 'history.csv', imported_by: ctx.admin.id });
    const audit = await ctx.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'contact.import').where('entity_id', '=', batchId).executeTakeFirstOrThrow();
    expect(audit.detail).toEqual({ helplineId: RK, rows: 3, batchId, sha256: crypto.createHash('sha256').update(file).digest('hex') });
  });

  it('keeps free text exactly as written: tabs, line breaks, backslashes, quotes and non-Latin letters', async () => {
    const summary = 'Linje 1\nLinje 2\tmed tab; sti C:\\mapper\\ny "sitat", \\N og \\. – ære, æøå, اردو';
    const res = await postImport(ctx.t, ctx.admin.cookie, csvOf([rkRow({ summary })]), { helplineId: RK });
    expect(res.statusCode, res.body).toBe(200);
    const row = await ctx.t.db.selectFrom('contacts').select(['summary', 'age']).where('import_batch_id', '=', res.json().batchId).executeTakeFirstOrThrow();
    expect(row.summary).toBe(summary);
    expect(row.age).toBe(16);
  });

  it('imports an XLSX file, including dates typed as Excel dates', async () => {
    const workbookFile = await xlsxOf([rkRow(), rkRow({ who: 'professional', themes: 'annet' })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(workbookFile as never);
    wb.worksheets[0].getCell('A3').value = new Date(Date.UTC(2021, 5, 1, 14, 0)); // the wall clock, as Excel stores it
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await postImport(ctx.t, ctx.admin.cookie, file, { helplineId: RK, format: 'xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await ctx.t.db.selectFrom('contacts').select(['started_at', 'who_id']).where('import_batch_id', '=', res.json().batchId).orderBy('started_at').execute();
    expect(rows.map((r) => new Date(r.started_at).toISOString())).toEqual(['2021-03-04T09:15:00.000Z', '2021-06-01T12:00:00.000Z']);
    const themes = await ctx.t.db.selectFrom('contact_themes').select('theme_id').innerJoin('contacts', 'contacts.id', 'contact_themes.contact_id').where('import_batch_id', '=', res.json().batchId).execute();
    expect(themes).toHaveLength(3);
  });

  it('reads semicolon-separated CSV as Norwegian spreadsheets save it', async () => {
    const file = Buffer.from('date_time;channel;kind;themes\n2021-01-04 09:30;chat;first_contact;tvangsekteskap(te_planlagt,te_i_ekteskap)\n', 'utf8');
    const res = await ctx.t.app.inject({
      method: 'POST', url: `/api/imports?helplineId=${RK}&format=csv`, payload: file,
      headers: { cookie: ctx.admin.cookie, 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(1);
  });

  it('refuses the whole file when one row is bad, naming row, column and reason; nothing is written', async () => {
    const before = [await countContacts(), await countBatches()];
    const file = csvOf([rkRow(), rkRow(), rkRow({ age: 'sixteen' }), rkRow({ age_group: 'over_18', age: 12 }), rkRow()]);
    const res = await postImport(ctx.t, ctx.admin.cookie, file, { helplineId: RK });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('import_invalid');
    expect(body.message).toBe('Filen ble ikke importert: 2 feil.');
    expect(body.details.errors).toEqual([
      { row: 4, field: 'age', reason: 'Kolonnen «age» må være et helt tall.' },
      { row: 5, field: 'age', reason: 'Alderen passer ikke med valgt aldersgruppe.' },
    ]);
    expect([await countContacts(), await countBatches()]).toEqual(before);
  });

  it('takes back rows already written when a bad row comes late in a large file', async () => {
    // Valid chunks are written while later rows are checked: the 12 001st row must undo them all.
    const before = [await countContacts(), await countBatches()];
    const rows = Array.from({ length: 12_000 }, () => rkRow());
    rows.push(rkRow({ channel: 'pigeon' }));
    const res = await postImport(ctx.t, ctx.admin.cookie, csvOf(rows), { helplineId: RK });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors).toEqual([expect.objectContaining({ row: 12_002, field: 'channel' })]);
    expect([await countContacts(), await countBatches()]).toEqual(before);
  });

  it('refuses codes of another helpline, unknown enums and broken cells, each where it is', async () => {
    const before = await countContacts();
    const file = csvOf([
      rkRow({ who: 'child' }), // a Kors på halsen code
      rkRow({ themes: 'savnet(savnet_rymt)' }),
      rkRow({ themes: 'tvangsekteskap(uu_trussel)' }), // subtheme of another theme
      rkRow({ channel: 'fax', date_time: '2021-02-30 10:00' }),
      rkRow({ outcomes: 'advice_given', referred_to: 'police' }),
      rkRow({ themes: 'tvangsekteskap(te_planlagt' }),
    ]);
    const res = await postImport(ctx.t, ctx.admin.cookie, file, { helplineId: RK });
    expect(res.statusCode).toBe(400);
    const errors = res.json().details.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(errors).toEqual(['2:who', '3:themes', '4:themes', '5:date_time', '5:channel', '6:referred_to', '7:themes']);
    expect(res.json().details.errors[0].reason).toContain('«child»');
    expect(await countContacts()).toBe(before);
  });

  it('answers in the language of the request for a missing column, an unreadable file and an empty one', async () => {
    const noKind = await postImport(ctx.t, ctx.admin.cookie, csvOf([rkRow()], ['date_time', 'channel', 'who']), { helplineId: RK });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json()).toMatchObject({ code: 'import_format', message: 'Filen kunne ikke leses: mangler kolonnene kind.' });
    const unknown = await postImport(ctx.t, ctx.admin.cookie, csvOf([rkRow()], ['date_time', 'channel', 'kind', 'tema']), { helplineId: RK });
    expect(unknown.json().message).toContain('tema');
    const notXlsx = await postImport(ctx.t, ctx.admin.cookie, csvOf([rkRow()]), { helplineId: RK, format: 'xlsx' });
    expect(notXlsx.json()).toMatchObject({ code: 'import_format', message: 'Filen kunne ikke leses: det er ikke en CSV- eller XLSX-fil.' });
    const empty = await postImport(ctx.t, ctx.admin.cookie, csvOf([]), { helplineId: RK });
    expect(empty.json().code).toBe('import_format');
  });

  it('requires an administrator: counsellor and analyst 403, no session 401, unknown helpline 404', async () => {
    const file = csvOf([rkRow()]);
    for (const role of ['counsellor', 'analyst', 'coordinator'] as const) {
      const { cookie } = await ctx.t.as(role, [RK]);
      expect((await postImport(ctx.t, cookie, file, { helplineId: RK })).statusCode).toBe(403);
    }
    expect((await postImport(ctx.t, undefined, file, { helplineId: RK })).statusCode).toBe(401);
    expect((await postImport(ctx.t, ctx.admin.cookie, file, { helplineId: 'no-such-line' })).statusCode).toBe(404);
  });
});

describe('docs/import-format.md', () => {
  it('has an example that imports as it stands', async () => {
    const doc = fs.readFileSync('docs/import-format.md', 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1];
    const res = await postImport(ctx.t, ctx.admin.cookie, Buffer.from(example, 'utf8'), { helplineId: RK });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(3);
  });
});

/** The template's rows as text, whatever its format. */
async function templateRows(body: Buffer, format: 'csv' | 'xlsx'): Promise<string[][]> {
  if (format === 'csv') return parse(body, { bom: true }) as string[][];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))));
  return rows;
}

describe('GET /api/imports/template', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    for (const helplineId of [RK, KPH]) {
      it(`${format} for ${helplineId}: the example row is in Norwegian, refused as it stands, imported once replaced`, async () => {
        const res = await ctx.t.app.inject({ method: 'GET', url: `/api/imports/template?format=${format}&helplineId=${helplineId}`, headers: { cookie: ctx.admin.cookie } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toContain(`${helplineId}.${format}`);
        const [header, example] = await templateRows(res.rawPayload, format);
        expect(example[header.indexOf('summary')]).toBe('EKSEMPEL – slett denne raden og skriv inn egne henvendelser');
        const back = await postImport(ctx.t, ctx.admin.cookie, res.rawPayload, { helplineId, format });
        expect(back.statusCode).toBe(400);
        expect(back.json().details.errors).toEqual([
          { row: 2, field: 'summary', reason: 'Raden er eksempelraden fra malen. Slett den og skriv inn egne henvendelser.' },
        ]);
        // The same row with a summary of one's own is a valid contact of this helpline.
        const own = await templateRows(res.rawPayload, 'csv' === format ? 'csv' : 'xlsx');
        own[1][header.indexOf('summary')] = `Ringte om skolen (${format}).`;
        if (format === 'xlsx') own[1][header.indexOf('date_time')] = own[1][header.indexOf('date_time')].slice(0, 16).replace('T', ' ');
        const csv = Buffer.from(own.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n'), 'utf8');
        const ok = await postImport(ctx.t, ctx.admin.cookie, csv, { helplineId });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json().imported).toBe(1);
      });
    }
  }

  it('writes the example row in Danish for a Danish helpline', async () => {
    await ctx.t.db.updateTable('helplines').set({ language: 'da' }).where('id', '=', KPH).execute();
    clearSnapshots(ctx.t.db);
    try {
      const res = await ctx.t.app.inject({ method: 'GET', url: `/api/imports/template?format=csv&helplineId=${KPH}`, headers: { cookie: ctx.admin.cookie } });
      expect(res.body).toContain('EKSEMPEL – slet denne række og skriv jeres egne henvendelser');
      const back = await postImport(ctx.t, ctx.admin.cookie, res.rawPayload, { helplineId: KPH });
      expect(back.json().details.errors[0]).toMatchObject({ row: 2, field: 'summary' });
    } finally {
      await ctx.t.db.updateTable('helplines').set({ language: 'nb' }).where('id', '=', KPH).execute();
      clearSnapshots(ctx.t.db);
    }
  });

  it('gives each helpline its own codes', async () => {
    const kph = await ctx.t.app.inject({ method: 'GET', url: `/api/imports/template?format=csv&helplineId=${KPH}`, headers: { cookie: ctx.admin.cookie } });
    expect(kph.body).not.toContain('tvangsekteskap');
    const rk = await ctx.t.app.inject({ method: 'GET', url: `/api/imports/template?format=csv&helplineId=${RK}`, headers: { cookie: ctx.admin.cookie } });
    expect(rk.body).toContain('tvangsekteskap(');
  });

  it('defaults to Røde Kors-telefonen as CSV, and is for administrators only', async () => {
    const res = await ctx.t.app.inject({ method: 'GET', url: '/api/imports/template', headers: { cookie: ctx.admin.cookie } });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain('tvangsekteskap(');
    const { cookie } = await ctx.t.as('counsellor', [RK]);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/imports/template', headers: { cookie } })).statusCode).toBe(403);
    expect((await ctx.t.app.inject({ method: 'GET', url: '/api/imports/template' })).statusCode).toBe(401);
  });
});
