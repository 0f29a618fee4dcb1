import { diffGovernance, DIMENSION_IDS, type DiffSide, type GovernanceDiff } from '@entente/language';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

/** Services for each side (each side is its own workspace, as in the CLI); create once per test file. */
export function createSideServices() {
    return { old: createTestServices(), new: createTestServices() };
}

type SideServices = ReturnType<typeof createSideServices>;

async function side(services: SideServices['old'], files: Record<string, string>): Promise<DiffSide> {
    const checked = await checkWorkspace(services, files, { today: '2026-11-22' });
    return {
        documents: Object.values(checked).map(({ document, model, findings }) => ({
            uri: document.uri.toString(),
            model,
            findings,
            health: services.charter.HealthScorer.score(document, findings)
        }))
    };
}

/** Diffs two workspaces (file name → text) through the real parser, linker, rules and health scorer. */
export async function diffTexts(services: SideServices, before: Record<string, string>, after: Record<string, string>): Promise<GovernanceDiff> {
    try {
        return diffGovernance(await side(services.old, before), await side(services.new, after));
    } finally {
        await clearDocuments(services.old);
        await clearDocuments(services.new);
    }
}

/** The diff as sorted-by-construction lines a test can compare exactly: changes, journal entries, findings, score moves. */
export function diffLines(diff: GovernanceDiff): string[] {
    const lines: string[] = [];
    const changeLines = (prefix: string, changes: GovernanceDiff['parties']) => {
        for (const change of changes) {
            const name = change.oldName !== undefined ? `${change.oldName} → ${change.name}` : change.name;
            if (change.change === 'changed') {
                lines.push(...change.attributes.map(attribute => `${prefix}changed ${change.element} ${name}: ${attribute.attribute}: ${attribute.before ?? 'none'} → ${attribute.after ?? 'none'}`));
            } else {
                lines.push(`${prefix}${change.change} ${change.element} ${name}`);
            }
        }
    };
    changeLines('', diff.parties);
    for (const charter of diff.charters) {
        const prefix = `${charter.name}: `;
        if (charter.change !== 'changed' && charter.change !== 'unchanged') {
            lines.push(`${prefix}charter ${charter.change}${charter.oldName ? ` from ${charter.oldName}` : ''}`);
        }
        changeLines(prefix, charter.changes);
        lines.push(...charter.journal.map(change => `${prefix}${change.change} entry ${change.change === 'changed'
            ? `${change.headline}: ${change.attributes.map(attribute => `${attribute.attribute} ${attribute.before ?? 'none'} → ${attribute.after ?? 'none'}`).join(', ')}` : change.entry}`));
        lines.push(...charter.findings.introduced.map(finding => `${prefix}introduced ${finding.ruleId} ${finding.element ?? ''}`));
        lines.push(...charter.findings.resolved.map(finding => `${prefix}resolved ${finding.ruleId} ${finding.element ?? ''}`));
        const { overall, dimensions } = charter.health;
        if (overall.before !== overall.after) {
            lines.push(`${prefix}health overall ${overall.before} → ${overall.after}`);
        }
        for (const id of DIMENSION_IDS) {
            if (dimensions[id].before !== dimensions[id].after) {
                lines.push(`${prefix}health ${id} ${dimensions[id].before} → ${dimensions[id].after}`);
            }
        }
    }
    lines.push(...diff.findings.introduced.map(finding => `introduced ${finding.ruleId} ${finding.element ?? ''}`));
    lines.push(...diff.findings.resolved.map(finding => `resolved ${finding.ruleId} ${finding.element ?? ''}`));
    return lines;
}
