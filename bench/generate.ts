/**
 * Generators of large, realistic charters and workspaces for the benchmarks:
 * deterministic (a seeded sequence), so every run measures the same text.
 */

/** The party files every generated charter shares. */
export function partyFile(parties: number, roles = 4): string {
    return Array.from({ length: parties }, (_, p) =>
        `party P${p} "Party ${p}" {\n${Array.from({ length: roles }, (_, r) => `    role R${r} "Role ${r} of party ${p}"`).join('\n')}\n}\n`).join('\n');
}

/**
 * A charter of about `lines` lines over `parties` parties, laid out one
 * clause a line as people write them: bodies, decisions, escalations,
 * commitments and metrics in proportion.
 */
export function charterOfLines(name: string, lines: number, parties = 3): string {
    const out: string[] = [
        `charter ${name} "Generated charter ${name}" {`,
        `    parties ${Array.from({ length: parties }, (_, p) => `P${p}`).join(', ')}`,
        '    vision "A generated partnership for benchmarking."',
        '    term from 2026-01-01 to 2030-12-31',
        '    review every 6 months',
        '    exit { notice 90 days }'
    ];
    let i = 0;
    const role = (n: number) => `P${n % parties}.R${n % 4}`;
    while (out.length < lines - 1) {
        out.push(`    objective O${i} "Objective ${i}"`);
        out.push(`    body B${i} "Body ${i}" {`, `        members ${Array.from({ length: parties }, (_, p) => `P${p}.R${i % 4}`).join(', ')}`, '        votes by consensus', '        chair rotates yearly', '        meets quarterly', '    }');
        out.push(`    decision D${i} "Decision ${i}" {`, `        decided by B${i}`, `        consults ${role(i + 1)}`, `        informs ${Array.from({ length: parties }, (_, p) => `P${p}`).join(', ')}`, `        escalates to E${i}`, '    }');
        out.push(`    escalation E${i} "Escalation ${i}" {`, `        level ${role(i)}, ${role(i + 1)} within 5 days`, `        level B${i} within 10 days`, '        finally mediation "An agreed mediator"', '    }');
        out.push(`    commitment C${i} "Commitment ${i}" {`, `        owner ${role(i)}`, `        to P${(i + 1) % parties}`, '        due 2027-06-30', `        supports O${i}`, '    }');
        out.push(`    metric M${i} "Metric ${i}" {`, `        kind ${['outcome', 'process', 'relationship'][i % 3]}`, `        owner ${role(i + 2)}`, '        target >= 10 USD', '        cadence quarterly', `        tracks O${i}`, `        benefits ${Array.from({ length: parties }, (_, p) => `P${p}`).join(', ')}`, '    }');
        i++;
    }
    out.push('}');
    return out.join('\n') + '\n';
}

/** A charter with many elements of one kind, for the scale edges. */
export function charterWith(options: { parties?: number; decisions?: number; bodyOfAllParties?: boolean; chainedBodies?: number }): { parties: string; charter: string } {
    const parties = options.parties ?? 2;
    const lines = [`charter Edge {`, `    parties ${Array.from({ length: parties }, (_, p) => `P${p}`).join(', ')}`];
    if (options.bodyOfAllParties) {
        lines.push(`    body Assembly { members ${Array.from({ length: parties }, (_, p) => `P${p}.R${p % 4}`).join(', ')} votes by majority meets yearly }`);
    }
    for (let d = 0; d < (options.decisions ?? 0); d++) {
        lines.push(`    decision D${d} { decided by P${d % parties} informs ${Array.from({ length: Math.min(parties, 3) }, (_, p) => `P${p}`).join(', ')} }`);
    }
    const chain = options.chainedBodies ?? 0;
    for (let b = chain - 1; b >= 1; b--) {
        lines.push(`    body Chain${b} { members Chain${b - 1} }`);
    }
    if (chain > 0) {
        lines.push('    body Chain0 { members P0.R0, P1.R0 }', `    decision Top { decided by Chain${chain - 1} by majority }`);
    }
    lines.push('}');
    return { parties: partyFile(parties), charter: lines.join('\n') + '\n' };
}

