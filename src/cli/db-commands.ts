import type { CliCommand } from './command.js';
import { issueSetupToken } from '../modules/auth/setup.js';
import { loadDemoData } from '../modules/demo/service.js';
import { applyRetention } from '../modules/retention/service.js';
import { parseArgs } from 'node:util';
import { sealAudit, verifyAuditChain } from '../modules/audit/service.js';
import { AnchorFileError, anchorChunks, assertAnchorsReadable } from '../modules/audit/anchor-file.js';
import { verifyAuditLog } from '../modules/audit/anchor-check.js';
import { findDamage } from '../db/integrity.js';

// Commands that work on the database, whether the CLI opened it or a running server runs them.
// Opening the database migrates it and loads the helpline files first (see cli/main.ts).

export const migrate: CliCommand = async (ctx) => {
  ctx.print('Database is up to date.');
  return 0;
};

export const demo: CliCommand = async (ctx) => {
  const n = await loadDemoData(ctx.db);
  ctx.print(n ? `Loaded ${n} synthetic demo contacts.` : 'Demo data already loaded.');
  return 0;
};

export const setupLink: CliCommand = async (ctx) => {
  const token = await issueSetupToken(ctx.db);
  ctx.print(token ? `${ctx.config.publicUrl}/setup?token=${token}` : 'Users exist already: no setup link.');
  return 0;
};

export const retention: CliCommand = async (ctx) => {
  const result = await applyRetention(ctx.db, { sessionIdleMs: ctx.config.sessionIdleMs });
  if (!result) {
    ctx.print('Another node is applying retention right now.');
    return 0;
  }
  ctx.print(`Expired sessions deleted: ${result.sessionsDeleted}`);
  ctx.print(`Time-limit reminders written: ${result.remindersCreated}`);
  for (const h of result.helplines) {
    if (h.before) ctx.print(`${h.helplineId}: summaries of contacts before ${h.before} blanked: ${h.summariesBlanked}; edit histories deleted: ${h.revisionsDeleted}`);
    if (h.casesAnonymised) ctx.print(`${h.helplineId}: closed follow-up cases anonymised: ${h.casesAnonymised}`);
  }
  return 0;
};

/**
 * The same check as GET /api/audit/verify: seal what is pending, recompute the whole chain, and
 * compare it with the anchors in `--anchors FILE` (a copy, say, collected from the servers' logs)
 * or else AUDIT_ANCHOR_FILE (decision 0024).
 */
export const auditVerify: CliCommand = async (ctx, args) => {
  const { values } = parseArgs({ args, options: { anchors: { type: 'string' } } });
  const file = values.anchors ?? ctx.config.auditAnchorFile;
  while ((await sealAudit(ctx.db)) > 0) {
    /* seal everything written so far */
  }
  let result;
  try {
    if (file) await assertAnchorsReadable(file);
    result = await verifyAuditLog(ctx.db, file ? anchorChunks(file) : undefined);
  } catch (err) {
    if (!(err instanceof AnchorFileError)) throw err;
    ctx.print(`Audit anchors: ${err.message}`);
    return 1;
  }
  const a = result.anchors;
  if (a?.brokenAt) {
    const since = a.agreesUpTo ? `after entry ${a.agreesUpTo}, the last anchor that agrees` : 'at or before it';
    ctx.print(`Audit log broken at entry ${result.brokenAt} (of ${result.sealed} sealed entries): entry ${a.brokenAt} is changed or gone since it was anchored${a.writtenAt ? ` at ${a.writtenAt}` : ''}; the change lies ${since}.`);
    return 1;
  }
  ctx.print(result.ok ? `Audit log intact: ${result.sealed} entries verified.` : `Audit log broken at entry ${result.brokenAt} (of ${result.sealed} sealed entries).`);
  if (a && result.ok) ctx.print(a.checked ? `Anchors: ${a.checked} checked, all agree (up to entry ${a.agreesUpTo}).` : 'Anchors: none yet.');
  return result.ok ? 0 : 1;
};

/** Everything the start-up check does, and the audit chain from its start; non-zero if anything is wrong. */
export const check: CliCommand = async (ctx) => {
  const problems = await findDamage(ctx.db);
  const audit = problems.length ? null : await verifyAuditChain(ctx.db);
  if (audit && !audit.ok) problems.push(`audit_log: the hash chain is broken at entry ${audit.brokenAt}`);
  if (problems.length) {
    const where = ctx.config.databaseUrl ? 'the PostgreSQL database' : `${ctx.config.dataDir}/pglite`;
    ctx.print(`The database in ${where} is damaged:`);
    for (const p of problems) ctx.print(`  - ${p}`);
    ctx.print('Stop Brobygger, move the data directory aside, and restore the latest backup into a fresh one (see docs/operations.md).');
    return 2;
  }
  ctx.print(`Database is whole: tables and indexes agree, statistics counts add up, audit chain verified (${audit!.sealed} sealed entries).`);
  return 0;
};
