import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import type { Checklist } from '../../shared/checklists.js';

/** The checklists of handbook 004 (`data/checklists/*.yaml`), each item with its seed line. */
export const CHECKLISTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/checklists');

const Text = z.object({ nb: z.string().min(1), da: z.string().min(1), en: z.string().min(1) });
const Source = z.object({ seed: z.literal('004'), line: z.number().int().positive(), quote: z.string().optional(), section: z.string().optional() });
const Time = z.string().regex(/^\d\d:\d\d$/);
const ChecklistFile = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: Text,
  intro: Text,
  source: Source,
  last_verified: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sections: z.array(z.object({
    id: z.string(),
    title: Text,
    source: Source,
    reference: z.string().optional(),
    groups: z.array(z.object({ id: z.string(), title: Text, line: z.number().optional() })).optional(),
    items: z.array(z.object({ id: z.string(), text: Text, line: z.number().int().positive(), group: z.string().optional() })),
  })).default([]),
  next_steps: z.array(z.object({ when: z.enum(['any_ticked', 'minor', 'acute']), text: Text, contacts: z.array(z.string()).optional(), source: Source })).default([]),
  routes: z.array(z.object({
    id: z.string(),
    when: z.union([z.enum(['acute', 'otherwise']), z.object({ days: z.array(z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).min(1), from: Time, to: Time })]),
    contact: Text, text: Text, note: Text.optional(), source: Source,
  })).optional(),
  then: z.array(z.object({ text: Text, contacts: z.array(z.string()).optional(), source: Source })).optional(),
});

let cached: Checklist[] | undefined;

/** Every checklist, in a fixed order (mapping first, as the handbook's chapters run); a broken file stops the start, named. */
export function loadChecklists(dir = CHECKLISTS_DIR): Checklist[] {
  if (cached && dir === CHECKLISTS_DIR) return cached;
  const order = ['mapping', 'trafficking-indicators', 'interview-guide', 'minor-escalation'];
  const rank = (f: string) => (order.includes(f.slice(0, -5)) ? order.indexOf(f.slice(0, -5)) : order.length);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const lists = files.map((f) => {
    const parsed = ChecklistFile.safeParse(YAML.parse(fs.readFileSync(path.join(dir, f), 'utf8'), { schema: 'core' }));
    if (!parsed.success) throw new Error(`data/checklists/${f}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    const ids = parsed.data.sections.flatMap((s) => s.items.map((i) => i.id));
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new Error(`data/checklists/${f}: item id ${twice} twice`);
    return parsed.data as Checklist;
  });
  if (dir === CHECKLISTS_DIR) cached = lists;
  return lists;
}
