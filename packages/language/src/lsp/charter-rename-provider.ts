import { AstUtils, CstUtils, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type CancellationToken, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import { ISSUE_SCOPE } from '../model/types.js';
import { aNoun } from '../wording.js';

/** What the grammar's ID terminal accepts as a name. */
const IDENTIFIER = /^[_a-zA-Z][\w]*$/;

/**
 * Langium's rename, refusing a new name that would break the charter: one
 * that is not an identifier (spaces, a leading digit, the empty string), a
 * keyword, a name already declared in the element's scope, or (for a body or
 * a party) the name of a party or a body, which clauses could no longer tell
 * apart. The editor
 * shows the error's message; nothing is edited.
 */
export class CharterRenameProvider extends DefaultRenameProvider {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly documents: LangiumDocuments;
    protected readonly keywords: Set<string>;

    constructor(services: CharterServices) {
        super(services);
        this.modelBuilder = services.charter.ModelBuilder;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.keywords = new Set(Object.values(services.parser.Lexer.definition)
            .map(type => type.PATTERN)
            .filter((pattern): pattern is string => typeof pattern === 'string' && /^\w+$/.test(pattern)));
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const problem = this.problemWith(document, params);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    /** Why the new name cannot be used, or undefined when it can. */
    protected problemWith(document: LangiumDocument, params: RenameParams): string | undefined {
        const newName = params.newName;
        if (newName.trim() === '') {
            return 'A name cannot be empty.';
        }
        if (!IDENTIFIER.test(newName)) {
            return `'${newName}' is not a name: a name starts with a letter or _ and holds only letters, digits and _.`;
        }
        if (this.keywords.has(newName)) {
            return `'${newName}' is a keyword of the charter language and cannot be a name.`;
        }
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const declaration = leaf && this.references.findDeclarations(leaf)[0];
        const nameNode = declaration && this.nameProvider.getNameNode(declaration);
        if (!declaration || !nameNode) {
            return undefined; // nothing to rename here: Langium's rename answers with no edit
        }
        const declaringUri = AstUtils.getDocument(declaration).uri.toString();
        const declaringDocument = this.documents.getDocument(AstUtils.getDocument(declaration).uri);
        const start = nameNode.range.start;
        const own = declaringDocument && this.modelBuilder.getModel(declaringDocument).names.find(named =>
            named.source.uri === declaringUri && named.source.nameRange.start.line === start.line && named.source.nameRange.start.character === start.character);
        if (!own || own.name === newName) {
            return undefined;
        }
        // Top-level names, and issues (unique in all the charter's journals, whatever their file), are looked for everywhere.
        const issue = own.scope.startsWith(ISSUE_SCOPE);
        const candidates = own.scope === 'workspace' || issue ? this.documents.all.toArray() : [declaringDocument];
        for (const candidate of candidates) {
            const clash = this.modelBuilder.getModel(candidate).names.find(named => named.scope === own.scope && named.name === newName);
            if (clash) {
                return issue
                    ? `An issue named '${newName}' is already raised in a journal of charter ${own.scope.slice(ISSUE_SCOPE.length)}.`
                    : `${aNoun(clash.kind)} named '${newName}' is already declared ${own.scope === 'workspace' ? 'in the workspace' : `in ${own.scope.replace(':', ' ')}`}.`;
            }
        }
        return this.principalClash(own.kind, newName);
    }

    /**
     * A body and a party are both principals, named alike in clauses (`decided by Acme`), and in a charter
     * its body hides a party of the same name: a body renamed after a party, or a party after a body,
     * would change what the charter's clauses mean without a word.
     */
    protected principalClash(kind: string, newName: string): string | undefined {
        const other = kind === 'body' ? 'party' : kind === 'party' ? 'body' : undefined;
        if (!other) {
            return undefined;
        }
        for (const candidate of this.documents.all) {
            const clash = this.modelBuilder.getModel(candidate).names.find(named => named.kind === other && named.name === newName);
            if (clash) {
                return other === 'party'
                    ? `A party named '${newName}' is already declared in the workspace: a body of that name would take its place wherever the charter names '${newName}'.`
                    : `A body named '${newName}' is already declared in ${clash.scope.replace(':', ' ')}: a party of that name would be hidden by it wherever that charter names '${newName}'.`;
            }
        }
        return undefined;
    }
}
