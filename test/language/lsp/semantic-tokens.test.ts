import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { SemanticTokensRangeRequest, SemanticTokensRequest, type SemanticTokensLegend } from 'vscode-languageserver-protocol/node.js';
import { EntenteGrammar } from '../../../packages/language/src/generated/grammar.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');

interface Token { line: number; char: number; length: number; type: string; modifiers: string[]; text: string }

/** LSP's relative encoding (five integers a token) back into absolute tokens with their text. */
function decode(data: readonly number[], legend: SemanticTokensLegend, text: string): Token[] {
    const lines = text.split('\n');
    const tokens: Token[] = [];
    let line = 0;
    let char = 0;
    for (let index = 0; index < data.length; index += 5) {
        const [deltaLine, deltaChar, length, type, modifierBits] = data.slice(index, index + 5);
        line += deltaLine;
        char = deltaLine === 0 ? char + deltaChar : deltaChar;
        const modifiers = legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0);
        tokens.push({ line, char, length, type: legend.tokenTypes[type], modifiers, text: lines[line].slice(char, char + length) });
    }
    return tokens;
}

describe('semantic highlighting over LSP', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    let legend: SemanticTokensLegend;
    const journalUri = 'file:///tokens/journals/acme-globex-2026.charter';
    const charterUri = 'file:///tokens/acme-globex.charter';
    const journal = read('reference/journals/acme-globex-2026.charter');

    async function tokensOf(uri: string, text: string): Promise<Token[]> {
        const result = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        assert.ok(result, 'the server answers semanticTokens/full');
        return decode(result.data, legend, text);
    }

    /** The tokens of the first line containing `needle`, as `text:type[+modifier]`. */
    function onLine(tokens: Token[], text: string, needle: string): string[] {
        const line = text.split('\n').findIndex(candidate => candidate.includes(needle));
        assert.ok(line >= 0, needle);
        return tokens.filter(token => token.line === line).map(token => `${token.text}:${[token.type, ...token.modifiers].join('+')}`);
    }

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        const initialized = await client.initialize();
        legend = initialized.capabilities.semanticTokensProvider!.legend;
        await client.open('file:///tokens/parties/acme.charter', read('reference/parties/acme.charter'));
        await client.open(charterUri, read('reference/acme-globex.charter'));
        await client.open(journalUri, journal);
    });
    after(() => client.dispose());

    it('declares a legend with dates beside LSP\'s standard types', () => {
        for (const type of ['keyword', 'number', 'string', 'namespace', 'variable', 'struct', 'method', 'property', 'function', 'interface', 'event', 'type', 'class', 'date']) {
            assert.ok(legend.tokenTypes.includes(type), `${type} in ${legend.tokenTypes.join(', ')}`);
        }
        assert.ok(legend.tokenModifiers.includes('declaration'));
    });

    it('colours a journal\'s entries: dates, entry kinds, names by their kind, numbers, units and strings', async () => {
        const tokens = await tokensOf(journalUri, journal);
        assert.deepEqual(onLine(tokens, journal, 'journal AcmeGlobex2026'),
            ['journal:keyword', 'AcmeGlobex2026:class+declaration', '"Acme x Globex, 2026":string', 'for:keyword', 'AcmeGlobex:class']);
        assert.deepEqual(onLine(tokens, journal, '2026-01-15 delivered ShareRoadmap'), ['2026-01-15:date', 'delivered:keyword', 'ShareRoadmap:method']);
        assert.deepEqual(onLine(tokens, journal, '2026-01-20 met'), [
            '2026-01-20:date', 'met:keyword', 'SteeringCommittee:struct', 'with:keyword',
            'Acme:namespace', 'AllianceLead:variable', 'Acme:namespace', 'Sponsor:variable',
            'Globex:namespace', 'PartnerManager:variable', 'Globex:namespace', 'Sponsor:variable'
        ]);
        assert.deepEqual(onLine(tokens, journal, '2026-03-02 decided'),
            ['2026-03-02:date', 'decided:keyword', 'PriceList:function', '"List prices +4% from Q2":string', 'by:keyword', 'Acme:namespace']);
        assert.deepEqual(onLine(tokens, journal, '2026-03-31 measured  JointRevenue'), ['2026-03-31:date', 'measured:keyword', 'JointRevenue:property', '2600000:number', 'USD:type']);
        assert.deepEqual(onLine(tokens, journal, '2026-01-31 measured  DealRegistrationTime 4 days'),
            ['2026-01-31:date', 'measured:keyword', 'DealRegistrationTime:property', '4:number', 'days:type']);
        assert.deepEqual(onLine(tokens, journal, 'PartnerSatisfaction 4 of 5'),
            ['2026-06-30:date', 'measured:keyword', 'PartnerSatisfaction:property', '4:number', 'of:keyword', '5:number']);
        assert.deepEqual(onLine(tokens, journal, 'raised    NordicLeads'), [
            '2026-05-04:date', 'raised:keyword', 'NordicLeads:event+declaration', '"Who owns inbound leads in the Nordics":string',
            'via:keyword', 'Disputes:interface', 'about:keyword', 'Budget:function'
        ]);
        assert.deepEqual(onLine(tokens, journal, 'resolved  NordicLeads'),
            ['2026-05-08:date', 'resolved:keyword', 'NordicLeads:event', '"Leads follow the customer\'s existing account owner":string']);
        assert.deepEqual(onLine(tokens, journal, 'assessed  by Acme'), [
            '2026-06-30:date', 'assessed:keyword', 'by:keyword', 'Acme:namespace',
            'trust:keyword', '4:number', 'commitment:keyword', '4:number', 'coordination:keyword', '4:number', 'communication:keyword', '4:number'
        ]);
        assert.deepEqual(onLine(tokens, journal, 'reviewed'), ['2026-06-30:date', 'reviewed:keyword', '"Half-year review: pipeline ahead of plan, training plan agreed":string']);
        assert.deepEqual(onLine(tokens, journal, 'note'), ['2026-07-01:date', 'note:keyword', '"Globex reorganised its partner team; PartnerManager unchanged":string']);
        assert.ok(!tokens.some(token => token.text.startsWith('//')), 'comments are left to the TextMate grammar');
    });

    it('colours the issue an `escalated` entry refers to like the one `raised` declares, and an issue not raised yet as an issue too', async () => {
        const text = journal.replace(/( +2026-05-08 resolved)/, '    2026-05-06 escalated NordicLeads\n    2026-05-07 escalated Nobody\n$1');
        await client.change(journalUri, text);
        try {
            const tokens = await tokensOf(journalUri, text);
            assert.deepEqual(onLine(tokens, text, 'escalated NordicLeads'), ['2026-05-06:date', 'escalated:keyword', 'NordicLeads:event']);
            assert.deepEqual(onLine(tokens, text, 'escalated Nobody'), ['2026-05-07:date', 'escalated:keyword', 'Nobody:event'], 'an issue is the only thing `escalated` can name');
        } finally {
            await client.change(journalUri, journal);
        }
    });

    it('colours a principal that resolves to nothing as a party (a role after its dot), in a charter and in a journal', async () => {
        const uri = 'file:///tokens/unresolved.charter';
        const text = [
            'charter Unresolved {',
            '    parties Acme',
            '    body Board { members Acme.Sponsor, Nobody, Acme.Nobody }',
            '    decision Pricing { decided by Nobody consults Board }',
            '    escalation Disputes { level Nobody within 5 days }',
            '    commitment Report { owner Nobody to Nobody }',
            '    metric Revenue { owner Nobody benefits Nobody }',
            '}',
            'journal UnresolvedLog for Unresolved {',
            '    2026-01-20 met Board with Nobody',
            '}'
        ].join('\n');
        await client.open(uri, text);
        const tokens = await tokensOf(uri, text);
        assert.deepEqual(onLine(tokens, text, 'body Board'),
            ['body:keyword', 'Board:struct+declaration', 'members:keyword', 'Acme:namespace', 'Sponsor:variable', 'Nobody:namespace', 'Acme:namespace', 'Nobody:variable']);
        assert.deepEqual(onLine(tokens, text, 'decided by'),
            ['decision:keyword', 'Pricing:function+declaration', 'decided:keyword', 'by:keyword', 'Nobody:namespace', 'consults:keyword', 'Board:struct']);
        assert.deepEqual(onLine(tokens, text, 'level'), ['escalation:keyword', 'Disputes:interface+declaration', 'level:keyword', 'Nobody:namespace', 'within:keyword', '5:number', 'days:type']);
        assert.deepEqual(onLine(tokens, text, 'owner Nobody to').filter(token => token.startsWith('Nobody')), ['Nobody:namespace', 'Nobody:namespace']);
        assert.deepEqual(onLine(tokens, text, 'benefits').filter(token => token.startsWith('Nobody')), ['Nobody:namespace', 'Nobody:namespace']);
        assert.deepEqual(onLine(tokens, text, 'met Board'), ['2026-01-20:date', 'met:keyword', 'Board:struct', 'with:keyword', 'Nobody:namespace']);
        await client.close(uri);
    });

    it('colours a body of 16,000 members in time linear in its names, each one as a party and a role', async () => {
        const uri = 'file:///tokens/crowded.charter';
        const members = Array.from({ length: 16_000 }, (_, index) => (index % 2 ? 'Acme.Sponsor' : 'Globex.Sponsor')).join(', ');
        const text = `charter Crowded {\n    parties Acme, Globex\n    body Everyone { members ${members} }\n}\n`;
        await client.open(uri, text);
        const started = Date.now();
        const tokens = await tokensOf(uri, text);
        const elapsed = Date.now() - started;
        await client.close(uri);
        assert.equal(tokens.filter(token => token.type === 'variable').length, 16_000);
        assert.equal(tokens.filter(token => token.type === 'namespace').length, 16_002);
        // Looking each name up among all the body's references took 28 s here.
        assert.ok(elapsed < 5_000, `${elapsed} ms`);
    });

    it('colours a charter\'s declarations and references the same way, and answers a range request with that range\'s tokens', async () => {
        const text = read('reference/acme-globex.charter');
        const tokens = await tokensOf(charterUri, text);
        const declared = (name: string) => tokens.find(token => token.text === name && token.modifiers.includes('declaration'))?.type;
        assert.equal(declared('AcmeGlobex'), 'class');
        assert.equal(declared('SteeringCommittee'), 'struct');
        assert.equal(declared('ShareRoadmap'), 'method');
        assert.equal(declared('JointRevenue'), 'property');
        assert.equal(declared('Disputes'), 'interface');
        assert.ok(tokens.some(token => token.text === 'Sponsor' && token.type === 'variable' && token.modifiers.length === 0), 'a role named in the charter');
        assert.ok(tokens.some(token => token.type === 'date' && /^\d{4}-\d\d-\d\d$/.test(token.text)), 'the term\'s dates');
        const line = text.split('\n').findIndex(candidate => candidate.includes('body SteeringCommittee'));
        const ranged = await client.connection.sendRequest(SemanticTokensRangeRequest.type, {
            textDocument: { uri: charterUri }, range: { start: { line, character: 0 }, end: { line, character: 200 } }
        });
        const inRange = decode(ranged!.data, legend, text);
        assert.ok(inRange.length > 0 && inRange.every(token => token.line === line));
        assert.deepEqual(inRange.slice(0, 2).map(token => `${token.text}:${token.type}`), ['body:keyword', 'SteeringCommittee:struct']);
    });
});

