import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../helpers/workspace.js';

interface Snippet {
    prefix: string | string[];
    body: string[];
    description: string;
}

const SNIPPETS = JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages/vscode/snippets/charter.json'), 'utf8')) as Record<string, Snippet>;
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '22' };

/**
 * Expands a snippet body as VS Code does when the user accepts every default:
 * `${1:x}` gives x, a later `$1` mirrors it, `${1|a,b|}` gives a, variables resolve.
 */
function expandSnippet(body: string): string {
    const values = new Map<string, string>();
    function parse(start: number, inPlaceholder: boolean): [string, number] {
        let out = '';
        let i = start;
        while (i < body.length) {
            const character = body[i];
            if (character === '\\' && i + 1 < body.length) {
                out += body[i + 1];
                i += 2;
            } else if (inPlaceholder && character === '}') {
                return [out, i + 1];
            } else if (character === '$' && /\d/.test(body[i + 1] ?? '')) {
                const [digits] = /^\d+/.exec(body.slice(i + 1))!;
                out += values.get(digits) ?? '';
                i += 1 + digits.length;
            } else if (character === '$' && body[i + 1] === '{') {
                const [name] = /^(\d+|[A-Z_]+)/.exec(body.slice(i + 2)) ?? [''];
                let j = i + 2 + name.length;
                let value: string;
                if (body[j] === ':') {
                    [value, j] = parse(j + 1, true);
                } else if (body[j] === '|') {
                    const end = body.indexOf('|}', j);
                    value = body.slice(j + 1, end).split(',')[0];
                    j = end + 2;
                } else {
                    value = values.get(name) ?? VARIABLES[name] ?? '';
                    j += 1;
                }
                if (/^\d+$/.test(name)) {
                    value = values.get(name) ?? value;
                    values.set(name, value);
                } else {
                    value = VARIABLES[name] ?? value;
                }
                out += value;
                i = j;
            } else {
                out += character;
                i += 1;
            }
        }
        return [out, i];
    }
    return parse(0, false)[0];
}

/** A charter for snippets that belong inside one, with what they refer to. */
function insideCharter(snippet: string): string {
    return `party Acme { role AllianceLead role Sponsor }
party Globex { role PartnerManager role Sponsor }
charter Host {
    parties Acme, Globex
    objective JointPipeline
    body SteeringCommittee { members Acme.Sponsor, Globex.Sponsor }
    escalation Disputes { finally mediation }
${snippet}
}
`;
}

const STRUCTURAL = ['syntax', 'unresolved-reference', 'outsider-reference', 'too-few-parties'];

describe('the charter snippets', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('cover the charter skeleton, party, body, decision, escalation, commitment and metric', () => {
        const prefixes = Object.values(SNIPPETS).flatMap(snippet => [snippet.prefix].flat());
        for (const prefix of ['charter', 'party', 'body', 'decision', 'escalation', 'commitment', 'metric']) {
            assert.ok(prefixes.includes(prefix), `no snippet for ${prefix}`);
        }
        for (const [name, snippet] of Object.entries(SNIPPETS)) {
            assert.ok(snippet.description.endsWith('.'), `${name} needs a one-sentence description`);
        }
    });

    it('expand the way VS Code does (mirrors, choices, variables)', () => {
        assert.equal(expandSnippet('party ${1:Acme} { role ${2|A,B|} }\ncharter ${3:${1}X} { parties $1 } ${CURRENT_YEAR}$0'),
            'party Acme { role A }\ncharter AcmeX { parties Acme } 2026');
    });

    it('give a healthy skeleton: it parses, links and has no error or warning', async () => {
        const skeleton = expandSnippet(SNIPPETS['Charter skeleton'].body.join('\n'));
        const { findings, model } = await checkText(services, skeleton);
        assert.deepEqual(model.charters.map(charter => charter.name), ['AcmeGlobex']);
        const serious = findings.filter(finding => finding.severity === 'error' || finding.severity === 'warning');
        assert.deepEqual(serious.map(finding => `${finding.ruleId}: ${finding.message}`), []);
    });

    for (const [name, snippet] of Object.entries(SNIPPETS).filter(([name]) => name !== 'Charter skeleton')) {
        it(`expand ${name.toLowerCase()} into text that parses and links where it belongs`, async () => {
            const text = expandSnippet(snippet.body.join('\n'));
            // A journal stands beside the charter it is for; its entries inside a journal.
            const where = name === 'Party' ? `${text}\nparty Other {}\n`
                : name === 'Journal' ? `${insideCharter('')}${text.replace(/AcmeGlobex/g, 'Host')}\n`
                : name.startsWith('Journal entry') ? `${insideCharter('')}journal HostJournal for Host {\n    ${text}\n}\n`
                : insideCharter(text);
            const { findings } = await checkText(services, where, { today: '2026-11-22' });
            const structural = findings.filter(finding => STRUCTURAL.includes(finding.ruleId));
            assert.deepEqual(structural.map(finding => `${finding.ruleId}: ${finding.message}`), []);
        });
    }
});
