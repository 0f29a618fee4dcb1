import { JournalIndex } from './journal/journal-index.js';
import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DeepPartial, type DefaultSharedCoreModuleContext,
    type LangiumCoreServices, type LangiumParser, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { CharterDocumentBuilder } from './workspace/charter-document-builder.js';
import { CharterIndexManager } from './workspace/charter-index-manager.js';
import { CharterNameProvider } from './references/charter-name-provider.js';
import { CharterLangiumDocuments } from './workspace/charter-langium-documents.js';
import { CharterLexerErrorMessageProvider } from './parser/charter-lexer-messages.js';
import { CharterLexer } from './parser/charter-lexer.js';
import { CharterParserErrorMessageProvider } from './parser/charter-parser-messages.js';
import { CharterLinker } from './references/charter-linker.js';
import { CharterAstNodeDescriptionProvider } from './references/charter-node-descriptions.js';
import { CharterParser } from './parser/charter-parser.js';
import { CharterReferenceDescriptionProvider } from './references/charter-reference-descriptions.js';
import { CharterScopeComputation } from './references/charter-scope-computation.js';
import { CharterScopeProvider } from './references/charter-scope-provider.js';
import { CharterSettings } from './config/charter-settings.js';
import { CharterTokenBuilder } from './parser/charter-token-builder.js';
import { CharterDocumentValidator } from './validation/charter-validator.js';
import { CharterValueConverter } from './parser/charter-value-converter.js';
import { CharterWorkspaceManager } from './workspace/charter-workspace-manager.js';
import type { ConfigProvider } from './config/charter-config.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import { CharterGeneratedSharedModule, EntenteGeneratedModule } from './generated/module.js';
import { CharterHealthScorer } from './health/health-scorer.js';
import { CharterConfigurationProvider } from './config/charter-configuration-provider.js';
import { CharterReferences } from './references/charter-references.js';
import { CharterModelBuilder } from './model/model-builder.js';
import { CharterRuleRunner } from './rules/rule-runner.js';

/**
 * The charter language without the language server: parsing, linking, the
 * partnership model, the rules and the score. The CLI runs on these alone, so
 * it does not load the LSP libraries (about 8 ms of every `entente check`);
 * charter-module.ts adds the server's services on top.
 */

/** Services added to Langium's defaults: the partnership model and what reads it. */
export type CharterAddedServices = {
    charter: {
        Settings: CharterSettings;
        ConfigProvider: ConfigProvider;
        ModelBuilder: CharterModelBuilder;
        RuleRunner: CharterRuleRunner;
        HealthScorer: CharterHealthScorer;
        JournalIndex: JournalIndex;
    };
};

/** The charter language's services without the language server's. */
export type CharterCoreServices = LangiumCoreServices & CharterAddedServices;

/** Dependency-injection module of the charter language: overrides Langium's core defaults and adds the domain services. */
export const CharterCoreModule: Module<CharterCoreServices, PartialLangiumCoreServices & CharterAddedServices> = {
    charter: {
        Settings: () => new CharterSettings(),
        ConfigProvider: () => new NodeConfigProvider(),
        ModelBuilder: (services) => new CharterModelBuilder(services),
        RuleRunner: (services) => new CharterRuleRunner(services),
        HealthScorer: (services) => new CharterHealthScorer(services),
        JournalIndex: (services) => new JournalIndex(services)
    },
    parser: {
        // Langium's parser service type is its class; the charter parser has the part of it Langium calls (`parse`).
        LangiumParser: (services) => new CharterParser(services) as unknown as LangiumParser,
        Lexer: (services) => new CharterLexer(services),
        LexerErrorMessageProvider: () => new CharterLexerErrorMessageProvider(),
        ParserErrorMessageProvider: () => new CharterParserErrorMessageProvider(),
        TokenBuilder: () => new CharterTokenBuilder(),
        ValueConverter: () => new CharterValueConverter()
    },
    references: {
        Linker: (services) => new CharterLinker(services),
        NameProvider: () => new CharterNameProvider(),
        ScopeComputation: (services) => new CharterScopeComputation(services),
        ScopeProvider: (services) => new CharterScopeProvider(services),
        References: (services) => new CharterReferences(services)
    },
    validation: {
        DocumentValidator: (services) => new CharterDocumentValidator(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new CharterAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new CharterReferenceDescriptionProvider(services)
    }
};

/** Shared services of the charter language: settings come from the `entente` section. */
export const CharterSharedCoreModule: Module<LangiumSharedCoreServices, DeepPartial<LangiumSharedCoreServices>> = {
    workspace: {
        ConfigurationProvider: (services) => new CharterConfigurationProvider(services),
        IndexManager: (services) => new CharterIndexManager(services),
        DocumentBuilder: (services) => new CharterDocumentBuilder(services),
        LangiumDocuments: (services) => new CharterLangiumDocuments(services),
        WorkspaceManager: (services) => new CharterWorkspaceManager(services)
    }
};

/** Creates the shared services and the charter language services without a language server, as the CLI uses them. */
export function createCharterCoreServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Charter: CharterCoreServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), CharterGeneratedSharedModule, CharterSharedCoreModule);
    const Charter = inject(createDefaultCoreModule({ shared }), EntenteGeneratedModule, CharterCoreModule);
    shared.ServiceRegistry.register(Charter);
    // No language server: the configuration provider is not initialised by a client.
    shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Charter };
}
