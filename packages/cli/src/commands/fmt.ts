import { CharterFormatter, count, createCharterCoreServices, isRealDate, verb, type CharterCoreServices, type Finding } from '@entente/language';
import { EmptyFileSystem } from 'langium';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CliError } from '../cli-error.js';
import { parseFlags, type Command, type CommandIO } from '../command.js';
import { charterFileOf, findCharterFiles, readCharterFile, readStandardInput, writeFilesAtomically, type CharterFile } from '../files.js';
import { findingLine } from '../reporters/pretty.js';
import { readStagedChanges } from '../staged.js';
import { plural } from '../reporters/reporter.js';
import { terminalSafe } from '../reporters/terminal-text.js';

export const fmtCommand: Command = {
    name: 'fmt',
    summary: 'Rewrite charters in the canonical layout.',
    help: `Usage: entente fmt [paths...] [options]
       entente fmt --stdin [--check] [--stdin-filename <path>]
       entente fmt --check --staged [paths...]

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
  --staged                 with --check: the charters the next commit adds or
                           changes, as the git index holds them, in one run;
                           prints nothing but those not in the layout (for
                           pre-commit hooks)
  -h, --help               show this help

Exit codes: 0 done (or, with --check, every file is in the layout),
1 a file would change (--check) or has syntax errors, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            check: { type: 'boolean' },
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' },
            staged: { type: 'boolean' }
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
        if (values.staged && values.stdin) {
            throw new CliError('use either --stdin or --staged, not both (see --help)');
        }
        if (values.staged) {
            if (!values.check) {
                // The index is not rewritten behind the working tree's back: fmt the files, then stage them.
                throw new CliError('--staged checks the staged charters\' layout: use it with --check (to rewrite them, run entente fmt on the files and stage them again)');
            }
            // One message a charter out of the layout, as a hook piping each through --stdin --check printed; nothing when all are in it.
            let failed = false;
            for (const file of readStagedChanges(positionals)) {
                assertUtf8(file);
                failed = !(await checkText(services, formatter, file, io)) || failed;
            }
            return failed ? 1 : 0;
        }
        if (values.stdin) {
            if (positionals.length > 0) {
                throw new CliError('--stdin takes no paths (see --help)');
            }
            const name = stdinFilename ?? 'standard input';
            const bytes = readStandardInput('fmt');
            const input = charterFileOf('/dev/stdin', name, bytes);
            assertUtf8(input);
            if (values.check) {
                return (await checkText(services, formatter, input, io)) ? 0 : 1;
            }
            const { formatted, problem } = layoutOf(services, formatter, input.text);
            if (formatted === undefined && problem === 'unsafe') {
                io.err(`entente: ${terminalSafe(name)} cannot be laid out without changing what a suppression comment covers; not formatted\n`);
                return 1;
            }
            if (formatted === undefined) {
                io.err(`${await syntaxErrorsOf(services, input, io.color)}entente: ${terminalSafe(name)} has syntax errors; not formatted\n`);
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
        let errorsShown = 0;
        for (const file of files) {
            const { formatted, problem } = layoutOf(services, formatter, file.text);
            if (formatted === undefined && problem === 'unsafe') {
                unreadable.push(`${terminalSafe(file.displayPath)}: cannot be laid out without changing what a suppression comment covers; not formatted`);
            } else if (formatted === undefined) {
                // The first error as check prints it, for the first few files; then only the file's name.
                const first = errorsShown++ < SYNTAX_ERRORS_SHOWN ? await syntaxErrorsOf(services, file, io.color) : '';
                unreadable.push(`${first}${terminalSafe(file.displayPath)}: syntax errors; not formatted`);
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
            io.err(summaryOf('check', files.length, changed.length, unreadable.length));
            return changed.length > 0 || unreadable.length > 0 ? 1 : 0;
        }
        writeFilesAtomically(changed);
        for (const { displayPath } of changed) {
            io.out(`${terminalSafe(displayPath)}\n`);
        }
        io.err(summaryOf('write', files.length, changed.length, unreadable.length));
        return unreadable.length > 0 ? 1 : 0;
    }
};

/**
 * Whether one text (standard input, a staged charter) is in the canonical layout, for
 * `--stdin --check` and `--check --staged`: silent when it is; else its name on standard
 * output and why on standard error (its first syntax error, as check prints it, when it
 * has syntax errors).
 */
async function checkText(services: CharterCoreServices, formatter: CharterFormatter, file: CharterFile, io: CommandIO): Promise<boolean> {
    const name = terminalSafe(file.displayPath);
    const { formatted, problem } = layoutOf(services, formatter, file.text);
    if (formatted === undefined && problem === 'unsafe') {
        io.err(`entente: ${name} cannot be laid out without changing what a suppression comment covers; not formatted\n`);
        return false;
    }
    if (formatted === undefined) {
        io.err(`${await syntaxErrorsOf(services, file, io.color)}entente: ${name} has syntax errors; not formatted\n`);
        return false;
    }
    if (formatted === file.text) {
        return true;
    }
    io.out(`${name}\n`);
    io.err(`${name} is not in the canonical layout; run entente fmt to rewrite it.\n`);
    return false;
}

/**
 * The line that ends a run on files, for none, one or many of each kind: `1 of 3 files is not
 * in the canonical layout; run entente fmt to rewrite it.`, `None of the 2 files is in …`,
 * `All 4 files are in the canonical layout.`, `Formatted 2 files; 1 file already in …`,
 * `The file cannot be formatted (see above).` `changed`: the files not in the layout (with
 * --check) or rewritten; `unformattable`: those left alone, each reported above.
 */
function summaryOf(mode: 'check' | 'write', total: number, changed: number, unformattable: number): string {
    const laidOut = total - unformattable;
    const inLayout = laidOut - changed;
    const parts: string[] = [];
    if (mode === 'check' && changed > 0) {
        parts.push(changed < laidOut ? `${changed} of ${count(laidOut, 'file')} ${verb(changed, 'is')} not in the canonical layout`
            : laidOut === 1 ? '1 file is not in the canonical layout' : `none of the ${laidOut} files is in the canonical layout`);
    }
    if (mode === 'write' && changed > 0) {
        parts.push(`formatted ${count(changed, 'file')}`);
    }
    const already = mode === 'write' ? 'already ' : '';
    if (inLayout > 0 && mode === 'write' && changed > 0) {
        parts.push(`${count(inLayout, 'file')} ${already}in the canonical layout`);
    } else if (inLayout > 0 && changed === 0) {
        parts.push(`${inLayout === 1 ? '1 file is' : unformattable > 0 ? `${inLayout} files are` : `all ${inLayout} files are`} ${already}in the canonical layout`);
    }
    if (unformattable > 0) {
        parts.push(laidOut > 0 ? `${count(unformattable, 'file')} cannot be formatted (see above)`
            : unformattable === 1 ? 'the file cannot be formatted (see above)' : `none of the ${unformattable} files can be formatted (see above)`);
    }
    if (mode === 'check' && changed > 0) {
        parts.push(`run entente fmt to rewrite ${changed === 1 ? 'it' : 'them'}`);
    }
    const sentence = parts.join('; ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.\n`;
}

