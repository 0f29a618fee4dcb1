import type { OptionRange, Rule, RuleOptionValue } from '../rules/rule.js';
import { CONFIG_LEVELS } from './config-file.js';

/** A JSON schema (draft-07), as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON schema of `entente.json` (docs/entente.schema.json, which editors
 * use for completion and validation): exactly what `parseConfig` accepts.
 * Each rule that can be configured is a property, with its summary and its
 * options, their types and defaults; structural rules and unknown ids are
 * not, as the loader refuses them. `scripts/config-schema.mjs` writes it.
 */
export function configSchema(rules: readonly Rule[]): JsonSchema {
    const configurable = rules.filter(rule => !rule.meta.structural);
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Entente configuration (entente.json)',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            rules: {
                type: 'object',
                description: 'Rule levels and options, by rule id (see docs/rules/README.md). Structural rules are always errors and cannot be configured.',
                additionalProperties: false,
                properties: Object.fromEntries(configurable.map(rule => [rule.meta.id, ruleSchema(rule)]))
            }
        },
        definitions: {
            level: { enum: [...CONFIG_LEVELS] },
            setting: settingSchema({})
        }
    };
}

/** A rule's value: a level, or a level and/or its options. */
function settingSchema(options: Record<string, RuleOptionValue>, ranges: Record<string, OptionRange> = {}): JsonSchema {
    return {
        oneOf: [
            { $ref: '#/definitions/level' },
            {
                type: 'object',
                additionalProperties: false,
                properties: {
                    level: { $ref: '#/definitions/level' },
                    options: {
                        type: 'object',
                        additionalProperties: false,
                        properties: Object.fromEntries(Object.entries(options).map(([name, value]) => [name, optionSchema(value, ranges[name])]))
                    }
                }
            }
        ]
    };
}

/** An option's type and default, and for a number the range the loader holds it to. */
function optionSchema(value: RuleOptionValue, range: OptionRange | undefined): JsonSchema {
    if (typeof value !== 'number' || !range) {
        return { type: typeof value, default: value };
    }
    return { type: range.whole ? 'integer' : 'number', default: value, minimum: range.min, ...(range.max === undefined ? {} : { maximum: range.max }) };
}

/** A rule's property: its summary, and the shared setting of a rule without options. */
function ruleSchema({ meta }: Rule): JsonSchema {
    const description = `${meta.summary} Default level: ${meta.severity}.`;
    return meta.options && Object.keys(meta.options).length > 0
        ? { description, ...settingSchema(meta.options, meta.optionRanges) }
        : { description, allOf: [{ $ref: '#/definitions/setting' }] };
}
