import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

interface Pattern {
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    include?: string;
    patterns?: Pattern[];
}

const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/charter.tmLanguage.json'), 'utf8')) as { patterns: Pattern[]; repository: Record<string, Pattern> };

function resolved(patterns: Pattern[]): Pattern[] {
    return patterns.flatMap(pattern => pattern.include ? resolved(grammar.repository[pattern.include.slice(1)].patterns ?? [grammar.repository[pattern.include.slice(1)]]) : [pattern]);
}

/**
 * The scope of each character, as a TextMate engine colours it: one line at a
 * time, the earliest match of the patterns wins, a `begin`/`end` region stays
 * open across lines until its `end` matches (tried before its own patterns at
 * the same place). Enough of TextMate for this grammar's regular expressions,
 * which JavaScript reads the same way.
 */
function scopes(text: string): string[][] {
    const lines: string[][] = [];
    let open: Pattern | undefined;
    for (const line of text.split('\n')) {
        const scope: string[] = Array.from({ length: line.length }, () => '');
        let position = 0;
        while (position <= line.length) {
            const candidates = open ? [{ end: true, regex: open.end! }, ...resolved(open.patterns ?? []).map(pattern => ({ end: false, regex: pattern.match!, pattern }))]
                : resolved(grammar.patterns).map(pattern => ({ end: false, regex: pattern.match ?? pattern.begin!, pattern }));
            let best: { index: number; length: number; candidate: (typeof candidates)[number] } | undefined;
            for (const candidate of candidates) {
                const regex = new RegExp(candidate.regex, 'g');
                regex.lastIndex = position;
                const found = regex.exec(line);
                if (found && (!best || found.index < best.index)) best = { index: found.index, length: found[0].length, candidate };
            }
            if (!best) {
                if (open) for (let at = position; at < line.length; at++) scope[at] = open.name ?? '';
                break;
            }
            if (open) for (let at = position; at < best.index; at++) scope[at] = open.name ?? '';
            const pattern = 'pattern' in best.candidate ? best.candidate.pattern : undefined;
            const name = best.candidate.end ? open?.name : pattern?.begin !== undefined ? pattern.name : pattern?.name ?? open?.name;
            for (let at = best.index; at < best.index + best.length; at++) scope[at] = name ?? '';
            if (best.candidate.end) open = undefined;
            else if (pattern?.begin !== undefined) open = pattern;
            position = best.index + Math.max(best.length, 1);
        }
        lines.push(scope);
    }
    return lines;
}

function scopeOf(text: string, lineText: string, word: string): string {
    const lines = text.split('\n');
    const line = lines.indexOf(lineText);
    return scopes(text)[line][lines[line].indexOf(word)];
}

describe('the TextMate grammar (syntaxes/charter.tmLanguage.json)', () => {
    it('ends a text in quotes on its line, as the parser does: a quote left open does not colour the lines after it', () => {
        const text = 'charter Deal "Acme x Globex {\n    decision Budget {\n        decided by Acme\n    }\n    vision "Grow"\n}';
        assert.equal(scopeOf(text, 'charter Deal "Acme x Globex {', 'Acme'), 'string.quoted.double.charter');
        assert.equal(scopeOf(text, '    decision Budget {', 'decision'), 'keyword.control.charter', 'the next line is read as ever');
        assert.equal(scopeOf(text, '        decided by Acme', 'decided'), 'keyword.control.charter');
        assert.equal(scopeOf(text, '    vision "Grow"', 'Grow'), 'string.quoted.double.charter', 'a text closed on its line is a text');
        assert.equal(scopeOf(text, '    vision "Grow"', 'vision'), 'keyword.control.charter');
    });

    it('still lets a block comment run over lines, and an escaped quote stay inside its text', () => {
        const text = '/* a comment\n   decision Budget */\nvision "say \\"hi\\" decision"\n';
        assert.equal(scopeOf(text, '   decision Budget */', 'decision'), 'comment.block.charter');
        assert.equal(scopeOf(text, 'vision "say \\"hi\\" decision"', 'decision'), 'string.quoted.double.charter');
    });
});
