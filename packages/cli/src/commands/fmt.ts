import { CharterFormatter, createCharterCoreServices, isRealDate, type CharterCoreServices } from '@entente/language';
import { EmptyFileSystem } from 'langium';
import * as fs from 'node:fs';
import { CliError } from '../cli-error.js';
import { parseFlags, type Command } from '../command.js';
import { charterFileOf, findCharterFiles, readCharterFile, readStandardInput, writeFilesAtomically, type CharterFile } from '../files.js';
import { plural } from '../reporters/reporter.js';
import { terminalSafe } from '../reporters/terminal-text.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'Rewrite charters in the canonical layout.',
    help: `Usage: entente fmt [paths...] [options]
       entente fmt --stdin [--check] [--stdin-filename <path>]

Rewrites the .charter files named (folders are searched recursively, honouring
.gitignore) in the one canonical layout: four-space indentation, one clause a
line, single spaces, blank lines around blocks, comments kept where they are.
Only whitespace changes, so a charter means exactly what it meant. A file the
parser cannot read is left untouched and reported. See docs/formatting.md.

Options:
  --check                  change nothing; list the files that are not in the
                           layout
  --stdin                  format standard input to standard output; with
                           --check, print nothing but its name if it is not
                           in the layout (a pre-commit hook's staged text)
  --stdin-filename <path>  with --stdin: the name standard input is reported
                           under (default: standard input)
  -h, --help               show this help

Exit codes: 0 done (or, with --check, every file is in the layout),
1 a file would change (--check) or has syntax errors, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            check: { type: 'boolean' },
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const services = createCharterCoreServices(EmptyFileSystem).Charter;
        const formatter = new CharterFormatter(services);
        const stdinFilename = values['stdin-filename'];
        if (stdinFilename !== undefined && !values.stdin) {
            throw new CliError('--stdin-filename names the file standard input stands for: use it with --stdin (see --help)');
        }
        if (values.stdin) {
            if (positionals.length > 0) {
                throw new CliError('--stdin takes no paths (see --help)');
            }
            const name = stdinFilename ?? 'standard input';
            const bytes = readStandardInput('fmt');
            const input = charterFileOf('/dev/stdin', name, bytes);
            assertUtf8(input);
            const formatted = hasImpossibleDate(services, input.text) ? undefined : formatter.format(input.text);
            if (formatted === undefined) {
                io.err(`entente: ${terminalSafe(name)} has syntax errors; not formatted (run entente check for details)\n`);
                return 1;
            }
            if (values.check) {
                // As for files, the name on standard output when it would change; silent when it would not (a hook runs it per staged file).
                if (formatted === input.text) {
                    return 0;
                }
                io.out(`${terminalSafe(name)}\n`);
                io.err(`${terminalSafe(name)} is not in the canonical layout; run entente fmt to rewrite it.\n`);
                return 1;
            }
            // A byte order mark on the way in stays on the way out, as it does for files.
            io.out(startsWithByteOrderMark(bytes) ? `\ufeff${formatted}` : formatted);
            return 0;
        }
        const files = findCharterFiles(positionals.length ? positionals : ['.']).map(file => readCharterFile(file));
        if (files.length === 0) {
            throw new CliError(`no .charter files found in ${positionals.join(', ') || '.'}`);
        }
        // Text that is not UTF-8 would be written back with U+FFFD in place of its bytes: refused before anything is written.
        files.forEach(assertUtf8);
        const changed: Array<{ file: string; displayPath: string; content: string }> = [];
        const unreadable: string[] = [];
        for (const file of files) {
            // An impossible date is a syntax finding of check, so such a file is left alone like any other with one.
            const { formatted, problem } = hasImpossibleDate(services, file.text) ? { formatted: undefined, problem: 'syntax' } : formatter.check(file.text);
            if (formatted === undefined) {
                unreadable.push(`${terminalSafe(file.displayPath)}: ${problem === 'unsafe' ? 'cannot be laid out without changing what a suppression comment covers; not formatted' : 'syntax errors; not formatted (run entente check for details)'}`);
            } else if (formatted !== file.text) {
                // Written to the link's target, so a symbolic link stays a link; a byte order mark stays.
                changed.push({ file: fs.realpathSync(file.absolutePath), displayPath: file.displayPath, content: hasByteOrderMark(file.absolutePath) ? `\ufeff${formatted}` : formatted });
            }
        }
        for (const line of unreadable) {
            io.err(`${line}\n`);
        }
        if (values.check) {
            for (const { displayPath } of changed) {
                io.out(`${terminalSafe(displayPath)}\n`);
            }
            io.err(changed.length
                ? `${plural(changed.length, 'file')} of ${files.length} not in the canonical layout; run entente fmt to rewrite ${changed.length === 1 ? 'it' : 'them'}.\n`
                : `${plural(files.length - unreadable.length, 'file')} in the canonical layout.\n`);
            return changed.length > 0 || unreadable.length > 0 ? 1 : 0;
        }
        writeFilesAtomically(changed);
        for (const { displayPath } of changed) {
            io.out(`${terminalSafe(displayPath)}\n`);
        }
        io.err(`Formatted ${plural(changed.length, 'file')}; ${plural(files.length - changed.length - unreadable.length, 'file')} already in the canonical layout.\n`);
        return unreadable.length > 0 ? 1 : 0;
    }
};

/** Whether a DATE token of the text names a day that does not exist (2026-02-30); lexed only when some date-like text is not a real date. */
function hasImpossibleDate(services: CharterCoreServices, text: string): boolean {
    const dateLike = text.match(/\d{4}-\d{2}-\d{2}/g);
    if (!dateLike || dateLike.every(isRealDate)) {
        return false;
    }
    return services.parser.Lexer.tokenize(text).tokens.some(token => token.tokenType.name === 'DATE' && !isRealDate(token.image));
}

function assertUtf8(file: CharterFile): void {
    if (file.invalidUtf8) {
        throw new CliError(`${file.displayPath}: not valid UTF-8 (byte 0x${file.invalidUtf8.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${file.invalidUtf8.byteOffset}); nothing formatted (save it as UTF-8 first)`);
    }
}

function startsWithByteOrderMark(bytes: Buffer): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function hasByteOrderMark(file: string): boolean {
    const bytes = Buffer.alloc(3);
    const descriptor = fs.openSync(file, 'r');
    try {
        return fs.readSync(descriptor, bytes, 0, 3, 0) === 3 && bytes.equals(Buffer.from([0xef, 0xbb, 0xbf]));
    } finally {
        fs.closeSync(descriptor);
    }
}
