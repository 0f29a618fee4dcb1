import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** A command the docs show with what it prints: `$ entente …` or `$ npx entente …`, then its output up to a blank line or the block's end. */
interface Transcript {
    page: string;
    args: string[];
    shown: string[];
}

const PAGES = ['README.md', ...fs.readdirSync(path.join(REPO_ROOT, 'docs')).filter(name => name.endsWith('.md')).map(name => `docs/${name}`)];

/** The fenced blocks of a page that name no language (a terminal's text). */
function plainBlocks(text: string): string[] {
    const blocks: string[] = [];
    let open: { language: string; lines: string[] } | undefined;
    for (const line of text.split('\n')) {
        const fence = /^```(\S*)\s*$/.exec(line);
        if (fence && !open) {
            open = { language: fence[1], lines: [] };
        } else if (fence && fence[1] === '' && open) {
            if (open.language === '') {
                blocks.push(open.lines.join('\n'));
            }
            open = undefined;
        } else {
            open?.lines.push(line);
        }
    }
    return blocks;
}

function transcriptsOf(page: string): Transcript[] {
    const text = fs.readFileSync(path.join(REPO_ROOT, page), 'utf8');
    const transcripts: Transcript[] = [];
    for (const block of plainBlocks(text)) {
        for (const part of block.split(/^(?=\$ )/m)) {
            const [first, ...rest] = part.replace(/\n+$/, '').split('\n');
            const command = /^\$ (?:npx )?entente (.*)$/.exec(first)?.[1];
            if (command !== undefined) {
                transcripts.push({ page, args: command.replace(/\s+#.*$/, '').trim().split(/\s+/), shown: rest });
            }
        }
    }
    return transcripts;
}

/**
 * A reader runs what the docs show and compares: each command shown with its
 * output, on files of this repository, prints that output. A line `…` stands
 * for lines left out: the lines between two of them are printed together, in
 * that order, and the first and last lines are the first and last printed
 * unless a `…` stands before or after them. Commands on the reader's own files (`charters`)
 * are left to the tests of their command.
 */
describe('the commands the docs show with their output', function () {
    this.timeout(120_000);
    const transcripts = PAGES.flatMap(transcriptsOf);

    it('finds the transcripts of README.md and docs/', () => {
        assert.ok(transcripts.length >= 4, transcripts.map(transcript => transcript.args.join(' ')).join('\n'));
    });

    for (const { page, args, shown } of transcripts) {
        const paths = args.filter(arg => !arg.startsWith('-') && /\//.test(arg));
        if (paths.length === 0 || !paths.every(arg => fs.existsSync(path.join(REPO_ROOT, arg)))) {
            continue;
        }
        it(`${page}: entente ${args.join(' ')}`, () => {
            const result = runCli(args);
            assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
            const printed = `${result.stdout}${result.stderr}`.split('\n').filter(line => line.trim() !== '');
            const expected = shown.filter(line => line.trim() !== '');
            // Runs of lines between the `…`s: each printed as a run, in order; without a `…` before (after) it, at the start (end).
            const runs = expected.join('\n').split(/^\s*…\s*$/m).map(run => run.split('\n').filter(line => line !== ''));
            let from = 0;
            runs.forEach((run, index) => {
                const elidedBefore = index > 0;
                const elidedAfter = index < runs.length - 1;
                let at = from;
                while (elidedBefore && at + run.length <= printed.length && run.some((line, offset) => printed[at + offset] !== line)) {
                    at++;
                }
                const found = run.every((line, offset) => printed[at + offset] === line) && (elidedAfter || at + run.length === printed.length);
                assert.ok(found, `${page} shows${elidedBefore ? ', after a …,' : ' from the start'}:\n${run.join('\n')}\n${elidedAfter ? '' : '(and nothing after)\n'}but the command prints:\n${printed.join('\n')}`);
                from = at + run.length;
            });
        });
    }
});
