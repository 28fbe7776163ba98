import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The directory's initial content, built from the seeds (`data/directory/`, each entry's seed line in sources.json). */
const DEFAULT_DIRECTORY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/directory/directory.json');

/** Runtime configuration, read once from the environment (see README "Configuration"). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  BROBYGGER_KEY_FILE: z.string().optional(),
  TRUSTED_PROXIES: z.string().default(''),
  SIGN_IN_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(120),
  METRICS_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
  AUDIT_ANCHOR_FILE: z.string().optional(),
  AUDIT_ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().positive().default(60),
  AUDIT_ANCHOR_URL: z.string().url().optional(),
  DIRECTORY_INITIAL_CONTENT: z.string().optional(),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: string;
  publicUrl: string;
  production: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** The field-encryption key (second-factor secrets now, casework later); see docs/decisions/0014. */
  keyFile: string;
  /** Addresses or CIDRs of reverse proxies whose `X-Forwarded-For` is believed; empty: none. */
  trustedProxies: string[];
  /**
   * Requests a minute one address may send to each sign-in step (password, code, passkey). A flood
   * guard sized for a whole office behind one address at a shift change; guessing is slowed per
   * account, address and browser by the sign-in gate (decision 0013).
   */
  signInPerMinute: number;
  /** The bearer token `GET /metrics` requires; unset: the endpoint answers 404 (docs/operations.md "Metrics"). */
  metricsToken?: string;
  /** Origins a state-changing request may come from (PUBLIC_URL's; loopback aliases when it is the default). */
  allowedOrigins: string[];
  /** Where the sealer appends the audit chain's head (JSON lines), outside DATA_DIR; see decision 0024. */
  auditAnchorFile?: string;
  /** At most one anchor per this many ms (and one at shutdown). */
  auditAnchorIntervalMs: number;
  /** Where each anchor is also POSTed (JSON), when set. */
  auditAnchorUrl?: string;
  /**
   * The HSDS data set a directory that never had one starts with: the seeds' services by default,
   * another organisation's file, or none (`DIRECTORY_INITIAL_CONTENT=none`).
   */
  directoryInitialContent: string | null;
}

/** The path with every existing part's symbolic links resolved: a link must not hide that it points into DATA_DIR. */
function realPath(p: string): string {
  let existing = p;
  const rest: string[] = [];
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/** Whether `file` is `dir` or lies anywhere below it. */
function isWithin(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The origins of the default public URL: the same server reached as localhost, 127.0.0.1 or [::1]. */
function loopbackOrigins(port: number): string[] {
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  // In production, cookies are Secure and the public URL must be https: refuse insecure defaults.
  if (production && !(e.PUBLIC_URL ?? '').startsWith('https://')) {
    throw new Error('Invalid configuration: PUBLIC_URL must be an https:// URL when NODE_ENV=production');
  }
  // A key made up beside the data would differ per node and sit in the same backups as the data.
  if (production && !e.BROBYGGER_KEY_FILE) {
    throw new Error('Invalid configuration: BROBYGGER_KEY_FILE must name the field-encryption key file when NODE_ENV=production');
  }
  // Anchors are what the database, and so DATA_DIR and its backups, cannot change (decision 0024).
  const auditAnchorFile = e.AUDIT_ANCHOR_FILE ? path.resolve(e.AUDIT_ANCHOR_FILE) : undefined;
  if (auditAnchorFile && (isWithin(path.resolve(e.DATA_DIR), auditAnchorFile) || isWithin(realPath(path.resolve(e.DATA_DIR)), realPath(auditAnchorFile)))) {
    throw new Error('Invalid configuration: AUDIT_ANCHOR_FILE must be outside DATA_DIR (anchors kept with the database are changed as easily as the database)');
  }
  const trustedProxies = e.TRUSTED_PROXIES.split(',').map((p) => p.trim()).filter(Boolean);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`;
  let publicOrigin: string;
  try {
    publicOrigin = new URL(publicUrl).origin;
  } catch {
    throw new Error('Invalid configuration: PUBLIC_URL: not a URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl,
    production,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    keyFile: path.resolve(e.BROBYGGER_KEY_FILE ?? path.join(e.DATA_DIR, 'field-encryption.key')),
    trustedProxies,
    signInPerMinute: e.SIGN_IN_REQUESTS_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN,
    auditAnchorFile,
    auditAnchorIntervalMs: e.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000,
    auditAnchorUrl: e.AUDIT_ANCHOR_URL,
    directoryInitialContent: e.DIRECTORY_INITIAL_CONTENT === 'none' ? null : path.resolve(e.DIRECTORY_INITIAL_CONTENT ?? DEFAULT_DIRECTORY_FILE),
    allowedOrigins: e.PUBLIC_URL ? [publicOrigin] : [...new Set([publicOrigin, ...loopbackOrigins(e.PORT)])],
  };
}
