import type { OptionRange, Rule, RuleLevel } from '../rules/rule.js';
import { closest } from '../util/closest.js';
import type { EntenteConfig, RuleSetting } from './charter-config.js';

/** The name of the configuration file, looked up from a charter's folder towards the root. */
export const CONFIG_FILE_NAME = 'entente.json';

/** The levels a rule can be set to in `entente.json`. */
export const CONFIG_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'off'];
const TOP_LEVEL_KEYS = new Set(['$schema', 'rules']);

/** A configuration file that cannot be used: the message says where and why, in one line. */
export class ConfigError extends Error {}

/**
 * Parses and validates the text of an `entente.json`: JSON only (never
 * executed), known keys, known rule ids, valid levels and options of the
 * right type. Throws a ConfigError naming the file, position and problem.
 */
export function parseConfig(fileText: string, path: string, rules: readonly Rule[]): EntenteConfig {
    // Editors on Windows may save JSON with a byte-order mark, which JSON.parse refuses; charters are read with one too.
    const text = fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText;
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(`${path}${positionOf(text, error)}: not valid JSON (${shortJsonMessage(error)})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ConfigError(`${path}: the configuration must be a JSON object`);
    }
    for (const key of Object.keys(value)) {
        if (!TOP_LEVEL_KEYS.has(key)) {
            throw new ConfigError(`${path}${keyPosition(text, key)}: unknown key '${key}' (known keys: rules)`);
        }
    }
    const rulesSection = (value as { rules?: unknown }).rules;
    if (rulesSection === undefined) {
        return {};
    }
    if (typeof rulesSection !== 'object' || rulesSection === null || Array.isArray(rulesSection)) {
        throw new ConfigError(`${path}${keyPosition(text, 'rules')}: 'rules' must be an object of rule ids`);
    }
    const byId = new Map(rules.map(rule => [rule.meta.id, rule]));
    const validated: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(rulesSection as Record<string, unknown>)) {
        const at = `${path}${keyPosition(text, id)}`;
        const rule = byId.get(id);
        if (!rule) {
            const suggestion = closest(id, [...byId.keys()]);
            throw new ConfigError(`${at}: unknown rule '${id}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
        }
        if (rule.meta.structural) {
            throw new ConfigError(`${at}: '${id}' is a structural rule; it is always an error and cannot be configured`);
        }
        validated[id] = validateSetting(setting, rule, at);
    }
    return { rules: validated };
}

function validateSetting(setting: unknown, rule: Rule, at: string): RuleSetting {
    if (typeof setting === 'string') {
        return checkLevel(setting, rule.meta.id, at);
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
        throw new ConfigError(`${at}: '${rule.meta.id}' takes a level (${CONFIG_LEVELS.join(', ')}) or { "level", "options" }`);
    }
    const { level, options, ...rest } = setting as { level?: unknown; options?: unknown };
    const extra = Object.keys(rest)[0];
    if (extra) {
        throw new ConfigError(`${at}: unknown key '${extra}' for '${rule.meta.id}' (known keys: level, options)`);
    }
    const result: RuleSetting = {};
    if (level !== undefined) {
        result.level = checkLevel(level, rule.meta.id, at);
    }
    if (options !== undefined) {
        if (typeof options !== 'object' || options === null || Array.isArray(options)) {
            throw new ConfigError(`${at}: 'options' of '${rule.meta.id}' must be an object`);
        }
        const known = rule.meta.options ?? {};
        for (const [name, optionValue] of Object.entries(options as Record<string, unknown>)) {
            // Own keys only: '__proto__', 'constructor' or 'toString' are no option, whatever Object.prototype holds.
            if (!Object.hasOwn(known, name)) {
                const names = Object.keys(known);
                throw new ConfigError(`${at}: '${rule.meta.id}' has no option '${name}'${names.length ? ` (options: ${names.join(', ')})` : ' (it takes no options)'}`);
            }
            if (typeof optionValue !== typeof known[name]) {
                throw new ConfigError(`${at}: option '${name}' of '${rule.meta.id}' must be a ${typeof known[name]}, not ${JSON.stringify(optionValue)}`);
            }
            // JSON.parse reads 1e309 as Infinity, with which a threshold never fires.
            if (typeof optionValue === 'number' && !Number.isFinite(optionValue)) {
                throw new ConfigError(`${at}: option '${name}' of '${rule.meta.id}' must be a finite number`);
            }
            const range = rule.meta.optionRanges?.[name];
            if (range && typeof optionValue === 'number' && !isInRange(optionValue, range)) {
                throw new ConfigError(`${at}: option '${name}' of '${rule.meta.id}' takes ${describeOptionRange(range)}, not ${optionValue}`);
            }
        }
        result.options = options as Record<string, number | string | boolean>;
    }
    return result;
}

function isInRange(value: number, range: OptionRange): boolean {
    return value >= range.min && (range.max === undefined || value <= range.max) && (!range.whole || Number.isInteger(value));
}

/** `a number from 0 to 1`, `a whole number of at least 0`: what an option takes, in messages and on the rules' pages. */
export function describeOptionRange(range: OptionRange): string {
    const kind = range.whole ? 'a whole number' : 'a number';
    return range.max === undefined ? `${kind} of at least ${range.min}` : `${kind} from ${range.min} to ${range.max}`;
}

function checkLevel(level: unknown, id: string, at: string): RuleLevel {
    if (typeof level !== 'string' || !(CONFIG_LEVELS as readonly string[]).includes(level)) {
        throw new ConfigError(`${at}: '${id}' takes a level of ${CONFIG_LEVELS.join(', ')}, not ${JSON.stringify(level)}`);
    }
    return level as RuleLevel;
}

/** `:line:col` of the first occurrence of a key in the text, when found. */
function keyPosition(text: string, key: string): string {
    const index = text.indexOf(JSON.stringify(key));
    return index < 0 ? '' : lineColumn(text, index);
}

function positionOf(text: string, error: unknown): string {
    const match = /position (\d+)/.exec(String((error as Error).message));
    return match ? lineColumn(text, Number(match[1])) : '';
}

function lineColumn(text: string, offset: number): string {
    const before = text.slice(0, offset).split('\n');
    return `:${before.length}:${before[before.length - 1].length + 1}`;
}

function shortJsonMessage(error: unknown): string {
    // `Unexpected token '/', "// rules\n{ ..." is not valid JSON` quotes the file, new lines and all: the token says enough.
    return String((error as Error).message).replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '')
        .replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '');
}

