/** Strings built to break out of SVG text and attributes, and to reorder what is shown. */
export const HOSTILE = [
    '</svg><script>alert(1)</script>',
    '"onload="alert(1)',
    '\'><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202Eevil\u202C & <b>bold</b> &amp; ]]> <!-- -->'
];

/** A charter with a hostile string in every text slot that reaches a diagram or the report. */
export function hostileCharter(hostile: string): string {
    const s = JSON.stringify(hostile);
    return `party Acme ${s} { role Lead ${s} role Sponsor ${s} }
party Globex ${s} { role Lead ${s} }
charter Deal ${s} {
    parties Acme, Globex
    vision ${s}
    objective Goal ${s}
    body Board ${s} { members Acme.Lead, Globex.Lead votes by majority meets monthly }
    decision Price ${s} { decided by Board escalates to Disputes }
    escalation Disputes ${s} { level Acme.Lead, Globex.Lead within 5 days finally arbitration ${s} }
    commitment Train ${s} { owner Acme.Lead to Globex }
    metric Sales ${s} { kind outcome owner Acme.Lead target >= 1 cadence monthly tracks Goal benefits Acme, Globex }
    exit { notice 30 days ${s} }
}
`;
}
