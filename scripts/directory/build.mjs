// Builds data/directory/ (the directory's initial content, issue 10 point 2) from the seeds:
// the content is in data.mjs, each entry citing its seed by a piece of its text; this writes the
// HSDS 3.0 data set and sources.json (seed, line, quoted line) and warns when a cited line no
// longer names the entry. Ids are UUID v5 of stable keys, so a rebuild keeps them.
// Run: node scripts/directory/build.mjs  (needs the seeds in ../shared/seeds, or SEEDS_DIR)
import fs from 'node:fs';
import { uuid5, lines, findLine } from './lib.mjs';
import { TG, NEED, ORGS, LOCS, SERVICES } from './data.mjs';
const ASSURED = '2026-12-02';
const id = (...p) => uuid5(p.join(':'));
const out = { hsds_version: '3.0', organizations: [], services: [], locations: [], service_at_locations: [], phones: [], schedules: [], service_areas: [], languages: [], addresses: [], taxonomies: [], taxonomy_terms: [], attributes: [] };
const sources = {};
const problems = [];
const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
function cite(rid, name, src, phones) {
  const [seed, text, from] = src;
  const line = findLine(seed, text, from);
  const quote = lines(seed)[line - 1].trim();
  const first = name.split(/[\s,–-]+/)[0].toLowerCase();
  if (!(quote.toLowerCase().includes(first) || phones.some((p) => quote.toLowerCase().includes(p.toLowerCase())))) problems.push(`${name}: ${seed}:${line} «${quote}»`);
  sources[rid] = { seed, line, quote };
}
// taxonomies
const txTG = id('taxonomy', 'malgrupper'), txNeed = id('taxonomy', 'behov');
out.taxonomies.push({ id: txTG, name: 'Målgrupper', description: 'Target groups: the ten most vulnerable groups defined by SSB for Røde Kors (Sosial puls, seed 000), plus children and young people, women and men.', version: '1' });
out.taxonomies.push({ id: txNeed, name: 'Behov', description: 'Needs a service meets (health, legal aid, housing, money, safety, language, loneliness, work, education, migration/residence).', version: '1' });
const term = {};
for (const [k, [n, d]] of Object.entries(TG)) { term['tg:' + k] = id('term', 'tg', k); out.taxonomy_terms.push({ id: term['tg:' + k], code: k, name: n, description: d, taxonomy_id: txTG, taxonomy: 'Målgrupper', language: 'nb' }); }
for (const [k, [n, d]] of Object.entries(NEED)) { term['need:' + k] = id('term', 'need', k); out.taxonomy_terms.push({ id: term['need:' + k], code: k, name: n, description: d, taxonomy_id: txNeed, taxonomy: 'Behov', language: 'nb' }); }
// organizations
const orgId = {};
for (const o of ORGS) {
  orgId[o.key] = id('org', o.key);
  out.organizations.push(clean({ id: orgId[o.key], name: o.name, alternate_name: o.alt, description: o.desc, email: o.email, website: o.website }));
  cite(orgId[o.key], o.name, o.src, []);
}
// locations
const locId = {};
for (const l of LOCS) {
  if (!orgId[l.org]) throw new Error('org ' + l.org);
  locId[l.key] = id('loc', l.key);
  out.locations.push(clean({ id: locId[l.key], organization_id: orgId[l.org], location_type: l.type, name: l.name, description: l.desc }));
  if (l.addr) { const [a1, city, pc, st, t] = l.addr; out.addresses.push({ id: id('addr', l.key), location_id: locId[l.key], address_1: a1, city, state_province: st, postal_code: pc, country: 'NO', address_type: t }); }
  if (l.phone) out.phones.push(clean({ id: id('phone', 'loc', l.key), location_id: locId[l.key], number: l.phone, description: l.name + (l.email ? ` (${l.email})` : '') }));
}
// Age limits where the seed states them in years (the eligibility text quotes it): the search's age filter.
const AGES = { fellesverket: [13, 25], arbeidstrening: [13, 25], treffpunkt: [13, 30], mentor: [13, 19], representant: [0, 17] };
for (const [key, [min, max]] of Object.entries(AGES)) {
  const s = SERVICES.find((x) => x.key === key);
  if (!s || (key !== 'representant' && !(s.elig ?? '').includes(String(max)))) throw new Error(`age ${key}`);
}
// services
for (const s of SERVICES) {
  if (!orgId[s.org]) throw new Error('org ' + s.org);
  const sid = id('svc', s.key);
  const [minimum_age, maximum_age] = AGES[s.key] ?? [];
  out.services.push(clean({ id: sid, organization_id: orgId[s.org], name: s.name, description: s.desc, url: s.url, email: s.email, status: 'active', eligibility_description: s.elig, application_process: s.app, fees_description: s.fees, minimum_age, maximum_age, assured_date: ASSURED }));
  const nums = [];
  (s.phones ?? []).forEach(([n, d], i) => { nums.push(n); out.phones.push(clean({ id: id('phone', s.key, i), service_id: sid, number: n, description: d, type: /SMS/.test(d) ? 'sms' : 'voice' })); });
  (s.sched ?? []).forEach(([byday, o, c, d], i) => out.schedules.push(clean({ id: id('sched', s.key, i), service_id: sid, freq: 'WEEKLY', wkst: 'MO', byday, opens_at: o, closes_at: c, description: d })));
  (s.areas ?? []).forEach((a) => out.service_areas.push({ id: id('area', s.key, a), service_id: sid, name: a }));
  (s.locs ?? []).forEach((lk) => { if (!locId[lk]) throw new Error('loc ' + lk); out.service_at_locations.push({ id: id('sal', s.key, lk), service_id: sid, location_id: locId[lk] }); });
  // SEIF etc: location phones also belong to the service
  for (const lk of s.locs ?? []) { const l = LOCS.find((x) => x.key === lk); if (l.phone) { const p = out.phones.find((x) => x.id === id('phone', 'loc', lk)); p.service_id = sid; } }
  const lang = s.org === 'rkdk' ? ['Dansk', 'da'] : ['Norsk bokmål', 'nb'];
  out.languages.push({ id: id('lang', s.key), service_id: sid, name: lang[0], code: lang[1] });
  for (const t of s.tg ?? []) { if (!term['tg:' + t]) throw new Error('tg ' + t); out.attributes.push({ id: id('attr', s.key, 'tg', t), link_id: sid, link_entity: 'service', link_type: 'target_group', taxonomy_term_id: term['tg:' + t], value: TG[t][0] }); }
  for (const t of s.needs ?? []) { if (!term['need:' + t]) throw new Error('need ' + t); out.attributes.push({ id: id('attr', s.key, 'need', t), link_id: sid, link_entity: 'service', link_type: 'need', taxonomy_term_id: term['need:' + t], value: NEED[t][0] }); }
  cite(sid, s.name, s.src, nums);
}
const ids = new Set();
for (const [k, v] of Object.entries(out)) if (Array.isArray(v)) for (const r of v) { if (ids.has(r.id)) throw new Error('dup ' + r.id); ids.add(r.id); }
if (problems.length) { console.error('SOURCE PROBLEMS\n' + problems.join('\n')); }
fs.writeFileSync(new URL('../../data/directory/directory.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
fs.writeFileSync(new URL('../../data/directory/sources.json', import.meta.url), JSON.stringify(sources, null, 1) + '\n');
console.log(Object.fromEntries(Object.entries(out).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, v.length])));
