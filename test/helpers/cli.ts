import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(REPO_ROOT, 'packages/cli/bin/entente.js');

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** Runs the real, bundled `entente` CLI as a process (built by `npm test` before mocha). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; wrapper?: string[]; timeout?: number } = {}): CliResult {
    const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
    const result = spawnSync(command, [...prefix, BIN, ...args], {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
        input: options.input,
        encoding: 'utf8',
        // Reports of big workspaces are megabytes; Node's default (1 MB) would kill the CLI mid-write.
        maxBuffer: 256 * 1024 * 1024,
        // A run that outlives this is killed, and its code is -1.
        timeout: options.timeout ?? 60_000
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
