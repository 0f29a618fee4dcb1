/** The candidate nearest to a misspelt word (a rule id, a kind of journal entry), if it is near enough. */
export function closest(written: string, candidates: string[]): string | undefined {
    // Case says nothing of which one was meant ('FIXED-CHAIR', 'Delivered'): compared in lower case, the candidate returned as it is.
    const word = written.toLowerCase();
    if (word === '') {
        // Every candidate starts with nothing: none is nearer than another.
        return undefined;
    }
    // A long shared beginning says more than a small edit distance ('one-sided-decisions' → 'one-sided-decision-rights').
    const byPrefix = candidates
        .map(candidate => ({ candidate, shared: sharedPrefix(word, candidate.toLowerCase()) }))
        .filter(({ shared }) => shared >= Math.max(4, word.length * 0.6))
        .sort((a, b) => b.shared - a.shared || a.candidate.length - b.candidate.length)[0];
    if (byPrefix) {
        return byPrefix.candidate;
    }
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best && (bestDistance <= Math.max(3, word.length / 3) || best.toLowerCase().startsWith(word) || word.startsWith(best.toLowerCase())) ? best : undefined;
}

function sharedPrefix(a: string, b: string): number {
    let length = 0;
    while (length < a.length && length < b.length && a[length] === b[length]) {
        length++;
    }
    return length;
}

/** The number of letters to insert, remove or change to make one word the other (Levenshtein's distance). */
export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return previous[b.length];
}
