import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The official Open Referral HSDS 3.0 schemas (`standards/hsds-3.0/`, CC BY-SA 4.0), loaded once.
 * Each file is registered under its own name, so the schemas' `$ref: "phone.json"` resolve as
 * published. The schemas carry documentation keywords of their own (`core`, `constraints`,
 * `datapackage_metadata` …), hence `strict: false`.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../standards/hsds-3.0');

let ajv: Ajv | undefined;
function load(): Ajv {
  if (ajv) return ajv;
  const a = new Ajv({ strict: false, allErrors: true });
  addFormats.default(a);
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    a.addSchema(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')), file);
  }
  for (const file of fs.readdirSync(path.join(DIR, 'compiled')).filter((f) => f.endsWith('.json'))) {
    a.addSchema(JSON.parse(fs.readFileSync(path.join(DIR, 'compiled', file), 'utf8')), `compiled/${file}`);
  }
  ajv = a;
  return a;
}

/** The validator of one schema file, e.g. `service.json` or `compiled/service_list.json`. */
export function hsdsValidator(file: string): ValidateFunction {
  const v = load().getSchema(file);
  if (!v) throw new Error(`no HSDS schema ${file}`);
  return v;
}
