import * as assert from 'node:assert/strict';
import {
    addMonths, addPeriod, addPeriodAndAHalf, cadencePeriod, daysBetween, durationPeriod, fullPeriods, lastFullPeriod, periodBoundary, periodIndex, recurrencePeriod
} from '@entente/language';

describe('journal periods on calendar dates', () => {
    it('adds months keeping the day, or the month\'s last day past it (month ends)', () => {
        assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
        assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
        assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
        assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    });

    it('counts each boundary from the anchor, so a short month does not shift the next ones', () => {
        const monthly = cadencePeriod('monthly');
        assert.deepEqual([0, 1, 2, 3].map(k => periodBoundary('2026-01-31', monthly, k)), ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    });

    it('handles leap years: a leap day anchors yearly periods on 02-28 in other years, and February 2028 has 29 days', () => {
        const yearly = cadencePeriod('yearly');
        assert.equal(addPeriod('2028-02-29', yearly), '2029-02-28');
        assert.equal(periodBoundary('2028-02-29', yearly, 4), '2032-02-29');
        assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
        assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
        assert.equal(daysBetween('2026-02-28', '2026-03-01'), 1);
    });

    it('reads `every 6 months`, weeks and quarters as calendar periods', () => {
        const halfYear = durationPeriod({ value: 6, unit: 'months', days: 180 })!;
        assert.equal(addPeriod('2026-08-31', halfYear), '2027-02-28');
        assert.equal(addPeriod('2026-12-29', cadencePeriod('weekly')), '2027-01-05');
        assert.equal(addPeriod('2026-11-30', recurrencePeriod('quarter')!), '2027-02-28');
        assert.equal(addPeriod('2026-01-01', durationPeriod({ value: 2, unit: 'years', days: 730 })!), '2028-01-01');
    });

    it('finds 1.5 periods: one period, then half of the next', () => {
        assert.equal(addPeriodAndAHalf('2026-01-20', cadencePeriod('quarterly')), '2026-06-04');
        assert.equal(addPeriodAndAHalf('2026-01-01', cadencePeriod('weekly')), '2026-01-11');
    });

    it('finds the period holding a date and the last full one, counted from the term start', () => {
        const quarterly = cadencePeriod('quarterly');
        assert.equal(periodIndex('2026-01-01', quarterly, '2026-03-31'), 0);
        assert.equal(periodIndex('2026-01-01', quarterly, '2026-04-01'), 1);
        assert.equal(periodIndex('2026-01-01', quarterly, '2025-12-31'), -1);
        assert.equal(lastFullPeriod('2026-01-01', quarterly, '2026-03-31'), undefined, 'no period ended on the term\'s first quarter');
        assert.deepEqual(lastFullPeriod('2026-01-01', quarterly, '2026-04-01'), { start: '2026-01-01', end: '2026-04-01' });
        assert.deepEqual(lastFullPeriod('2026-02-15', cadencePeriod('monthly'), '2026-11-22'), { start: '2026-10-15', end: '2026-11-15' });
        assert.deepEqual(fullPeriods('2026-01-01', quarterly, '2026-03-01', '2026-11-22').map(period => period.start), ['2026-04-01', '2026-07-01']);
    });
});
