import * as assert from 'node:assert/strict';
import { belongsToCharter, isRealDate, resolveViewAs } from '@entente/language/front-ends';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
const charter = (name: string, from: number, to: number) => ({ name, source: { uri: 'file:///a.charter', range: { start: { line: from, character: 0 }, end: { line: to, character: 1 } } } });

describe('what the front ends share (front-ends.ts)', () => {
    it('a date is YYYY-MM-DD and a day that exists', () => {
        for (const date of ['2026-02-28', '2028-02-29', '2026-12-31']) assert.ok(isRealDate(date), date);
        for (const date of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-01', '20260101', ' 2026-01-01', 'today', 'x026-01-01', '2026-01-0x', '2026/01/01', '2026-01-01\n', '2026-0１-01']) assert.ok(!isRealDate(date), date);
    });

    it('a finding belongs to the charter it names, or whose text holds it, or to the only charter', () => {
        const deal = charter('Deal', 2, 10);
        const other = charter('Other', 12, 20);
        assert.ok(belongsToCharter({ element: 'Deal.Board', range: range(30) }, deal, 2));
        assert.ok(!belongsToCharter({ element: 'Dealer', range: range(30) }, deal, 2));
        assert.ok(belongsToCharter({ element: undefined, range: range(5) }, deal, 2));
        assert.ok(!belongsToCharter({ element: undefined, range: range(5) }, other, 2));
        assert.ok(belongsToCharter({ element: 'Acme', range: range(0) }, deal, 1));
        assert.ok(!belongsToCharter({ element: 'Acme', range: range(0) }, deal, 2));
    });

    it('one views a charter as one of its parties, or as nobody in particular', () => {
        assert.deepEqual(resolveViewAs(undefined, ['Acme']), { party: undefined });
        assert.deepEqual(resolveViewAs('Acme', ['Acme', 'Globex']), { party: 'Acme' });
        assert.deepEqual(resolveViewAs('Nobody', ['Acme', 'Globex', 'Acme']), { error: "no party 'Nobody' to view as: the parties are Acme, Globex" });
    });
});
