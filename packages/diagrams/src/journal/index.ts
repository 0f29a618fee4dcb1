import { renderRadar } from './radar.js';
import { renderTimeline } from './timeline.js';
import { renderTrends } from './trends.js';
import { type JournalRenderOptions, type JournalViewId, type JournalViewInput } from './types.js';

export * from './types.js';
export { climbClass } from './timeline.js';
export { meetsTarget, niceTicks, targetText } from './trends.js';
export { largestGap, latestAssessments, type PerceptionGap } from './radar.js';
export { compactNumber, dayNumber } from './common.js';

/** Renders one journal view of a charter as SVG text. Pure: the same input gives byte-identical output. */
export function renderJournalView(view: JournalViewId, input: JournalViewInput, options: JournalRenderOptions = {}): string {
    switch (view) {
        case 'timeline': return renderTimeline(input, options);
        case 'trends': return renderTrends(input, options);
        case 'radar': return renderRadar(input, options);
    }
}

/** Renders the three journal views of a charter. */
export function renderJournalViews(input: JournalViewInput, options: JournalRenderOptions = {}): Record<JournalViewId, string> {
    return {
        timeline: renderTimeline(input, options),
        trends: renderTrends(input, options),
        radar: renderRadar(input, options)
    };
}
export { journalViewInput, type EntryFinding, type HistoryForViews } from './adapter.js';
