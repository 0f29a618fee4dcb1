//@ts-check
// Writes docs/entente.schema.json, the JSON schema of entente.json, from the
// rule registry: `node --import tsx scripts/config-schema.mjs` after adding a
// rule or an option. test/language/config-schema.test.ts fails until it is run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../packages/language/src/rules/index.ts';
import { configSchema } from '../packages/language/src/config/config-schema.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
fs.writeFileSync(path.join(root, 'docs/entente.schema.json'), `${JSON.stringify(configSchema(allRules), null, 4)}\n`);
