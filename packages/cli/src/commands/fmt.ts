import { CharterFormatter, createCharterCoreServices } from '@entente/language';
import { EmptyFileSystem } from 'langium';
import * as fs from 'node:fs';
import { CliError } from '../cli-error.js';
import { parseFlags, type Command } from '../command.js';
import { findCharterFiles, readCharterFile, writeFilesAtomically } from '../files.js';
import { plural } from '../reporters/reporter.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'Rewrite charters in the canonical layout.',
    help: `Usage: entente fmt [paths...] [options]

Rewrites the .charter files named (folders are searched recursively, honouring
.gitignore) in the one canonical layout: four-space indentation, one clause a
line, single spaces, blank lines around blocks, comments kept where they are.
Only whitespace changes, so a charter means exactly what it meant. A file the
parser cannot read is left untouched and reported. See docs/formatting.md.

Options:
  --check    change nothing; list the files that are not in the layout
  --stdin    format standard input to standard output
  -h, --help show this help

Exit codes: 0 done (or, with --check, every file is in the layout),
1 a file would change (--check) or has syntax errors, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            check: { type: 'boolean' },
            stdin: { type: 'boolean' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const formatter = new CharterFormatter(createCharterCoreServices(EmptyFileSystem).Charter);
        if (values.stdin) {
            if (positionals.length > 0 || values.check) {
                throw new CliError('--stdin takes no paths and no --check (see --help)');
            }
            const input = fs.readFileSync(0, 'utf8');
            const formatted = formatter.format(input);
            if (formatted === undefined) {
                io.err('entente: standard input has syntax errors; not formatted (run entente check for details)\n');
                return 1;
            }
            io.out(formatted);
            return 0;
        }
        const files = findCharterFiles(positionals.length ? positionals : ['.']).map(file => readCharterFile(file));
        if (files.length === 0) {
            throw new CliError(`no .charter files found in ${positionals.join(', ') || '.'}`);
        }
        const changed: Array<{ file: string; displayPath: string; content: string }> = [];
        const unreadable: string[] = [];
        for (const file of files) {
            const { formatted, problem } = formatter.check(file.text);
            if (formatted === undefined) {
                unreadable.push(`${file.displayPath}: ${problem === 'unsafe' ? 'cannot be laid out without changing what a suppression comment covers; not formatted' : 'syntax errors; not formatted (run entente check for details)'}`);
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
                io.out(`${displayPath}\n`);
            }
            io.err(changed.length
                ? `${plural(changed.length, 'file')} of ${files.length} not in the canonical layout; run entente fmt to rewrite ${changed.length === 1 ? 'it' : 'them'}.\n`
                : `${plural(files.length - unreadable.length, 'file')} in the canonical layout.\n`);
            return changed.length > 0 || unreadable.length > 0 ? 1 : 0;
        }
        writeFilesAtomically(changed);
        for (const { displayPath } of changed) {
            io.out(`${displayPath}\n`);
        }
        io.err(`Formatted ${plural(changed.length, 'file')}; ${plural(files.length - changed.length - unreadable.length, 'file')} already in the canonical layout.\n`);
        return unreadable.length > 0 ? 1 : 0;
    }
};

function hasByteOrderMark(file: string): boolean {
    const bytes = Buffer.alloc(3);
    const descriptor = fs.openSync(file, 'r');
    try {
        return fs.readSync(descriptor, bytes, 0, 3, 0) === 3 && bytes.equals(Buffer.from([0xef, 0xbb, 0xbf]));
    } finally {
        fs.closeSync(descriptor);
    }
}
