import { DefaultReferences, stream, type AstNode, type CstNode, type FindReferencesOptions, type LangiumCoreServices, type LangiumDocuments, type ReferenceDescription, type Stream } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * Langium's references, aware of qualified role names (`Acme.Lead`).
 *
 * A role reference names its party too, so: a reference to a role covers
 * only the role's part of the name; a reference to a party includes the
 * party's part of every `Party.Role` naming one of its roles; and
 * go-to-definition on the party's part goes to the party. Find references,
 * rename and document highlights all follow, so renaming a party renames
 * `Acme.Lead` to `NewName.Lead` instead of leaving it dangling.
 */
export class CharterReferences extends DefaultReferences {
    protected readonly langiumDocuments: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    override findDeclarations(source: CstNode): AstNode[] {
        const declared = super.findDeclarations(source);
        const [role] = declared;
        if (declared.length === 1 && ast.isRole(role) && source.text === role.$container.name) {
            const after = source.root.fullText.slice(source.end).trimStart();
            if (after.startsWith('.')) {
                return [role.$container];
            }
        }
        return declared;
    }

    override findReferences(target: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const found = super.findReferences(target, options).toArray();
        if (ast.isRole(target)) {
            return stream(found.map(reference => this.narrowed(reference, 'last')));
        }
        if (ast.isParty(target)) {
            const qualifiers = target.roles.flatMap(role =>
                super.findReferences(role, { ...options, includeDeclaration: false }).toArray().map(reference => this.narrowed(reference, 'first')));
            return stream([...found, ...qualifiers]);
        }
        return stream(found);
    }

    /** The reference with its segment cut down to the first or last part of a qualified name. */
    protected narrowed(reference: ReferenceDescription, part: 'first' | 'last'): ReferenceDescription {
        const textDocument = this.langiumDocuments.getDocument(reference.sourceUri)?.textDocument;
        if (!textDocument) {
            return reference;
        }
        const { offset, end } = reference.segment;
        const text = textDocument.getText().slice(offset, end);
        const dot = part === 'last' ? text.lastIndexOf('.') : text.indexOf('.');
        if (dot < 0) {
            return reference;
        }
        const [from, to] = part === 'last'
            ? [offset + dot + 1 + (text.slice(dot + 1).length - text.slice(dot + 1).trimStart().length), end]
            : [offset, offset + text.slice(0, dot).trimEnd().length];
        return {
            ...reference,
            segment: { offset: from, end: to, length: to - from, range: { start: textDocument.positionAt(from), end: textDocument.positionAt(to) } }
        };
    }
}
