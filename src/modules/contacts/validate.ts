import type { ContactInput } from '../../shared/schemas/contacts.js';
import type { HelplineSnapshot } from '../helplines/snapshot.js';
import { versionAt } from '../helplines/snapshot.js';
import { localDate } from '../../shared/time-zone.js';

export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Rules zod cannot know: categories must belong to this helpline and the right dimension, be in
 * use on the contact's date, subthemes must sit under their theme, the age inside its group.
 * Shared by the form/API and the import, so both refuse the same things.
 */
export function contactProblems(snapshot: HelplineSnapshot, input: ContactInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const date = localDate(new Date(input.startedAt), snapshot.timeZone);

  const checkCategory = (field: string, id: number | null, dimension: string, parentId?: number) => {
    if (id === null) return;
    const info = snapshot.categories.get(id);
    if (!info || info.dimension !== dimension || (parentId !== undefined && info.parentId !== parentId)) {
      problems.push({ field, code: 'unknown_category' });
    } else if (versionAt(info, date).retired) {
      problems.push({ field, code: 'retired_category' });
    }
  };

  if (!snapshot.channels.includes(input.channel)) problems.push({ field: 'channel', code: 'channel_not_offered', params: { value: input.channel } });
  checkCategory('whoId', input.whoId, 'who');
  checkCategory('ageGroupId', input.ageGroupId, 'age_group');
  checkCategory('genderId', input.genderId, 'gender');
  checkCategory('bodyTypeId', input.bodyTypeId, 'body_type');
  checkCategory('referredToId', input.referredToId, 'body_type');
  const seen = new Set<number>();
  input.themes.forEach((t, i) => {
    if (seen.has(t.themeId)) problems.push({ field: `themes.${i}.themeId`, code: 'invalid_value' });
    seen.add(t.themeId);
    checkCategory(`themes.${i}.themeId`, t.themeId, 'theme');
    for (const s of t.subthemeIds) checkCategory(`themes.${i}.subthemeIds`, s, 'subtheme', t.themeId);
  });

  if (input.age !== null) {
    const group = input.ageGroupId !== null ? snapshot.categories.get(input.ageGroupId) : undefined;
    if (group && ((group.minAge !== null && input.age < group.minAge) || (group.maxAge !== null && input.age > group.maxAge))) {
      problems.push({ field: 'age', code: 'age_outside_group' });
    }
  }
  if (input.referredToId !== null && !input.outcomes.includes('referred')) problems.push({ field: 'referredToId', code: 'invalid_value' });
  return problems;
}

/**
 * The age group an exact age falls in on the contact's local date, when the counsellor gave the
 * age but not the group. A group without a lower or upper age is open on that side, as
 * `contactProblems` and the form read it; a group retired by that date is not chosen (the form
 * skips it too), so no contact is counted under a group the helpline no longer uses.
 */
export function ageGroupFor(snapshot: HelplineSnapshot, age: number, date: string): number | null {
  for (const c of snapshot.categories.values()) {
    if (c.dimension !== 'age_group' || (c.minAge === null && c.maxAge === null)) continue;
    if (versionAt(c, date).retired) continue;
    if ((c.minAge === null || age >= c.minAge) && (c.maxAge === null || age <= c.maxAge)) return c.id;
  }
  return null;
}
