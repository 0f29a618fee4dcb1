import { describeLoad, type RoleLoad } from '../portfolio/role-load.js';
import { count, defineRule, docsPath, type RelatedLocation } from './rule.js';

export const overloadedRole = defineRule<{ maxPerCharter: number; maxInWorkspace: number }>({
    meta: {
        id: 'overloaded-role',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A role carries more than 6 responsibilities in one charter, or more than 15 across the workspace (seats, decisions, commitments, metrics, escalation levels).',
        docs: docsPath('overloaded-role'),
        options: { maxPerCharter: 6, maxInWorkspace: 15 },
        optionRanges: { maxPerCharter: { min: 0, whole: true }, maxInWorkspace: { min: 0, whole: true } }
    },
    check({ document, workspace, options, report }) {
        for (const party of document.parties) {
            for (const role of party.roles) {
                if (!role.source) {
                    continue;
                }
                const loads = workspace.roleLoads?.(role.qualifiedName) ?? [];
                const total = loads.reduce((sum, load) => sum + load.total, 0);
                // The charters where the role carries too much: how many, and the heaviest (the first of equals).
                let heavy = 0;
                let heaviest: RoleLoad | undefined;
                for (const load of loads) {
                    if (load.total > options.maxPerCharter) {
                        heavy++;
                        if (heaviest === undefined || load.total > heaviest.total) {
                            heaviest = load;
                        }
                    }
                }
                const overWorkspace = total > options.maxInWorkspace;
                if (!overWorkspace && heaviest === undefined) {
                    continue;
                }
                const reasons: string[] = [];
                if (overWorkspace) {
                    reasons.push(`${count(total, 'responsibility')} across ${count(loads.length, 'charter')} (more than ${options.maxInWorkspace})`);
                }
                if (heaviest !== undefined) {
                    const others = heavy > 1 ? ` and more than ${options.maxPerCharter} in ${count(heavy - 1, 'other charter')}` : '';
                    reasons.push(`${heaviest.total} in ${heaviest.charter} (more than ${options.maxPerCharter} in one charter)${others}`);
                }
                report({
                    message: `Role ${role.qualifiedName} is overloaded: ${reasons.join('; ')}.`,
                    range: role.source.nameRange,
                    element: role.qualifiedName,
                    related: loads.map(load => reportedLoad(load).related),
                    data: { role: role.qualifiedName, total, charters: loads.map(load => reportedLoad(load).charter) }
                });
            }
        }
    }
});

/**
 * What a finding shows of one charter's load (a related location, an entry of
 * its data), made once per load: a document's loads are kept until it
 * changes, and in a workspace of 1,000 charters naming the same dozen roles
 * every edit anywhere checks the party file again, which described 12,000
 * loads each time (most of the garbage of such an edit). Findings only read
 * these objects.
 */
const reportedLoads = new WeakMap<RoleLoad, { related: RelatedLocation; charter: { charter: string; total: number } }>();

function reportedLoad(load: RoleLoad): { related: RelatedLocation; charter: { charter: string; total: number } } {
    let reported = reportedLoads.get(load);
    if (reported === undefined) {
        reported = {
            related: { uri: load.uri, range: load.charterRange, message: `${load.charter}: ${describeLoad(load)}.` },
            charter: { charter: load.charter, total: load.total }
        };
        reportedLoads.set(load, reported);
    }
    return reported;
}
