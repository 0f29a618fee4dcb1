/**
 * The GitHub Action of this repository (action.yml): the CLI's commands run
 * in this process on the charters of the repository the workflow checked out,
 * with what GitHub provides: inputs as `INPUT_*`, `GITHUB_OUTPUT`,
 * `GITHUB_STEP_SUMMARY`, `GITHUB_EVENT_PATH` (the pull-request payload) and
 * `GITHUB_BASE_REF`. Built by scripts/build.mjs into `action/index.cjs`.
 *
 * - findings as annotations (`entente check --format github` on stdout);
 * - optionally a SARIF file for code scanning;
 * - the job summary: the findings and the health of each charter;
 * - on a pull request, the governance diff from the merge base with the base
 *   branch (`entente diff --git BASE...HEAD --format markdown`): a file, an output, and a
 *   comment on the pull request (one, updated on every push) when a token is given;
 * - fails the step at the chosen level.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { failsAt, FAIL_LEVELS, type FailLevel } from '../commands/check.js';
import { main } from '../main.js';

/** Marks the action's comment, so a later run updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- entente-governance-diff -->';

interface Captured {
    code: number;
    out: string;
    err: string;
}

/** An input as GitHub passes it: `INPUT_` and the name in capitals (hyphens kept). */
function input(name: string, fallback = ''): string {
    return (process.env[`INPUT_${name.toUpperCase().replace(/ /g, '_')}`] ?? '').trim() || fallback;
}

async function entente(args: string[]): Promise<Captured> {
    const captured: Captured = { code: 0, out: '', err: '' };
    captured.code = await main(args, { out: text => { captured.out += text; }, err: text => { captured.err += text; }, color: false });
    return captured;
}

/** Appends `name=value` (or a heredoc for several lines) to the file of step outputs. */
function setOutput(name: string, value: string): void {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        return;
    }
    const delimiter = `entente_${Math.random().toString(36).slice(2)}`;
    fs.appendFileSync(file, value.includes('\n') ? `${name}<<${delimiter}\n${value}\n${delimiter}\n` : `${name}=${value}\n`);
}

function appendSummary(markdown: string): void {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file) {
        fs.appendFileSync(file, `${markdown.trimEnd()}\n\n`);
    }
}

/** A workflow command's data, escaped as GitHub's toolkit does. */
function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

interface PullRequestEvent {
    number?: number;
    pull_request?: { number: number; base?: { sha?: string; ref?: string } };
    repository?: { full_name?: string };
}

function readEvent(): PullRequestEvent | undefined {
    const file = process.env.GITHUB_EVENT_PATH;
    if (!file || !fs.existsSync(file)) {
        return undefined;
    }
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PullRequestEvent;
}

/** Whether git knows a revision in the workspace. */
function revisionExists(revision: string): boolean {
    return spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { encoding: 'utf8' }).status === 0;
}

/** The base of the pull request to compare with: origin/BASE_REF as checked out with fetch-depth 0, else the payload's base commit, else the branch. */
function baseOf(event: PullRequestEvent): string | undefined {
    const ref = process.env.GITHUB_BASE_REF || event.pull_request?.base?.ref;
    const candidates = [ref && `origin/${ref}`, event.pull_request?.base?.sha, ref].filter((candidate): candidate is string => Boolean(candidate));
    return candidates.find(revisionExists);
}

const COMMENTS_PER_PAGE = 100;
/** GitHub's own limit on a pull request's comments is about 2,500: the search stops there. */
const MAX_COMMENT_PAGES = 30;

