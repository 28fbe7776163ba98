import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';

/**
 * The rights guide's rules (issue 10 point 4): data in `data/rights/` (YAML), each rule with the
 * line of handbook 004 it comes from and when it was last checked. Read and checked once; a file
 * that breaks the shape stops the start with the file and place named.
 */
export const RIGHTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/rights');

const Text = z.object({ nb: z.string().min(1), da: z.string().min(1), en: z.string().min(1) });
export const Answer = z.enum(['entitled', 'limited', 'not_entitled', 'depends']);
const Status = z.object({ id: z.string().regex(/^[a-z0-9_]+$/), label: Text, minor: z.boolean(), section: z.string().min(1) });
const Domain = z.object({ id: z.string().regex(/^[a-z0-9_]+$/), label: Text });
// YAML reads an unquoted 2026-12-03 as a string under the core schema used below.
const Rule = z.object({
  statuses: z.array(z.string()).min(1),
  age: z.enum(['any', 'child', 'adult']),
  answer: Answer,
  conditions: Text,
  legal_basis: z.string(),
  source: z.object({ seed: z.literal('004'), line: z.number().int().positive(), quote: z.string().min(1), section: z.string().min(1) }),
  last_verified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type RightsStatus = z.infer<typeof Status>;
export type RightsDomain = z.infer<typeof Domain>;
export type RightsRule = z.infer<typeof Rule> & { domain: string };
export interface RightsGuide {
  statuses: RightsStatus[];
  domains: RightsDomain[];
  rules: RightsRule[];
}

function readYaml(file: string): unknown {
  return YAML.parse(fs.readFileSync(file, 'utf8'), { schema: 'core' });
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path.relative(process.cwd(), file)}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

let cached: RightsGuide | undefined;

/** The guide from `dir`; every rule names known statuses, and its file names its domain. */
export function loadRightsGuide(dir = RIGHTS_DIR): RightsGuide {
  if (cached && dir === RIGHTS_DIR) return cached;
  const statuses = parse(z.array(Status), readYaml(path.join(dir, 'statuses.yaml')), path.join(dir, 'statuses.yaml'));
  const domains = parse(z.array(Domain), readYaml(path.join(dir, 'domains.yaml')), path.join(dir, 'domains.yaml'));
  const known = new Set(statuses.map((s) => s.id));
  const rules: RightsRule[] = [];
  for (const domain of domains) {
    const file = path.join(dir, 'rules', `${domain.id}.yaml`);
    for (const rule of parse(z.array(Rule), readYaml(file), file)) {
      const unknown = rule.statuses.find((s) => !known.has(s));
      if (unknown) throw new Error(`${path.relative(process.cwd(), file)}: unknown status ${unknown}`);
      rules.push({ ...rule, domain: domain.id });
    }
  }
  const guide = { statuses, domains, rules };
  if (dir === RIGHTS_DIR) cached = guide;
  return guide;
}

/**
 * The rule that answers for a status and a domain. For a child (a minor status, or a person
 * under 18) a child rule overrides the general one where the handbook gives children more.
 */
export function ruleFor(guide: RightsGuide, statusId: string, domainId: string, child: boolean): { rule: RightsRule; childOverride: boolean } | null {
  const status = guide.statuses.find((s) => s.id === statusId);
  if (!status || !guide.domains.some((d) => d.id === domainId)) return null;
  const forPair = guide.rules.filter((r) => r.domain === domainId && r.statuses.includes(statusId));
  const isChild = child || status.minor;
  const childRule = isChild ? forPair.find((r) => r.age === 'child') : undefined;
  if (childRule) return { rule: childRule, childOverride: true };
  const general = forPair.find((r) => r.age === (isChild ? 'any' : 'adult')) ?? forPair.find((r) => r.age === 'any');
  return general ? { rule: general, childOverride: false } : null;
}
