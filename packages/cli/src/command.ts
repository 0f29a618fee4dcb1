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
        return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
        throw new CliError(`${(error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '')} (see --help)`);
    }
}

/** Parses a whole, non-negative number flag. */
export function parseCount(value: string | undefined, flag: string): number | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!/^\d+$/.test(value)) {
        throw new CliError(`${flag} takes a whole number, not '${value}'`);
    }
    return Number(value);
}

/** Parses a YYYY-MM-DD date flag, rejecting dates that do not exist. */
export function parseDate(value: string | undefined, flag: string): string | undefined {
    if (value === undefined) {
        return undefined;
    }
    if (!isRealDate(value)) {
        throw new CliError(`${flag} takes a date as YYYY-MM-DD, not '${value}'`);
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
