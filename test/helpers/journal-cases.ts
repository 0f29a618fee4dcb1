/**
 * The charter the execution rules' tests and docs pages share (two parties, a
 * quarterly steering committee, a term from 2026-01-01, a review every 6
 * months) with a journal of the given entries.
 */
export function journalCase(entries: readonly string[], extra = ''): string {
    const lines = entries.map(entry => `    ${entry}`).join('\n');
    return `party Acme "Acme Corporation" { role AllianceLead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role PartnerManager "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    term from 2026-01-01 to 2027-12-31
    review every 6 months
    body Steering { members Acme.Sponsor, Globex.Sponsor meets quarterly }
    decision Prices { decided by Acme consults Globex informs Globex }
    escalation Disputes { level Acme.AllianceLead, Globex.PartnerManager within 5 days level Steering within 10 days }
    commitment Roadmap { owner Globex.PartnerManager to Acme every quarter }
    commitment Training { owner Acme.AllianceLead to Globex due 2026-03-31 status done }${extra}
    metric Revenue { kind outcome owner Acme.AllianceLead target >= 100000 USD cadence monthly benefits Acme, Globex }
}
journal Deal2026 for Deal {
${lines}
}
`;
}
