import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from './text.js';

/**
 * Words that mean the same to someone looking for help, across Norwegian, Danish and English
 * (`data/directory/search-synonyms.json`): the services are described in the language of their
 * country, the person searching may write in another or in everyday words. A query word found in
 * a group adds the group's other words to the search; the words stay separate terms, so a service
 * naming the searched word itself still ranks first.
 */
const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/directory/search-synonyms.json');

let byWord: Map<string, string[]> | undefined;

function load(): Map<string, string[]> {
  if (byWord) return byWord;
  const groups = (JSON.parse(fs.readFileSync(FILE, 'utf8')) as { groups: string[][] }).groups;
  byWord = new Map();
  for (const group of groups) for (const word of group) byWord.set(fold(word), [...(byWord.get(fold(word)) ?? []), ...group.filter((w) => w !== word)]);
  return byWord;
}

/** The other words a query word stands for, also when written in the plural ("prisoners"); none when it is in no group. */
export function synonymsOf(word: string): string[] {
  const groups = load();
  const folded = fold(word);
  return groups.get(folded) ?? (folded.endsWith('s') ? groups.get(folded.slice(0, -1)) : undefined) ?? [];
}
