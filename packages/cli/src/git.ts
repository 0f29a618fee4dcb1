import type * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { CliError } from './cli-error.js';

/** Node's child_process, loaded by the first git run: loading it takes 4 ms, which every other command would pay. */
function childProcessModule(): typeof childProcess {
    return createRequire(import.meta.url)('node:child_process') as typeof childProcess;
}

/**
 * Runs git without a shell and gives its output as bytes (a file's content,
 * which may not be UTF-8); `input` goes to its standard input. A failure is
 * the one-line `failure`, followed by git's own first line when `withReason`.
 */
export function gitBytes(args: string[], cwd: string, failure: string, options: { input?: Buffer; withReason?: boolean } = {}): Buffer {
    try {
        return childProcessModule().execFileSync('git', args, { cwd, input: options.input, stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new CliError('git is not installed (or not on PATH)');
        }
        const said = options.withReason ? String((error as { stderr?: Buffer }).stderr ?? '').split('\n')[0]?.replace(/^fatal: /, '').trim() : '';
        throw new CliError(said ? `${failure} (${said})` : failure);
    }
}

/** A file as committed: its bytes, or why git could not give them (`missing`: no such file there; `a tree, not a file`). */
export type CommittedFile = { bytes: Buffer } | { why: string };

/**
 * The content of each file as committed at `commit`, read by one `git cat-file --batch`: one process however
 * many files, where `git show` costs a process a file (1,000 charters: 1,000 processes). A file git cannot give
 * is answered with why, for the caller to report when it reads it; git failing as a whole is `failure` with
 * git's own first line.
 */
export function gitBlobs(commit: string, files: readonly string[], cwd: string, failure: string): Map<string, CommittedFile> {
    const answers = new Map<string, CommittedFile>();
    // A name with a line break cannot be one line of the batch's input: such a file is read alone.
    for (const file of files.filter(name => name.includes('\n'))) {
        try {
            answers.set(file, { bytes: gitBytes(['show', `${commit}:${file}`], cwd, failure) });
        } catch (error) {
            if (!(error instanceof CliError)) {
                throw error;
            }
            answers.set(file, { why: 'not readable' });
        }
    }
    const batched = files.filter(name => !name.includes('\n'));
    if (batched.length === 0) {
        return answers;
    }
    catFileBatch(batched.map(file => `${commit}:${file}`), cwd, failure).forEach((answer, index) => answers.set(batched[index], answer));
    return answers;
}

/**
 * What `git cat-file --batch` gives for each object name (`<commit>:<path>`, or an object id), in the order
 * asked, from one git process: the bytes of a file, or why git could not give them (`missing`, `ambiguous`,
 * `a tree, not a file`). Git failing as a whole is `failure` with git's own first line. A name must not
 * hold a line break (one name a line).
 */
export function catFileBatch(names: readonly string[], cwd: string, failure: string): CommittedFile[] {
    if (names.length === 0) {
        return [];
    }
    const output = gitBytes(['cat-file', '--batch'], cwd, failure, { input: Buffer.from(names.map(name => `${name}\n`).join(''), 'utf8'), withReason: true });
    // Each answer, in the order asked: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n` (or `ambiguous`).
    const answers: CommittedFile[] = [];
    let at = 0;
    for (const name of names) {
        const end = output.indexOf(0x0a, at);
        if (end < 0) {
            throw new CliError(`${failure} (git cat-file gave no answer for ${name})`);
        }
        const header = output.subarray(at, end).toString('utf8');
        const found = /^[0-9a-f]+ ([a-z]+) (\d+)$/.exec(header);
        if (!found) {
            answers.push({ why: header.slice(header.lastIndexOf(' ') + 1) });
            at = end + 1;
            continue;
        }
        const size = Number(found[2]);
        answers.push(found[1] === 'blob' ? { bytes: output.subarray(end + 1, end + 1 + size) } : { why: `a ${found[1]}, not a file` });
        at = end + 1 + size + 1;
    }
    return answers;
}
