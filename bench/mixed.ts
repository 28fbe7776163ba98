/**
 * A full shift (issue 8): N counsellors, each with their own session, loop over what they do on a
 * live call — register a contact, list their recent contacts, open one, and every tenth loop the
 * dashboard — against one or two nodes (real `brobygger start` processes on one PostgreSQL
 * database holding a year of 1 000 000 contacts), optionally while an administrator imports a
 * file. Data keeps changing: every loop registers a contact. Prints p50/p95/p99 per request type,
 * requests/s, errors and the CPU of each process.
 *
 * npm run bench -- --only=mixed. Sizes: BENCH_MIXED_CONTACTS (1000000), BENCH_MIXED_COUNSELLORS
 * (50,200,500), BENCH_MIXED_NODES (1,2), BENCH_MIXED_SECONDS (20), BENCH_MIXED_IMPORT (100000),
 * BENCH_MIXED_NODE_ARGS (extra Node.js arguments for each node, e.g. --cpu-prof), BENCH_MIXED_THINK_MS (0:
 * a counsellor's pause between requests, ±50 %). Each node's event-loop delay is measured by
 * bench/event-loop-probe.mjs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { helplineSnapshot } from '../src/modules/helplines/snapshot.js';
import { sha256 } from '../src/modules/auth/service.js';
import { pidsCpu } from './machine.js';
import { bulkLoad } from './report.js';
import { importCsv } from './import.js';
import { printListPlans } from './list-plans.js';
import { KPH, int, ms, openTarget, type Target } from './common.js';
import type { PgServer } from './postgres.js';

type Kind = 'register' | 'list' | 'open' | 'dashboard' | 'import';
const KINDS: Kind[] = ['register', 'list', 'open', 'dashboard'];

export interface MixedRun {
  counsellors: number;
  nodes: number;
  importing: boolean;
  seconds: number;
  requests: number;
  errors: number;
  /** Latency percentiles per request type, in milliseconds. */
  latency: Record<Kind, { count: number; p50: number; p95: number; p99: number }>;
  /** Cores used on average: each node, the PostgreSQL server, the load generator. */
  cpu: { nodes: number[]; postgres: number; generator: number };
  importRowsPerSec: number | null;
  firstError: string | null;
  /** How long each node's event loop was held while measuring (perf_hooks, 10 ms resolution), ms. */
  eventLoop: ({ p50: number; p99: number; max: number } | null)[];
  /** Pause of each counsellor between two requests (0: the next request as soon as the last is answered). */
  thinkMs: number;
  /** Requests answered in each whole second measured: slowest, median and fastest second. */
  perSecond: { min: number; median: number; max: number };
}

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);

/**
 * CPU seconds of the PostgreSQL server so far, backends that have ended included: their time is
 * added to the postmaster's children's time (cutime, cstime) when it reaps them.
 */