describe('the TextMate grammar, for editors without semantic tokens', () => {
    const textMate = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/charter.tmLanguage.json'), 'utf8')) as { patterns: Array<{ name?: string; match?: string }> };
    const keywordPattern = new RegExp(textMate.patterns.find(pattern => pattern.name === 'keyword.control.charter')!.match!, 'g');
    const journalRules = ['Journal', 'Met', 'Delivered', 'Missed', 'Measured', 'Decided', 'Raised', 'Escalated', 'Resolved', 'Reviewed', 'Assessed', 'Note', 'Pillar', 'TimeUnit'];
    const journalKeywords = EntenteGrammar().rules.filter(rule => journalRules.includes(rule.name))
        .flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray())
        .filter(keyword => /^[a-z]/.test(keyword));

    it('colours every word keyword of the journal as a keyword: entry kinds, pillars, `for`, `with`, `via`, `about`, `by`, `of`', () => {
        for (const kind of ['met', 'delivered', 'missed', 'measured', 'decided', 'raised', 'escalated', 'resolved', 'reviewed', 'assessed', 'note', 'trust', 'via', 'about', 'with', 'of']) {
            assert.ok(journalKeywords.includes(kind), `${kind} is a keyword of the journal's grammar`);
        }
        for (const keyword of new Set(journalKeywords)) {
            assert.deepEqual(keyword.match(keywordPattern), [keyword], `${keyword} is coloured as a keyword`);
        }
    });

    it('colours each entry kind of an example journal, and not the names of the charter\'s elements', () => {
        const journal = read('reference/journals/acme-globex-2026.charter');
        for (const line of journal.split('\n').filter(candidate => /^ +\d{4}-/.test(candidate))) {
            const kind = line.trim().split(/ +/)[1];
            assert.ok(line.match(keywordPattern)?.includes(kind), line);
        }
        assert.equal('    2026-10-08 delivered ShareRoadmap'.match(keywordPattern)?.join(' '), 'delivered');
    });
});
