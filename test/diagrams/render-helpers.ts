import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderViews, type RenderInput } from '@entente/diagrams';
import { XMLValidator } from 'fast-xml-parser';
import type { CharterServices } from '@entente/language';
import { checkWorkspace } from '../helpers/workspace.js';

/** Checks a workspace and renders every view of its first charter with its findings and health. */
export async function renderFirstCharter(services: CharterServices, files: Record<string, string>, options: RenderInput['options'] = {}) {
    const checked = await checkWorkspace(services, files);
    const withCharter = Object.values(checked).find(entry => entry.model.charters.length > 0)!;
    const charter = withCharter.model.charters[0];
    const health = services.charter.HealthScorer.score(withCharter.document, withCharter.findings)[0];
    const findings = withCharter.findings.map(f => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, element: f.element, line: f.range.start.line + 1 }));
    const input: RenderInput = { charter, health, findings, options };
    return { input, views: await renderViews(input) };
}

/** Asserts the SVG is well-formed XML. */
export function assertWellFormed(svg: string, what = 'svg'): void {
    const result = XMLValidator.validate(svg);
    assert.equal(result, true, `${what} is well-formed XML: ${JSON.stringify(result)}`);
}

/** The data-element ids in an SVG, in order, without repeats. */
export function elementIds(svg: string): string[] {
    return [...new Set([...svg.matchAll(/data-element="([^"]*)"/g)].map(match => match[1]))];
}

/** Compares a drawing with its recorded file, or records it when UPDATE_GOLDEN=1. */
export function assertGolden(file: string, svg: string): void {
    if (process.env.UPDATE_GOLDEN === '1') {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, svg);
    }
    assert.ok(fs.existsSync(file), `${file} exists (run with UPDATE_GOLDEN=1)`);
    assert.equal(svg, fs.readFileSync(file, 'utf8'), `${file} differs from the recorded one`);
}
