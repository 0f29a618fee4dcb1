import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CharterFormatter, createCharterCoreServices } from '@entente/language';
import { EmptyFileSystem } from 'langium';
import { REPO_ROOT } from '../helpers/cli.js';

const formatter = new CharterFormatter(createCharterCoreServices(EmptyFileSystem).Charter);

describe('fmt on journals', () => {
    it('sorts entries by date, stably, and aligns what follows the kind', () => {
        const text = 'journal J for C {\n  2026-03-01 note "b"\n2026-01-01   met Board\n 2026-03-01 note "a"\n    2026-02-01 delivered Roadmap\n}\n';
        assert.equal(formatter.format(text), [
            'journal J for C {',
            '    2026-01-01 met       Board',
            '    2026-02-01 delivered Roadmap',
            '    2026-03-01 note      "b"',
            '    2026-03-01 note      "a"',
            '}',
            ''
        ].join('\n'));
    });

    it('writes a value below zero with its sign against it', () => {
        const text = 'charter C { metric M { target >= - 10 } }\njournal J for C {\n  2026-01-01 measured M - 25\n  2026-01-02 measured M -3 %\n}\n';
        const formatted = formatter.format(text) ?? '';
        assert.match(formatted, /^ {8}target >= -10$/m);
        assert.match(formatted, /^ {4}2026-01-01 measured {2}M -25$/m);
        assert.match(formatted, /^ {4}2026-01-02 measured {2}M -3 %$/m);
        assert.equal(formatter.format(formatted), formatted);
    });

    it('leaves a journal with an entry cut short as it is, as any text with a syntax error', () => {
        for (const cut of ['2026-02-01', '2026-02-01 deliv', '2026-02-01 deliv Roadmap']) {
            const text = `journal J for C {\n  2026-03-01 note "b"\n  ${cut}\n 2026-01-01 met Board\n}\n`;
            assert.equal(formatter.format(text), undefined, cut);
            assert.equal(formatter.layout(text), undefined, cut);
        }
    });

    it('keeps comments: one on its own line moves with the entry after it, one at the end of a line stays on it', () => {
        const text = [
            'journal J for C {',
            '    // the March board',
            '    2026-03-01 met Board with A.Lead // quorum reached',
            '    /* first of the year */',
            '    2026-01-01 reviewed "Kick-off"',
            '    // entente-disable-next-line future-entry -- planned, written ahead on purpose',
            '    2026-12-01 note "Annual dinner"',
            '    2026-02-01 assessed by A { trust 4 commitment 3 coordination 3 communication 4 }',
            '}',
            ''
        ].join('\n');
        const formatted = formatter.format(text)!;
        assert.equal(formatted, [
            'journal J for C {',
            '    /* first of the year */',
            '    2026-01-01 reviewed  "Kick-off"',
            '    2026-02-01 assessed  by A { trust 4 commitment 3 coordination 3 communication 4 }',
            '    // the March board',
            '    2026-03-01 met       Board with A.Lead // quorum reached',
            '    // entente-disable-next-line future-entry -- planned, written ahead on purpose',
            '    2026-12-01 note      "Annual dinner"',
            '}',
            ''
        ].join('\n'));
        assert.equal(formatter.format(formatted), formatted, 'formatting is idempotent');
    });

    it('leaves OPERATIONS.md\'s journal meaning the same: same entries, in date order', () => {
        const text = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/operations/acme-globex-2026.charter'), 'utf8');
        const formatted = formatter.format(text)!;
        const entries = (source: string) => source.split('\n').filter(line => /^\s*\d{4}-/.test(line)).map(line => line.trim().replace(/\s+/g, ' '));
        assert.deepEqual([...entries(formatted)].sort(), [...entries(text)].sort());
        const dates = entries(formatted).map(line => line.slice(0, 10));
        assert.deepEqual(dates, [...dates].sort());
    });

    it('leaves a journal with syntax errors untouched', () => {
        assert.equal(formatter.format('journal J for C {\n 2026-01-01 met Board with\n'), undefined);
    });
});
