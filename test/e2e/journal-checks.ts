/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';

// Checks of the journal views in a page, shared by the views' and the report's Chromium tests.

/** Texts of the page that lie outside what should hold them: their view, their panel, their lane's label column. */
export async function misplacedTexts(page: Page, selector = 'svg.entente'): Promise<string[]> {
    return page.$$eval(selector, svgs => svgs.flatMap(svg => {
        const view = svg.getAttribute('data-view');
        const width = Number(svg.getAttribute('width'));
        const height = Number(svg.getAttribute('height'));
        const problems: string[] = [];
        // No named functions in here: the test runner's transform would name them with a helper the page lacks.
        for (const text of svg.querySelectorAll('text')) {
            const box = (text as SVGGraphicsElement).getBBox();
            if (box.width === 0) {
                problems.push(`${view}: empty text`);
            } else if (box.x < -0.5 || box.y < -0.5 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5) {
                problems.push(`${view}: "${text.textContent}" runs out of the view (${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${width}×${height})`);
            }
        }
        // Trends: every text inside its panel.
        for (const panel of svg.querySelectorAll('g[data-panel]')) {
            const frame = (panel.querySelector('rect.panel') as SVGGraphicsElement).getBBox();
            for (const text of panel.querySelectorAll('text')) {
                const box = (text as SVGGraphicsElement).getBBox();
                if (box.x < frame.x - 0.5 || box.y < frame.y - 0.5 || box.x + box.width > frame.x + frame.width + 0.5 || box.y + box.height > frame.y + frame.height + 0.5) {
                    problems.push(`${view}: "${text.textContent}" runs out of its panel ${panel.getAttribute('data-metric')}`);
                }
            }
        }
        // Timeline: lane labels left of the plot, and inside their lane.
        const plot = svg.querySelector('g[data-lane] > g[transform]');
        if (plot) {
            const plotX0 = Number(/translate\(([\d.]+)/.exec(plot.getAttribute('transform')!)![1]);
            for (const lane of svg.querySelectorAll('g[data-lane]')) {
                const band = (lane.querySelector(':scope > rect.lane-band') as SVGGraphicsElement | null)?.getBBox();
                for (const text of lane.querySelectorAll(':scope > g[data-element] > text, :scope > g:not([data-element]):not([transform]) > text')) {
                    const box = (text as SVGGraphicsElement).getBBox();
                    if (box.x + box.width > plotX0) {
                        problems.push(`${view}: lane label "${text.textContent}" runs into the plot`);
                    }
                    if (band && (box.y < band.y - 0.5 || box.y + box.height > band.y + band.height + 0.5)) {
                        problems.push(`${view}: lane label "${text.textContent}" runs out of its lane`);
                    }
                }
            }
        }
        return problems;
    }));
}

/** Pairs of marks' labels in one timeline lane or one radar that overlap. */
export async function overlappingLabels(page: Page): Promise<string[]> {
    return overlappingTexts(page, 'svg[data-view="timeline"] g[data-lane] > g[transform]', ':scope > g > text');
}

/** Pairs of texts on a timeline's time axis (years, months, today's label) that overlap, as Chromium draws them. */
export async function overlappingAxisLabels(page: Page): Promise<string[]> {
    return overlappingTexts(page, 'svg[data-view="timeline"]', 'g[data-axis] > text, g[data-today] > text');
}

/** Pairs of texts (`texts`, within each of `groups`) whose boxes, as Chromium draws them, overlap by more than half a pixel. */
async function overlappingTexts(page: Page, groups: string, texts: string): Promise<string[]> {
    return page.$$eval(groups, (elements, selector) => elements.flatMap(group => {
        const boxes = [...group.querySelectorAll(selector)].map(text => ({ text: text.textContent, box: (text as SVGGraphicsElement).getBBox() }));
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box;
                const b = boxes[j].box;
                if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) {
                    found.push(`"${boxes[i].text}" and "${boxes[j].text}"`);
                }
            }
        }
        return found;
    }), texts);
}