/** How many files with syntax errors fmt shows the first error of; the rest are named (check lists them all). */
const SYNTAX_ERRORS_SHOWN = 10;

/**
 * The first syntax error of a file fmt cannot read, as `entente check` prints it
 * (`path:line:col  error  message  syntax`), and how many more there are, each line
 * ending in a line break; the file is parsed alone, as the syntax rule needs nothing else.
 */
async function syntaxErrorsOf(services: CharterCoreServices, file: CharterFile, color: boolean): Promise<string> {
    const shared = services.shared;
    // Under a folder of its own, so no other document of fmt's services can clash with it.
    // Standard input is /dev/stdin: the document still needs the .charter extension to be parsed as a charter.
    const name = file.absolutePath.endsWith('.charter') ? path.basename(file.absolutePath) : 'standard-input.charter';
    const uri = URI.file(path.join('/entente-fmt', String(syntaxDocuments++), name));
    const document = shared.workspace.LangiumDocumentFactory.fromString(file.text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const errors = services.charter.RuleRunner.run(document)
            .filter((finding: Finding) => finding.ruleId === 'syntax')
            .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        if (errors.length === 0) {
            return '';
        }
        const more = errors.length > 1 ? `${terminalSafe(file.displayPath)}: ${plural(errors.length - 1, 'more syntax error')}; entente check lists them all\n` : '';
        return `${findingLine(file.displayPath, errors[0]!, color)}\n${more}`;
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
    }
}
let syntaxDocuments = 0;

/**
 * The text in the canonical layout, or why it cannot be laid out: `syntax` (the
 * parser cannot read it, or a date names a day that does not exist, a syntax
 * finding of check), `unsafe` (a suppression comment would cover other lines).
 */
function layoutOf(services: CharterCoreServices, formatter: CharterFormatter, text: string): { formatted?: string; problem?: 'syntax' | 'unsafe' } {
    return hasImpossibleDate(services, text) ? { problem: 'syntax' } : formatter.check(text);
}

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
