import { execFileSync } from 'node:child_process';

/**
 * Runs git in `cwd` as a test's repository needs it: a committer of its own
 * and no signing (whatever the machine's configuration), and none of the
 * variables a git hook running the tests would pass down (`GIT_DIR`,
 * `GIT_WORK_TREE`, `GIT_INDEX_FILE`), which would point git at another
 * repository. Gives git's standard output.
 */
export function gitIn(cwd: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Entente Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined } });
}