/** The same charter as YAML, for the side-by-side with a schema-checked YAML file. */
export function charterAsYaml(name: string, lines: number, parties = 3): string {
    const count = Math.max(1, Math.floor((lines - 6) / 34));
    const list = (n: number) => Array.from({ length: parties }, (_, p) => `P${p}`).slice(0, n);
    const out = [`name: ${name}`, `title: Generated charter ${name}`, `parties: [${list(parties).join(', ')}]`, 'vision: A generated partnership for benchmarking.', 'term: { from: 2026-01-01, to: 2030-12-31 }', 'review: { every: 6, unit: months }', 'exit: { notice: 90, unit: days }', 'objectives:'];
    for (let i = 0; i < count; i++) out.push(`  - { name: O${i}, text: Objective ${i} }`);
    out.push('bodies:');
    for (let i = 0; i < count; i++) out.push(`  - name: B${i}`, `    members: [${list(parties).map(p => `${p}.R${i % 4}`).join(', ')}]`, '    votes: consensus', '    chair: rotates yearly', '    meets: quarterly');
    out.push('decisions:');
    for (let i = 0; i < count; i++) out.push(`  - name: D${i}`, `    decidedBy: B${i}`, `    consults: [P${(i + 1) % parties}.R${(i + 1) % 4}]`, `    informs: [${list(parties).join(', ')}]`, `    escalatesTo: E${i}`);
    out.push('escalations:');
    for (let i = 0; i < count; i++) out.push(`  - name: E${i}`, '    levels:', `      - { principals: [P${i % parties}.R${i % 4}, P${(i + 1) % parties}.R${(i + 1) % 4}], within: 5 }`, `      - { principals: [B${i}], within: 10 }`, '    finally: mediation');
    out.push('commitments:');
    for (let i = 0; i < count; i++) out.push(`  - { name: C${i}, owner: P${i % parties}.R${i % 4}, to: [P${(i + 1) % parties}], due: 2027-06-30, supports: O${i} }`);
    out.push('metrics:');
    for (let i = 0; i < count; i++) out.push(`  - { name: M${i}, kind: ${['outcome', 'process', 'relationship'][i % 3]}, owner: P${(i + 2) % parties}.R${(i + 2) % 4}, target: ">= 10 USD", cadence: quarterly, tracks: [O${i}], benefits: [${list(parties).join(', ')}] }`);
    return out.join('\n') + '\n';
}

/**
 * A journal of `entries` entries for a charter made by `charterOfLines`
 * (its bodies B*, decisions D*, escalations E*, commitments C* and metrics
 * M*, `elements` of each): every kind of entry, dated across 2026.
 */
export function journalOfEntries(name: string, charter: string, entries: number, elements: number, parties = 3): string {
    const out = [`journal ${name} for ${charter} {`];
    let issue = 0;
    for (let n = 0; n < entries; n++) {
        const day = 1 + (n * 7) % 300;
        const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
        const i = n % Math.max(1, elements);
        const role = (k: number) => `P${k % parties}.R${k % 4}`;
        switch (n % 9) {
            case 0: out.push(`    ${date} met B${i} with ${Array.from({ length: parties }, (_, p) => `P${p}.R${i % 4}`).join(', ')}`); break;
            case 1: out.push(`    ${date} delivered C${i}`); break;
            case 2: out.push(`    ${date} measured M${i} ${10 + (n % 5)} USD`); break;
            case 3: out.push(`    ${date} decided D${i} "Decision taken" by B${i}`); break;
            case 4: out.push(`    ${date} raised I${issue} "An issue" via E${i} about D${i}`); break;
            // A week after its raise, the entry before: dated by `day`, a resolution after the count wrapped round the year came before it.
            case 5: out.push(`    ${new Date(Date.UTC(2026, 0, 1 + ((n - 1) * 7) % 300 + 7)).toISOString().slice(0, 10)} resolved I${issue++} "Settled"`); break;
            case 6: out.push(`    ${date} assessed by P${n % parties} { trust 4 commitment ${3 + (n % 2)} coordination 4 communication 3 }`); break;
            case 7: out.push(`    ${date} reviewed "Review held by ${role(n)}"`); break;
            default: out.push(`    ${date} note "Note ${n}"`);
        }
    }
    out.push('}');
    return out.join('\n') + '\n';
}
