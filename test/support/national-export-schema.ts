import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

/**
 * The documented format of the national export (docs/national-export.schema.json), checked as a
 * receiver would: JSON Schema 2020-12 (ajv), strict, with the two formats it uses.
 */
const schema = JSON.parse(readFileSync(path.join(__dirname, '../../docs/national-export.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s) });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)) });
const validate = ajv.compile(schema);

/** What is wrong with a batch body (`<path> <message>` each); empty when it conforms. */
export function nationalExportBatchErrors(body: unknown): string[] {
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
