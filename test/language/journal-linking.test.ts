import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, DefaultLinker, isLinkingError, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { CharterReference, ReferencePlans, rangeOfReference } from '@entente/language';
import { createTestServices, checkWorkspace, clearDocuments } from '../helpers/workspace.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/operations');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Every entry kind, names that resolve and names that do not, issues raised here and in another file. */
const JOURNAL = `journal Mixed for AcmeGlobex {
    2026-01-20 met SteeringCommittee with Acme.AllianceLead, Nobody.Here, Acme, Globex.Sponsor
    2026-01-21 met Committee with Acme.Sponsor
    2026-01-22 met with Globex.PartnerManager
    2026-01-23 delivered ShareRoadmap
    2026-01-23 delivered ShareNothing
    2026-01-24 missed TrainSellers "late"
    2026-01-25 measured JointRevenue 10 USD
    2026-01-25 measured Revenue 3 of 5
    2026-01-26 decided PriceList "up" by Acme, Globex.Sponsor, Ghost
    2026-01-26 decided Pricing by SteeringCommittee
    2026-02-01 raised Leads "who" via Disputes about Budget
    2026-02-01 raised Other via Nowhere about Nothing
    2026-02-02 escalated Leads
    2026-02-02 escalated Elsewhere
    2026-02-03 resolved Unknown "x"
    2026-02-04 assessed by Acme { trust 4 commitment 3 }
    2026-02-04 assessed by Initech { trust 2 }
    2026-02-05 reviewed "r"
    2026-02-06 note "n"
    2026-02-07 met SteeringCommittee with Acme.Sponsor
}
journal NoCharter {
    2026-03-01 met SteeringCommittee with Acme.Sponsor
    2026-03-02 assessed by Globex
    2026-03-03 escalated Leads
}
`;

const OTHER = `journal Next for AcmeGlobex {
    2026-04-01 raised Elsewhere "raised in another file"
    2026-04-02 resolved Leads
}
`;

/** What linking made of each reference of the document, in `document.references` order. */
function describeLinks(document: LangiumDocument): unknown[] {
    return document.references.map(reference => {
        const error = reference.error;
        const info = error?.info;
        const target = 'ref' in reference ? reference.ref : undefined;
        const description = 'ref' in reference ? reference.$nodeDescription : undefined;
        return {
            text: reference.$refText,
            target: target ? `${AstUtils.getDocument(target).uri.toString()}#${target.$type}:${(target as AstNode & { name?: string }).name}` : undefined,
            description: description ? `${description.documentUri.toString()}#${description.path}:${description.name}` : undefined,
            error: error ? { message: error.message, container: info?.container.$type, property: info?.property, index: info?.index, target: error.targetDescription?.name } : undefined
        };
    });
}

