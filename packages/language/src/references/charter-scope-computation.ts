import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumCoreServices, type LangiumDocument, type LocalSymbols } from 'langium';
import { isCharter, isJournal, isParty, type Document } from '../generated/ast.js';
import { describeRaisedIssues, forEachRaisedIssue, raisedTypesOf } from './raised-issues.js';

/**
 * Exports parties and charters under their names, and every role under its
 * qualified name (`Acme.Sponsor`), so all three are global across the
 * workspace. Bodies, decisions, escalations and objectives stay local to
 * their charter (Langium's default local symbols).
 */
export class CharterScopeComputation extends DefaultScopeComputation {
    /** The types `isRaised` accepts (`raisedTypesOf`). */
    protected readonly raisedTypes: ReadonlySet<string>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.raisedTypes = raisedTypesOf(services.shared.AstReflection);
    }

    protected override addExportedSymbol(node: Parameters<DefaultScopeComputation['addExportedSymbol']>[0], exports: AstNodeDescription[], document: LangiumDocument): void {
        super.addExportedSymbol(node, exports, document);
        if (isParty(node) && node.name) {
            for (const role of node.roles) {
                if (role.name) {
                    exports.push(this.descriptions.createDescription(role, `${node.name}.${role.name}`, document));
                }
            }
        }
        if (isJournal(node)) {
            // A dispute raised in one journal is escalated or resolved in another of the same charter (next year's).
            describeRaisedIssues(node, this.raisedTypes, this.descriptions, document, exports);
        }
    }

    /**
     * The same table as Langium's (each named element is visible in its
     * container), built from where the grammar allows names — top-level
     * elements, a party's roles, a charter's elements — instead of walking
     * every node of the document with a cancellation check each.
     */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const root = document.parseResult.value as Document;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const element of root.elements ?? []) {
            await interruptAndCheck(cancelToken);
            this.addLocalSymbol(element, document, symbols);
            if (isParty(element)) {
                for (const role of element.roles) {
                    this.addLocalSymbol(role, document, symbols);
                }
            } else if (isJournal(element)) {
                forEachRaisedIssue(element, this.raisedTypes, issue => this.addLocalSymbol(issue, document, symbols));
            } else if (isCharter(element)) {
                for (const list of [element.objectives, element.bodies, element.decisions, element.escalations, element.commitments, element.metrics]) {
                    for (const named of list) {
                        this.addLocalSymbol(named, document, symbols);
                    }
                }
            }
        }
        return symbols;
    }
}
