import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protocol from 'vscode-languageserver-protocol';
import {
    CstNodeBuilder, createLangiumParser, DefaultAstNodeDescriptionProvider, DefaultConfigurationProvider, DefaultDocumentBuilder, DefaultDocumentValidator,
    DefaultIndexManager, DefaultLangiumDocuments, DefaultLinker, DefaultNameProvider, DefaultReferenceDescriptionProvider, DefaultScopeComputation, DefaultScopeProvider, DefaultTokenBuilder,
    DefaultValueConverter, DefaultWorkspaceManager, EmptyFileSystem, LangiumParser, MapScope, RegExpUtils, RootCstNodeImpl, type AstNodeDescription
} from 'langium';
import { DefaultReferences } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { createCharterServices } from '@entente/language';
import * as standIn from '../../packages/language/src/parser/document-builder-protocol.js';
import { previousTokenOf, ruleStackOf } from '../../packages/language/src/parser/parser-errors.js';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * Every internal of Langium the charter language relies on, named in one
 * place: a Langium upgrade that changes one fails here, with the file that
 * relies on it, rather than somewhere downstream (or, for an overridden
 * method that was renamed, not at all). docs/architecture.md lists them.
 */

/** Private fields and methods of Langium's parser that parser/charter-parser.ts sets or calls. */
const PARSER_INTERNALS: Record<string, 'function' | 'object'> = {
    nodeBuilder: 'object', lexer: 'object', wrapper: 'object', mainRule: 'function', allRules: 'object', unorderedGroups: 'object',
    doParse: 'function', extractHiddenTokens: 'function'
};

/** The steps of Langium's parser that parser/reader-runtime.ts does as it does (private methods of LangiumParser). */
const PARSER_STEPS = ['consume', 'subrule', 'action', 'construct', 'assign', 'assignWithoutOverride', 'getAssignment'];

/** Protected (or public) methods of Langium's default services that a charter service overrides or calls, by the file that does. */
const OVERRIDDEN: Array<[string, { prototype: object }, string[]]> = [
    ['workspace/charter-document-builder.ts', DefaultDocumentBuilder, ['shouldRelink', 'resultsAreIncomplete']],
    ['workspace/charter-index-manager.ts', DefaultIndexManager, ['updateReferences', 'removeReferences', 'isAffected', 'findAllReferences']],
    ['workspace/charter-workspace-manager.ts', DefaultWorkspaceManager, ['traverseFolder']],
    ['workspace/charter-langium-documents.ts', DefaultLangiumDocuments, ['addDocument', 'deleteDocument', 'deleteDocuments']],
    ['references/charter-name-provider.ts', DefaultNameProvider, ['getNameNode']],
    ['lsp/charter-document-update-handler.ts', DefaultDocumentUpdateHandler, ['fireDocumentUpdate']],
    ['references/charter-linker.ts', DefaultLinker, ['link', 'buildReference', 'unlink', 'doLink', 'loadAstNode', 'createLinkingError']],
    ['references/charter-node-descriptions.ts', DefaultAstNodeDescriptionProvider, ['createDescription']],
    ['references/charter-reference-descriptions.ts', DefaultReferenceDescriptionProvider, ['createInfoDescriptions']],
    ['references/charter-references.ts', DefaultReferences, ['findDeclarations', 'findReferences']],
    ['references/charter-scope-computation.ts', DefaultScopeComputation, ['addExportedSymbol', 'collectLocalSymbols']],
    ['references/charter-scope-provider.ts', DefaultScopeProvider, ['getScope']],
    ['validation/charter-validator.ts', DefaultDocumentValidator, ['validateDocument']],
    ['config/charter-configuration-provider.ts', DefaultConfigurationProvider, ['toSectionName']],
    ['parser/charter-token-builder.ts', DefaultTokenBuilder, ['findLongerAlt', 'buildTokens']],
    ['parser/charter-value-converter.ts', DefaultValueConverter, ['convert', 'runConverter']]
];