describe('linking a journal', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    async function build() {
        return checkWorkspace(services, {
            'acme-globex.charter': read('acme-globex.charter'),
            'acme.charter': read('parties/acme.charter'),
            'mixed.charter': JOURNAL,
            'next.charter': OTHER
        }, { today: '2026-12-01' });
    }

    it('links every reference in the order, to the targets and with the errors of Langium\'s linker', async () => {
        const checked = await build();
        const document = checked['mixed.charter'].document;
        const linked = describeLinks(document);
        assert.ok(linked.length > 30, `${linked.length} references`);
        assert.ok(linked.some(link => (link as { error?: unknown }).error), 'some names do not resolve');
        assert.ok(document.references.every(reference => reference instanceof CharterReference));

        // Langium's own linker (a walk of every node, the scope chain for every reference) over the same document.
        const linker = services.references.Linker;
        linker.unlink(document);
        assert.equal(document.references.length, 0);
        await DefaultLinker.prototype.link.call(linker, document);
        assert.deepEqual(describeLinks(document), linked);
    });

    it('links a journal Langium\'s parser read (a syntax error) as Langium\'s linker does', async () => {
        const broken = JOURNAL.replace('2026-01-24 missed TrainSellers "late"', '2026-01-24 missed TrainSellers "late" }{ with').replace(/\n}\njournal NoCharter[\s\S]*$/, '\n');
        const checked = await checkWorkspace(services, { 'acme-globex.charter': read('acme-globex.charter'), 'acme.charter': read('parties/acme.charter'), 'broken.charter': broken }, { today: '2026-12-01' });
        const document = checked['broken.charter'].document;
        assert.ok(document.parseResult.parserErrors.length > 0, 'the journal has a syntax error');
        const linked = describeLinks(document);
        assert.ok(linked.length > 5, `${linked.length} references`);
        const linker = services.references.Linker;
        linker.unlink(document);
        await DefaultLinker.prototype.link.call(linker, document);
        assert.deepEqual(describeLinks(document), linked);
    });

    it('gives an unresolved name in an entry Langium\'s error, at the name', async () => {
        const checked = await build();
        const document = checked['mixed.charter'].document;
        const reference = document.references.find(candidate => candidate.$refText === 'Committee') as Reference;
        assert.equal(reference.ref, undefined);
        assert.ok(isLinkingError(reference.error));
        assert.equal(reference.error.message, "Could not resolve reference to Body named 'Committee'.");
        assert.equal(reference.error.info.property, 'body');
        assert.equal(reference.error.info.index, undefined);
        const attendee = document.references.find(candidate => candidate.$refText === 'Nobody.Here') as Reference;
        assert.equal(attendee.error?.message, "Could not resolve reference to Principal named 'Nobody.Here'.");
        assert.equal(attendee.error?.info.index, 1);
        assert.deepEqual(rangeOfReference(reference), { start: { line: 2, character: 19 }, end: { line: 2, character: 28 } });
        const diagnostics = document.diagnostics ?? [];
        // The checker words Langium's linking error its own way, at the same range.
        assert.ok(diagnostics.some(diagnostic => diagnostic.message === "No body named 'Committee' is declared." && diagnostic.range.start.line === 2 && diagnostic.range.start.character === 19),
            JSON.stringify(diagnostics.map(diagnostic => diagnostic.message)));
    });

    it('reports a journal whose charter is found nowhere once, on its `for` name, not once for each name its entries use', async () => {
        const checked = await checkWorkspace(services, { 'acme.charter': read('parties/acme.charter'), 'mixed.charter': JOURNAL }, { today: '2026-12-01' });
        const { findings } = checked['mixed.charter'];
        const lines = JOURNAL.split('\n');
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'unresolved-reference').map(finding => [finding.message, finding.range.start.line, lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character)]), [
            ["No charter named 'AcmeGlobex' is declared in the files read: the journal's entries are checked against their charter, so none is until it is (check the journal with its charter's file, or correct the name).", 0, 'AcmeGlobex']
        ]);
        // The journal without `for` (above, none for its entries): the syntax rule says it names no charter.
        assert.ok(findings.some(finding => finding.ruleId === 'syntax' && /Journal NoCharter names no charter/.test(finding.message)));
        // With its charter, the names its entries get wrong are each a finding.
        await clearDocuments(services);
        const whole = await build();
        const unresolved = whole['mixed.charter'].findings.filter(finding => finding.ruleId === 'unresolved-reference');
        assert.ok(unresolved.length >= 10, unresolved.map(finding => finding.message).join('\n'));
    });

    it('finds references in entries (find references) after linking', async () => {
        const checked = await build();
        const charter = checked['acme-globex.charter'].document.parseResult.value as AstNode & { elements: Array<AstNode & { bodies: AstNode[] }> };
        const body = charter.elements.flatMap(element => element.bodies ?? []).find(candidate => (candidate as AstNode & { name: string }).name === 'SteeringCommittee')!;
        const found = services.references.References.findReferences(body, { includeDeclaration: false }).toArray();
        const inJournal = found.filter(reference => reference.sourceUri.toString().endsWith('mixed.charter'));
        // Two meetings and a decision of the journal with a charter (the journal without one cannot name the charter's bodies).
        assert.deepEqual(inJournal.map(reference => reference.segment.range.start.line), [1, 10, 20]);
    });

    it('knows where each entry kind holds its references (else the linker walks its fields)', () => {
        const plans = new ReferencePlans(services.Grammar, services.shared.AstReflection);
        for (const type of services.shared.AstReflection.getAllSubTypes('Entry')) {
            if (type !== 'Entry') {
                assert.ok(plans.of(type), type);
            }
        }
        assert.deepEqual(plans.of('Met')?.references.map(reference => [reference.property, reference.referenceType]), [['body', 'Body'], ['attendees', 'Principal']]);
        assert.deepEqual(plans.of('Raised')?.references.map(reference => reference.property), ['escalation', 'decision']);
        assert.equal(plans.of('Raised')?.children, 'issue');
        assert.equal(plans.of('Assessed')?.children, 'scores');
        assert.equal(plans.of('Note')?.references.length, 0);
        assert.deepEqual(plans.of('Journal')?.references.map(reference => reference.property), ['charter']);
        assert.equal(plans.of('Journal')?.children, 'entries');
    });
});
