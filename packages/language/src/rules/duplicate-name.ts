import { defineRule, docsPath } from './rule.js';

export const duplicateName = defineRule({
    meta: {
        id: 'duplicate-name',
        severity: 'error',
        dimension: 'structure',
        summary: 'Two elements share a name in one scope: parties and charters across the workspace, roles within their party, and everything else within its charter.',
        docs: docsPath('duplicate-name'),
        structural: true
    },
    check({ document, workspace, report }) {
        const byScope = new Map<string, typeof document.names>();
        for (const named of document.names) {
            const key = `${named.scope}\u0000${named.name}`;
            byScope.set(key, [...(byScope.get(key) ?? []), named]);
        }
        for (const named of document.names) {
            if (named.scope === 'workspace') {
                const others = workspace.topLevel(named.name).filter(other =>
                    other.uri !== named.source.uri || !sameRange(other.range, named.source.nameRange));
                if (others.length > 0) {
                    report({
                        message: `The name '${named.name}' is declared ${others.length + 1} times in the workspace.`,
                        range: named.source.nameRange,
                        element: named.name,
                        related: others.map(other => ({ uri: other.uri, range: other.range, message: `Another ${other.kind} named '${named.name}'.` }))
                    });
                }
                continue;
            }
            const same = byScope.get(`${named.scope}\u0000${named.name}`) ?? [];
            if (same.length > 1) {
                const where = named.scope.startsWith('party:') ? `party ${named.scope.slice(6)}` : `charter ${named.scope.slice(8)}`;
                report({
                    message: `The name '${named.name}' is used ${same.length} times in ${where}.`,
                    range: named.source.nameRange,
                    element: `${named.scope.split(':')[1]}.${named.name}`,
                    related: same.filter(other => other !== named).map(other => ({
                        uri: other.source.uri, range: other.source.nameRange, message: `Another ${other.kind} named '${named.name}'.`
                    }))
                });
            }
        }
    }
});

function sameRange(a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}