/** Creates the pull request's governance-diff comment, or updates the one an earlier run left. */
async function postComment(body: string, event: PullRequestEvent, token: string): Promise<string> {
    const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const repository = process.env.GITHUB_REPOSITORY || event.repository?.full_name;
    const number = event.pull_request?.number ?? event.number;
    if (!repository || !number) {
        return 'no repository or pull-request number in the event';
    }
    const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json', 'user-agent': 'entente-action' };
    // The comments come 100 a page: a busy pull request's earlier comment may be on a later page, and missing it
    // would add a second comment on every push.
    let previous: { id: number; body?: string } | undefined;
    for (let page = 1; page <= MAX_COMMENT_PAGES && previous === undefined; page++) {
        const list = await fetch(`${api}/repos/${repository}/issues/${number}/comments?per_page=${COMMENTS_PER_PAGE}${page > 1 ? `&page=${page}` : ''}`, { headers });
        if (!list.ok) {
            return `listing the comments failed: HTTP ${list.status}`;
        }
        const comments = (await list.json()) as Array<{ id: number; body?: string }>;
        previous = comments.find(comment => comment.body?.includes(COMMENT_MARKER));
        if (comments.length < COMMENTS_PER_PAGE) {
            break;
        }
    }
    const response = previous
        ? await fetch(`${api}/repos/${repository}/issues/comments/${previous.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body }) })
        : await fetch(`${api}/repos/${repository}/issues/${number}/comments`, { method: 'POST', headers, body: JSON.stringify({ body }) });
    return response.ok ? (previous ? 'updated' : 'created') : `HTTP ${response.status}`;
}

export async function runAction(): Promise<number> {
    if (process.env.GITHUB_WORKSPACE) {
        process.chdir(process.env.GITHUB_WORKSPACE);
    }
    const paths = input('paths', '.').split(/\s+/).filter(Boolean);
    const failLevel = input('fail-level', 'error');
    if (!(FAIL_LEVELS as readonly string[]).includes(failLevel)) {
        process.stdout.write(`::error title=Entente::fail-level takes one of ${FAIL_LEVELS.join(', ')}, not '${escapeData(failLevel)}'\n`);
        return 2;
    }
    const today = input('today') ? ['--today', input('today')] : [];
    const config = input('config') ? ['--config', input('config')] : [];
    const shared = [...paths, ...today, ...config];

    // Annotations: GitHub reads the workflow commands on standard output.
    const annotations = await entente(['check', ...shared, '--format', 'github']);
    if (annotations.code === 2) {
        process.stdout.write(`::error title=Entente::${escapeData(annotations.err.trim().replace(/^entente: /, ''))}\n`);
        return 2;
    }
    process.stdout.write(annotations.out);
    const counts = (JSON.parse((await entente(['check', ...shared, '--format', 'json'])).out) as { summary: Record<'errors' | 'warnings' | 'infos', number> }).summary;
    for (const key of ['errors', 'warnings', 'infos'] as const) {
        setOutput(key, String(counts[key]));
    }

    const sarifFile = input('sarif-file');
    if (sarifFile) {
        fs.mkdirSync(path.dirname(path.resolve(sarifFile)), { recursive: true });
        fs.writeFileSync(sarifFile, (await entente(['check', ...shared, '--format', 'sarif'])).out);
        setOutput('sarif-file', sarifFile);
        process.stdout.write(`Entente: SARIF written to ${sarifFile}\n`);
    }

    const summary = [(await entente(['check', ...shared, '--format', 'markdown'])).out];
    const score = await entente(['score', ...shared, '--format', 'json']);
    if (score.code !== 2) {
        const charters = (JSON.parse(score.out) as { charters: Array<{ name: string; path: string; score: number; band: string }> }).charters;
        if (charters.length > 0) {
            summary.push(['### Entente health', '', '| Charter | File | Health |', '|---|---|---|',
                ...charters.map(charter => `| ${charter.name} | \`${charter.path}\` | ${charter.score} ${charter.band} |`)].join('\n'));
        }
    }

    const event = readEvent();
    if (event?.pull_request && input('comment', 'true') !== 'false') {
        const base = baseOf(event);
        if (!base) {
            process.stdout.write(`::warning title=Entente::no base commit to compare with (${escapeData(process.env.GITHUB_BASE_REF ?? '')}); check out with fetch-depth: 0 for the governance diff\n`);
        } else {
            // What the pull request changes: the merge base of the base branch and HEAD against HEAD, so
            // that what the base branch did since the branch point is not shown as the pull request's (a
            // checkout of the merge commit has the base as its merge base, the same answer). Without a
            // merge base (a shallow history), the base itself against the working tree.
            let diff = await entente(['diff', '--git', `${base}...HEAD`, ...shared, '--format', 'markdown']);
            if (diff.code === 2 && /no common ancestor/.test(diff.err)) {
                diff = await entente(['diff', '--git', base, ...shared, '--format', 'markdown']);
            }
            if (diff.code === 2) {
                process.stdout.write(`::warning title=Entente::governance diff: ${escapeData(diff.err.trim().replace(/^entente: /, ''))}\n`);
            } else {
                const body = `${COMMENT_MARKER}\n${diff.out.trimEnd()}\n`;
                const commentFile = path.join(process.env.RUNNER_TEMP || process.cwd(), 'entente-governance-diff.md');
                fs.writeFileSync(commentFile, body);
                setOutput('comment-file', commentFile);
                summary.push(diff.out);
                const token = input('github-token');
                if (token) {
                    try {
                        process.stdout.write(`Entente: governance-diff comment ${await postComment(body, event, token)}\n`);
                    } catch (error) {
                        process.stdout.write(`::warning title=Entente::the governance-diff comment was not posted: ${escapeData((error as Error).message)}\n`);
                    }
                }
            }
        }
    }
    appendSummary(summary.join('\n'));

    const failed = failsAt(failLevel as FailLevel, counts);
    if (failed) {
        process.stdout.write(`::error title=Entente::${counts.errors} errors and ${counts.warnings} warnings in the charters (fail-level: ${failLevel})\n`);
        return 1;
    }
    return 0;
}

runAction().then(code => { process.exitCode = code; }, (error: unknown) => {
    process.stdout.write(`::error title=Entente::internal error: ${escapeData(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 2;
});