function postgresCpu(pids: number[]): number {
  if (!pids.length) return 0;
  let reaped = 0;
  try {
    const f = fs.readFileSync(`/proc/${pids[0]}/stat`, 'utf8').split(') ')[1].split(' ');
    reaped = (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    // gone
  }
  return pidsCpu(pids) + reaped;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

interface Node {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** The Node.js options `npm start` gives the server (package.json), so each node runs as it is deployed. */
function startOptions(): string[] {
  const start = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const options = /node ((?:--\S+ )*)bin\/brobygger\.js start/.exec(start);
  if (!options) throw new Error(`package.json's start script does not run "node [options] bin/brobygger.js start": ${start}`);
  return options[1].split(' ').filter(Boolean);
}

/** Extra arguments for each node's Node.js, e.g. BENCH_MIXED_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to see where its time goes. */
const nodeArgs = () => [...startOptions(), '--import', './bench/event-loop-probe.mjs', ...(process.env.BENCH_MIXED_NODE_ARGS ?? '').split(' ').filter(Boolean)];
const EVENT_LOOP_FILE = path.join(os.tmpdir(), `bb-bench-event-loop-${process.pid}`);

/** A real node: `brobygger start` in its own process, on its own port, on the shared database. */
async function startNode(databaseUrl: string): Promise<Node> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-node-'));
  const url = `http://127.0.0.1:${port}`;
  // BENCH_MIXED_NODE_CPUS='0': the node runs on those cores only (taskset execs it, same pid).
  const cpus = process.env.BENCH_MIXED_NODE_CPUS;
  const command = [process.execPath, ...nodeArgs(), 'bin/brobygger.js', 'start'];
  const [file, ...args] = cpus ? ['taskset', '-c', cpus, ...command] : command;
  // BENCH_MIXED_LOG_FILE: the nodes log at `info` into that file, as a helpline's server would
  // (one line per request, decision 0029), so the bench counts what logging costs.
  const logFile = process.env.BENCH_MIXED_LOG_FILE;
  const logLevel = logFile ? 'info' : process.env.BENCH_LOG ? 'warn' : 'silent';
  const stdout = logFile ? fs.openSync(logFile, 'a') : process.env.BENCH_LOG ? 'inherit' : 'ignore';
  const child = spawn(file, args, {
    env: { ...process.env, BENCH_EVENT_LOOP_FILE: EVENT_LOOP_FILE, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: logLevel },
    stdio: ['ignore', stdout, 'inherit'],
  });
  if (typeof stdout === 'number') fs.closeSync(stdout); // the child holds its own copy
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`node on port ${port} did not answer /healthz within 180 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Users with a session each, written straight to the database: signing in 500 times over HTTP would meet the sign-in throttle. */
async function sessions(t: Target, role: 'counsellor' | 'admin', n: number): Promise<string[]> {
  const tokens: string[] = [];
  const batch = crypto.randomBytes(4).toString('hex');
  await t.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const { id } = await trx.insertInto('users')
        .values({ email: `mixed-${batch}-${role}-${i}@example.org`, display_name: `Rådgiver ${i}`, password_hash: 'not-used-by-the-bench', role, locale: 'nb' })
        .returning('id').executeTakeFirstOrThrow();
      if (role === 'counsellor') await trx.insertInto('user_helplines').values({ user_id: id, helpline_id: KPH }).execute();
      const token = crypto.randomBytes(32).toString('base64url');
      await trx.insertInto('sessions').values({ token_hash: sha256(token), user_id: id, expires_at: new Date(Date.now() + 12 * 3600_000), second_factor: true }).execute();
      tokens.push(token);
    }
  });
  return tokens;
}

/** The body a counsellor sends for one call: a first contact now, on the phone, with a theme. */
function contactBody(themeId: number, i: number) {
  return JSON.stringify({
    helplineId: KPH, channel: i % 5 ? 'telephone' : 'chat', kind: 'first_contact', startedAt: new Date().toISOString(),
    durationMinutes: 5 + (i % 30), themes: [{ themeId, subthemeIds: [] }],
  });
}

/** What a node's event-loop probe measured since the last SIGUSR2 (bench/event-loop-probe.mjs). */
async function readEventLoop(pid: number): Promise<MixedRun['eventLoop'][number]> {
  const file = `${EVENT_LOOP_FILE}.${pid}`;
  fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    try {
      const read = JSON.parse(fs.readFileSync(file, 'utf8')) as { p50: number; p99: number; max: number };
      fs.rmSync(file, { force: true });
      return read;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return null;
}

async function runLoad(
  t: Target, nodes: Node[], tokens: string[], opts: { seconds: number; warmupSeconds: number; themeId: number; year: number; importBody: Buffer | null; adminToken: string; thinkMs: number },
): Promise<Omit<MixedRun, 'counsellors' | 'nodes' | 'importing' | 'thinkMs'>> {
  // A kept-alive connection per counsellor in flight, as each counsellor's browser has its own.
  // node:http rather than fetch: fetch cost the generator twice the CPU per request, and the
  // generator shares the machine's two cores with the nodes and PostgreSQL it measures.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const samples: Record<Kind, number[]> = { register: [], list: [], open: [], dashboard: [], import: [] };
  let errors = 0;
  let firstError: string | null = null;
  // When each answer came, to show how steady the node's pace was from one second to the next.
  const answeredAt: number[] = [];
  let measuring = false;
  let stop = false;
  const send = (url: string, method: string, headers: Record<string, string>, body?: string | Uint8Array) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(url, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const call = async (kind: Kind, node: number, token: string, pathAndQuery: string, init: { method?: string; body?: string | Uint8Array; type?: string } = {}) => {
    // A person reads the screen before the next click; spread at random so counsellors do not click in step.
    if (opts.thinkMs && kind !== 'import') await new Promise((r) => setTimeout(r, opts.thinkMs * (0.5 + Math.random())));
    const start = performance.now();
    // A request counts when it was sent while measuring, however long its answer takes: counted
    // by its answer instead, the first requests of a run (every counsellor's session read cold,
    // every connection new) were counted when they finished seconds into the measured time.
    const counted = measuring;
    try {
      const headers: Record<string, string> = { cookie: `bb_session=${token}` };
      if (init.body) Object.assign(headers, { 'content-type': init.type ?? 'application/json', 'content-length': String(Buffer.byteLength(init.body)) });
      const res = await send(`${nodes[node].url}${pathAndQuery}`, init.method ?? 'GET', headers, init.body);
      const text = res.text;
      if (counted) {
        samples[kind].push(performance.now() - start);
        if (kind !== 'import') answeredAt.push(performance.now());
      }
      if (res.status >= 400) {
        if (counted) errors++;
        firstError ??= `${kind} ${res.status} ${text.slice(0, 200)}`;
        return null;
      }
      return text;
    } catch (err) {
      if (counted) errors++;
      firstError ??= `${kind} ${err instanceof Error ? err.message : String(err)}`;
      return null;
    }
  };
  const counsellor = async (token: string, i: number) => {
    const node = i % nodes.length;
    for (let loop = i; !stop; loop++) {
      const created = await call('register', node, token, '/api/contacts', { method: 'POST', body: contactBody(opts.themeId, loop) });
      const page = await call('list', node, token, `/api/contacts?helplineId=${KPH}&mine=true&limit=20`);
      const id = page ? (JSON.parse(page) as { items: { id: string }[] }).items[loop % 3]?.id : created ? (JSON.parse(created) as { id: string }).id : null;
      if (id) await call('open', node, token, `/api/contacts/${id}`);
      if (loop % 10 === 0) await call('dashboard', node, token, `/api/stats/report?helplineId=${KPH}&year=${opts.year}&suppress=true&lang=nb`);
    }
  };
  const pids = () => nodes.map((n) => n.process.pid!);
  const loops = tokens.map((token, i) => counsellor(token, i));
  await new Promise((r) => setTimeout(r, opts.warmupSeconds * 1000));
  for (const pid of pids()) process.kill(pid, 'SIGUSR2'); // the event-loop probe starts afresh
  measuring = true;
  const started = performance.now();
  const cpu0 = { nodes: pids().map((p) => pidsCpu([p])), postgres: postgresCpu(t.pgPids()), generator: process.cpuUsage() };
  let importRowsPerSec: number | null = null;
  const importing = opts.importBody
    ? (async () => {
      const rows = opts.importBody!.toString('utf8').split('\n').length - 2;
      const s = performance.now();
      const res = await call('import', 0, opts.adminToken, `/api/imports?helplineId=${KPH}&format=csv&fileName=shift-${Date.now()}.csv&confirmDuplicate=true`, { method: 'POST', body: new Uint8Array(opts.importBody!), type: 'text/csv' });
      if (res) importRowsPerSec = rows / ((performance.now() - s) / 1000);
    })()
    : null;
  // With an import, the shift is measured for as long as the import runs (at least `seconds`).
  await Promise.all([new Promise((r) => setTimeout(r, opts.seconds * 1000)), importing]);
  const wall = (performance.now() - started) / 1000;
  const own = process.cpuUsage(cpu0.generator);
  const cpu = {
    nodes: pids().map((p, k) => (pidsCpu([p]) - cpu0.nodes[k]) / wall),
    postgres: (postgresCpu(t.pgPids()) - cpu0.postgres) / wall,
    generator: (own.user + own.system) / 1e6 / wall,
  };
  const eventLoop = await Promise.all(pids().map(readEventLoop));
  measuring = false;
  stop = true;
  await Promise.all(loops);
  agent.destroy();
  const latency = Object.fromEntries((Object.keys(samples) as Kind[]).map((k) => {
    const s = samples[k].sort((a, b) => a - b);
    return [k, { count: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99) }];
  })) as MixedRun['latency'];
  const requests = KINDS.reduce((sum, k) => sum + latency[k].count, 0);
  const seconds = Array.from({ length: Math.floor(wall) }, () => 0);
  for (const at of answeredAt) {
    const second = Math.floor((at - started) / 1000);
    if (second < seconds.length) seconds[second]++;
  }
  seconds.sort((a, b) => a - b);
  const perSecond = { min: seconds[0] ?? 0, median: percentile(seconds, 0.5), max: seconds[seconds.length - 1] ?? 0 };
  return { seconds: wall, requests, errors, latency, cpu, importRowsPerSec, firstError, eventLoop, perSecond };
}

/** Every configuration of the shift on one database: 1 000 000 contacts loaded once, then each run on fresh nodes. */
export async function benchMixed(server: PgServer, print: (r: MixedRun) => void): Promise<void> {
  const t = await openTarget('postgres', server, 'mixed');
  const started: Node[] = [];
  try {
    const year = new Date().getUTCFullYear();
    const contacts = num('BENCH_MIXED_CONTACTS', 1_000_000);
    const loadMs = await bulkLoad(t, year, contacts);
    console.log(`  ${int(contacts)} contacts of ${year} loaded in ${ms(loadMs)}`);
    // A helpline's database has been vacuumed since its rows arrived; without this, autovacuum's
    // first pass over the fresh million rows ran inside the measured seconds (about a twentieth of
    // the server's CPU in a perf profile), a cost of loading the bench, not of the shift.
    const vacuumStart = performance.now();
    await sql`VACUUM (ANALYZE)`.execute(t.db);
    console.log(`  vacuumed in ${ms(performance.now() - vacuumStart)}`);
    // The year before, as a helpline in its second year has it: the dashboard compares this year
    // so far with the same days of last year.
    const previous = num('BENCH_MIXED_PREVIOUS_YEAR', 0);
    if (previous) console.log(`  ${int(previous)} contacts of ${year - 1} loaded in ${ms(await bulkLoad(t, year - 1, previous))}`);
    console.log('  The lists’ plans on these rows (EXPLAIN ANALYZE, a page of 20):');
    await printListPlans(t, console.log);
    const snapshot = await helplineSnapshot(t.db, KPH);
    if (!snapshot) throw new Error(`helpline ${KPH} missing`);
    const themeId = [...snapshot.categories.values()].find((c) => c.dimension === 'theme')!.id;
    const importRows = num('BENCH_MIXED_IMPORT', 100_000);
    const importBody = importRows ? importCsv(snapshot, importRows) : null;
    const [adminToken] = await sessions(t, 'admin', 1);
    const seconds = num('BENCH_MIXED_SECONDS', 20);
    const thinkMs = num('BENCH_MIXED_THINK_MS', 0);
    // BENCH_PG_SOCKET=1: the nodes reach PostgreSQL through its Unix socket, as a node on the
    // database's own machine would be configured (docs/operations.md).
    const databaseUrl = process.env.BENCH_PG_SOCKET ? server.socketUrl(new URL(t.config.databaseUrl!).pathname.slice(1)) : t.config.databaseUrl!;
    const runs: { counsellors: number; nodes: number; importing: boolean }[] = [];
    for (const nodes of list('BENCH_MIXED_NODES', '1,2')) {
      for (const counsellors of list('BENCH_MIXED_COUNSELLORS', '50,200,500')) runs.push({ counsellors, nodes, importing: false });
    }
    if (importBody) runs.push({ counsellors: 200, nodes: 1, importing: true });
    for (const run of runs) {
      const nodes: Node[] = [];
      try {
        for (let k = 0; k < run.nodes; k++) { const n = await startNode(databaseUrl); nodes.push(n); started.push(n); }
        const tokens = await sessions(t, 'counsellor', run.counsellors);
        await sql`ANALYZE`.execute(t.db);
        if (process.env.BENCH_PG_STATEMENTS) await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()`.execute(t.db);
        const r = await runLoad(t, nodes, tokens, { seconds, warmupSeconds: 5, themeId, year, importBody: run.importing ? importBody : null, adminToken, thinkMs });
        print({ ...run, ...r, thinkMs });
        if (process.env.BENCH_PG_STATEMENTS) await printStatements(t);
      } finally {
        for (const n of nodes) await n.stop();
      }
    }
  } finally {
    for (const n of started) await n.stop();
    await t.close();
  }
}