describe('the Langium internals Entente relies on (packages/language/src/parser/ and the overrides)', () => {
    const services = createCharterServices(EmptyFileSystem).Charter;

    it('Langium\'s parser has the private fields parser/charter-parser.ts replaces and calls', () => {
        const parser = createLangiumParser(services) as unknown as Record<string, unknown>;
        for (const [name, type] of Object.entries(PARSER_INTERNALS)) {
            assert.equal(typeof parser[name], type, `LangiumParser.${name} (parser/charter-parser.ts relies on it) is gone or changed`);
        }
        assert.ok(parser.nodeBuilder instanceof CstNodeBuilder, 'LangiumParser.nodeBuilder is a CstNodeBuilder');
        const wrapper = parser.wrapper as Record<string, unknown>;
        assert.ok('input' in wrapper && Array.isArray(wrapper.errors), 'the Chevrotain wrapper has input and errors');
        // parser/token-repairs.ts asks what may come where the parser stumbled, from the entry rule (named with Langium's suffix).
        const assist = (wrapper.computeContentAssist as (rule: string, tokens: unknown[]) => Array<{ nextTokenType: { name: string } }>).call(wrapper, 'Document\u200B', []);
        assert.deepEqual([...new Set(assist.map(path => path.nextTokenType.name))].sort(), ['charter', 'journal', 'party']);
    });

    it('Langium\'s CST builder keeps its open nodes in nodeStack (parser/charter-parser.ts pushes onto it)', () => {
        const builder = new CstNodeBuilder();
        builder.buildRootNode('');
        assert.ok(Array.isArray((builder as unknown as { nodeStack: unknown }).nodeStack), 'CstNodeBuilder.nodeStack is gone');
    });

    it('Langium\'s parser has the steps the generated reader does as it does (parser/reader-runtime.ts)', () => {
        for (const step of PARSER_STEPS) {
            assert.equal(typeof (LangiumParser.prototype as unknown as Record<string, unknown>)[step], 'function', `LangiumParser.${step} is gone: check parser/reader-runtime.ts against langium/src/parser/langium-parser.ts`);
        }
        assert.equal(typeof RootCstNodeImpl, 'function', 'RootCstNodeImpl (the generated reader\'s root node) is no longer exported');
        assert.equal(typeof RegExpUtils.partialRegExp, 'function', 'RegExpUtils.partialRegExp (parser/charter-token-builder.ts) is gone');
    });

    for (const [file, base, methods] of OVERRIDDEN) {
        it(`the methods ${file} overrides are still Langium's`, () => {
            for (const method of methods) {
                assert.equal(typeof (base.prototype as Record<string, unknown>)[method], 'function', `${method} is no longer a method of Langium's ${(base as unknown as { name: string }).name}: ${file} overrides a method nobody calls`);
            }
        });
    }

    it('Langium\'s MapScope answers from its elements field (references/charter-scope-provider.ts gives it a table shared between scopes)', () => {
        const description = { name: 'X', type: 'Body' } as AstNodeDescription;
        const outer = new MapScope([{ name: 'Y', type: 'Body' } as AstNodeDescription]);
        const scope = new MapScope([], outer) as unknown as { elements: Map<string, AstNodeDescription> } & MapScope;
        scope.elements = new Map([['X', description]]);
        assert.equal(scope.getElement('X'), description, 'MapScope.getElement no longer reads elements');
        assert.equal(scope.getElement('Y')?.name, 'Y');
        assert.deepEqual(scope.getAllElements().map(element => element.name).toArray(), ['X', 'Y'], 'MapScope.getAllElements no longer reads elements');
        assert.deepEqual(scope.getElements('X').map(element => element.name).toArray(), ['X'], 'MapScope.getElements no longer reads elements');
    });

    it('Langium\'s document store keeps its documents in documentTrie, which answers all() (workspace/charter-langium-documents.ts keeps that list)', () => {
        const documents = new DefaultLangiumDocuments(services.shared) as unknown as { documentTrie?: { all?: unknown } };
        assert.equal(typeof documents.documentTrie?.all, 'function', 'DefaultLangiumDocuments.documentTrie.all is gone');
    });

    it('Langium\'s language server still calls a document update handler\'s optional didCloseDocument (lsp/charter-document-update-handler.ts)', () => {
        const server = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/langium/lib/lsp/language-server.js'), 'utf8');
        assert.match(server, /didCloseDocument/);
    });

    it('a parser error says which grammar rules were reading and the token before it (parser/parser-errors.ts: the model builder\'s clauses cut short and blocks left open)', () => {
        // Langium's parser reads a text with an error (the fast parser gives up on it).
        const result = services.parser.LangiumParser.parse('party A\nparty B\ncharter C {\n    parties A, B\n    body Board {\n        members }\n}\n');
        const error = result.parserErrors[0];
        assert.ok(error, 'the text has a parser error');
        assert.deepEqual(ruleStackOf(error), ['Document', 'TopLevel', 'Charter', 'Body', 'MembersClause', 'QualifiedName', 'Name'],
            'Chevrotain\'s context.ruleStack holds the grammar\'s rule names (Langium\'s suffix taken off)');
        assert.equal(previousTokenOf(error)?.image, 'members', 'Chevrotain\'s previousToken is the token before the error');
    });

    it('the services are the charter\'s: each override is in place', () => {
        assert.equal(services.parser.LangiumParser.constructor.name, 'CharterParser');
        assert.equal(services.shared.workspace.DocumentBuilder.constructor.name, 'CharterDocumentBuilder');
        assert.equal(services.shared.workspace.IndexManager.constructor.name, 'CharterIndexManager');
        assert.equal(services.references.Linker.constructor.name, 'CharterLinker');
        assert.equal(services.references.ScopeProvider.constructor.name, 'CharterScopeProvider');
    });
});

describe('what the CLI bundle gives Langium\'s document builder for the LSP protocol (parser/document-builder-protocol.ts)', () => {
    it('is the protocol\'s error class and error codes', () => {
        assert.equal(standIn.ResponseError, protocol.ResponseError);
        for (const [name, code] of Object.entries(standIn.LSPErrorCodes)) {
            assert.equal(code, protocol.LSPErrorCodes[name as keyof typeof protocol.LSPErrorCodes], name);
        }
        const used = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/langium/lib/workspace/document-builder.js'), 'utf8').match(/LSPErrorCodes\.(\w+)/g) ?? [];
        assert.ok(used.length > 0);
        for (const use of used) {
            assert.ok(use.slice('LSPErrorCodes.'.length) in standIn.LSPErrorCodes, `${use} is given`);
        }
    });
});
