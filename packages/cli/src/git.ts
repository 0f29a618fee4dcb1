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
