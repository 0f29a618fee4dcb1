import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { allRules, ConfigError, parseConfig } from '@entente/language';
import { configSchema } from '../../packages/language/src/config/config-schema.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SCHEMA_PATH = path.join(REPO_ROOT, 'docs/entente.schema.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

/** Whether the config loader takes the text (a ConfigError says it does not; anything else is a bug). */
function loaderAccepts(text: string): boolean {
    try {
        parseConfig(text, 'entente.json', allRules);
        return true;
    } catch (error) {
        assert.ok(error instanceof ConfigError, `${text}: ${String(error)}`);
        return false;
    }
}

/** Configurations a user writes, right and wrong: every rule at every level, with each of its options, and the mistakes the loader refuses. */
function configurations(): unknown[] {
    const configs: unknown[] = [{}, { $schema: './docs/entente.schema.json' }, { rules: {} }, { rules: [] }, { extends: 'x' }, [], 'rules'];
    for (const { meta } of allRules) {
        for (const level of ['error', 'warning', 'info', 'off', 'hint', 'Error', 1, null]) {
            configs.push({ rules: { [meta.id]: level } }, { rules: { [meta.id]: { level } } });
        }
        configs.push(
            { rules: { [meta.id]: {} } },
            { rules: { [meta.id]: { options: {} } } },
            { rules: { [meta.id]: { options: [] } } },
            { rules: { [meta.id]: { severity: 'error' } } },
            { rules: { [meta.id]: { options: { nope: 1 } } } },
            { rules: { [meta.id]: { options: { toString: 1 } } } }
        );
        for (const [name, value] of Object.entries(meta.options ?? {})) {
            configs.push(
                { rules: { [meta.id]: { level: 'info', options: { [name]: value } } } },
                { rules: { [meta.id]: { options: { [name]: String(value) } } } },
                { rules: { [meta.id]: { options: { [name]: true } } } }
            );
            // Numbers at, inside and outside the option's range (a share of 75 meant as 75%, a count of 2.5).
            const range = meta.optionRanges?.[name];
            if (range) {
                const probes = [range.min, range.min - 1, range.min + 0.5, ...(range.max === undefined ? [1e6] : [range.max, range.max + 1, range.max * 100])];
                configs.push(...probes.map(number => ({ rules: { [meta.id]: { options: { [name]: number } } } })));
            }
        }
    }
    configs.push({ rules: { 'fixed-chiar': 'off' } }, { rules: { '': 'off' } });
    return configs;
}

describe('docs/entente.schema.json, the schema editors validate entente.json with', () => {
    it('is the schema of the rule registry (node --import tsx scripts/config-schema.mjs writes it)', () => {
        assert.deepEqual(schema, configSchema(allRules), 'docs/entente.schema.json is stale: run node --import tsx scripts/config-schema.mjs');
    });

    it('accepts exactly what the config loader accepts', () => {
        const validate = new Ajv.default({ strict: true, allowUnionTypes: true }).compile(schema);
        const configs = configurations();
        assert.ok(configs.length > 500, `${configs.length} configurations`);
        for (const config of configs) {
            const text = JSON.stringify(config);
            assert.equal(validate(config), loaderAccepts(text), `schema and loader disagree on ${text}: ${JSON.stringify(validate.errors)}`);
        }
    });

    it('accepts the entente.json of docs/configuration.md', () => {
        const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/configuration.md'), 'utf8');
        const example = /```json\n([\s\S]*?)```/.exec(page)![1];
        assert.ok(loaderAccepts(example), example);
        assert.ok(new Ajv.default({ strict: true, allowUnionTypes: true }).validate(schema, JSON.parse(example)), example);
    });
});
