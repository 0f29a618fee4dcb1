import { isRealDate } from '@entente/language';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';

/** One `entente` command: its name, one-line summary, help text and what it does. */
export interface Command {
    name: string;
    summary: string;
    /** Full help, printed by `entente <command> --help`. */
    help: string;
    /** Runs the command; resolves to the exit code. */
    run(args: string[], io: CommandIO): Promise<number>;
}

/** Where a command writes: standard output and error, and whether output is a colour terminal. */
export interface CommandIO {
    out(text: string): void;
    err(text: string): void;
    color: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags; an unknown flag or a missing value is a usage error (exit 2). */
export function parseFlags<O extends Options>(args: string[], options: O) {
    try {
        return parseArgs({ args: withNegativeValuesJoined(args, options), options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
        const message = (error as Error).message;
        // `--format --quiet`: Node calls the value "ambiguous"; the user forgot it.
        const ambiguous = /^Option '(--[^'\s]+)' argument is ambiguous/.exec(message);
        if (ambiguous) {
            throw new CliError(`${ambiguous[1]} needs a value, but ${flagAfter(args, ambiguous[1])} follows it (a value that starts with a dash is written ${ambiguous[1]}=-…; see --help)`);
        }
        throw new CliError(`${message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '')} (see --help)`);
    }
}

/** The argument after the first `flag` in `args`, quoted, for a message. */
function flagAfter(args: readonly string[], flag: string): string {
    const next = args[args.indexOf(flag) + 1];
    return next === undefined ? 'nothing' : `'${next}'`;
}

/**
 * `--horizon -5` as `--horizon=-5`. Node's parseArgs takes a value that
 * starts with a dash for a flag and calls the option's argument "ambiguous";
 * no flag starts with a digit, so a negative number after an option that
 * takes a value is that value, and the option's own parser says what is
 * wrong with it, as it does for `--horizon=-5`.
 */
function withNegativeValuesJoined(args: readonly string[], options: Options): string[] {
    const joined: string[] = [];
    for (let index = 0; index < args.length; index++) {
        const arg = args[index];
        if (arg === '--') {
            joined.push(...args.slice(index));
            break;
        }
        const name = arg.startsWith('--') ? arg.slice(2) : undefined;
        const next = args[index + 1];
        if (name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' && next !== undefined && /^-\d/.test(next)) {
            joined.push(`${arg}=${next}`);
            index++;
        } else {
            joined.push(arg);
        }
    }
    return joined;
}

/** Parses a whole, non-negative number flag, up to `max` when given. */
export function parseCount(value: string | undefined, flag: string, max?: number): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    const range = max === undefined ? '' : ` from 0 to ${max}`;
    if (!/^\d+$/.test(value)) {
        throw new CliError(`${flag} takes a whole number${range}, not '${value}'`);
    }
    const count = Number(value);
    if (max !== undefined && count > max) {
        throw new CliError(`${flag} takes a whole number${range}, not ${value}`);
    }
    return count;
}

/** Parses a YYYY-MM-DD date flag, rejecting dates that do not exist. */
export function parseDate(value: string | undefined, flag: string): string | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!isRealDate(value)) {
        // Written as a date, but of no calendar (2026-02-29): the format is right, the day does not exist.
        throw new CliError(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) ? `${flag}: ${value} is not a date of the calendar` : `${flag} takes a date as YYYY-MM-DD, not '${value}'`);
    }
    return value;
}

/** Parses an option restricted to a set of values. */
export function parseChoice<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fallback: T): T {
    if (value === undefined) {
        return fallback;
    }
    if (!(choices as readonly string[]).includes(value)) {
        throw new CliError(`${flag} takes one of ${choices.join(', ')}, not '${value}'`);
    }
    return value as T;
}