/** The statements that took most of the database server's time in the run (pg_stat_statements). */
async function printStatements(t: Target) {
  const { rows } = await sql<{ calls: string; total: number; mean: number; query: string }>`
    SELECT calls::text, total_exec_time AS total, mean_exec_time AS mean, regexp_replace(left(query, 160), '[[:space:]]+', ' ', 'g') AS query
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12`.execute(t.db);
  for (const r of rows) console.log(`      ${ms(r.total).padStart(9)} in ${r.calls.padStart(6)} calls (${ms(r.mean)} each): ${r.query}`);
  // Each statement is a round trip, and on a virtual machine each wakes a server process: how many there were, and the most frequent.
  const { rows: byCalls } = await sql<{ calls: string; query: string; all: string }>`
    SELECT calls::text, regexp_replace(left(query, 160), '[[:space:]]+', ' ', 'g') AS query, (sum(calls) OVER ())::text AS all
    FROM pg_stat_statements ORDER BY pg_stat_statements.calls DESC LIMIT 12`.execute(t.db);
  console.log(`      ${byCalls[0]?.all ?? 0} statements in all; the most frequent:`);
  for (const r of byCalls) console.log(`      ${r.calls.padStart(7)} calls: ${r.query}`);
}

export function printMixed(r: MixedRun) {
  const title = `${r.counsellors} counsellors, ${r.nodes === 1 ? 'one node' : `${r.nodes} nodes`}${r.importing ? ', while an import runs' : ''}${r.thinkMs ? `, ${r.thinkMs} ms (±50 %) between a counsellor's requests` : ', no pause between requests'}`;
  console.log(`  ${title}: ${int(r.requests / r.seconds)} requests/s over ${r.seconds.toFixed(0)} s, ${int(r.errors)} errors${r.firstError ? ` (first: ${r.firstError})` : ''}`);
  // The same code on the same data answers at a steady pace on a quiet machine; a slow second
  // here is the machine (a shared host) and sets the p99 of everything waiting in it.
  console.log(`    answered per second: slowest second ${int(r.perSecond.min)}, median ${int(r.perSecond.median)}, fastest ${int(r.perSecond.max)}`);
  for (const k of [...KINDS, ...(r.importing ? (['import'] as const) : [])]) {
    const l = r.latency[k];
    console.log(`    ${k.padEnd(10)} ${int(l.count).padStart(7)} answered; p50 ${ms(l.p50)}, p95 ${ms(l.p95)}, p99 ${ms(l.p99)}`);
  }
  if (r.importRowsPerSec !== null) console.log(`    import ran at ${int(r.importRowsPerSec)} rows/s`);
  console.log(`    event loop held: ${r.eventLoop.map((e, i) => (e ? `node ${i + 1} p50 ${ms(e.p50)}, p99 ${ms(e.p99)}, max ${ms(e.max)}` : `node ${i + 1} not measured`)).join('; ')}`);
  console.log(`    CPU (cores): ${r.cpu.nodes.map((c, i) => `node ${i + 1} ${c.toFixed(2)}`).join(', ')}, postgres ${r.cpu.postgres.toFixed(2)}, load generator ${r.cpu.generator.toFixed(2)}`);
}
