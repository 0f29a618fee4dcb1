import type { Range } from './types.js';

/** A `// entente-disable-next-line rule-id[, rule-id…] -- reason [until YYYY-MM-DD]` comment. */
export interface SuppressionComment {
    /** Zero-based line of the comment; it suppresses findings that start on the next line. */
    line: number;
    ruleIds: Array<{ id: string; range: Range }>;
    /** The reason after `--`, without the expiry; undefined when none is given. */
    reason?: string;
    /** The expiry date after `until`, when given. */
    until?: string;
    range: Range;
}

const DIRECTIVE = /\/\/\s*entente-disable-next-line\b(.*)$/;

/** Every suppression comment of a document's text. */
export function findSuppressionComments(text: string): SuppressionComment[] {
    const comments: SuppressionComment[] = [];
    if (!text.includes('entente-disable-next-line')) {
        return comments;
    }
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((lineText, line) => {
        const match = DIRECTIVE.exec(lineText);
        if (!match || !isInComment(lineText, match.index)) {
            return;
        }
        const rest = match[1];
        const restStart = match.index + match[0].length - rest.length;
        const separator = rest.indexOf('--');
        const idsText = separator < 0 ? rest : rest.slice(0, separator);
        const ruleIds = [...idsText.matchAll(/[A-Za-z0-9_-]+/g)].map(id => ({
            id: id[0],
            range: { start: { line, character: restStart + id.index }, end: { line, character: restStart + id.index + id[0].length } }
        }));
        let reason = separator < 0 ? undefined : rest.slice(separator + 2).trim();
        let until: string | undefined;
        const expiry = reason !== undefined ? /(?:^|\s)until\s+(\d{4}-\d{2}-\d{2})\s*$/.exec(reason) : null;
        if (expiry && reason !== undefined) {
            until = expiry[1];
            reason = reason.slice(0, expiry.index).trim();
        }
        comments.push({
            line,
            ruleIds,
            reason: reason ? reason : undefined,
            until,
            range: { start: { line, character: match.index }, end: { line, character: lineText.length } }
        });
    });
    return comments;
}

/** Whether the `//` at `index` starts a comment rather than standing inside a string. */
function isInComment(lineText: string, index: number): boolean {
    let quotes = 0;
    for (let i = 0; i < index; i++) {
        if (lineText[i] === '"' && lineText[i - 1] !== '\\') {
            quotes++;
        }
    }
    return quotes % 2 === 0;
}
