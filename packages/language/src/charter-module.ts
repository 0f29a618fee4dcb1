import { inject, type DeepPartial, type LangiumParser, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { CharterDocumentBuilder } from './charter-document-builder.js';
import { CharterIndexManager } from './charter-index-manager.js';
import { CharterAstNodeDescriptionProvider } from './charter-node-descriptions.js';
import { CharterLinker } from './charter-linker.js';
import { CharterLexer } from './charter-lexer.js';
import { CharterParser } from './charter-parser.js';
import { CharterValueConverter } from './charter-value-converter.js';
import { CharterReferenceDescriptionProvider } from './charter-reference-descriptions.js';
import { CharterScopeComputation } from './charter-scope-computation.js';
import { CharterScopeProvider } from './charter-scope-provider.js';
import { CharterSettings } from './charter-settings.js';
import { CharterDocumentValidator } from './charter-validator.js';
import { CharterWorkspaceManager } from './charter-workspace-manager.js';
import type { ConfigProvider } from './config/charter-config.js';
import { NodeConfigProvider } from './config/node-config-provider.js';
import { CharterGeneratedSharedModule, EntenteGeneratedModule } from './generated/module.js';
import { CharterCodeActionProvider } from './lsp/charter-code-action-provider.js';
import { CharterCodeLensProvider } from './lsp/charter-code-lens-provider.js';
import { CharterCommandHandler } from './lsp/charter-command-handler.js';
import { CharterFormatter } from './lsp/charter-formatter.js';
import { CharterHoverProvider } from './lsp/charter-hover-provider.js';
import { CharterInlayHintProvider } from './lsp/charter-inlay-hint-provider.js';
import { CharterReferences } from './lsp/charter-references.js';
import { CharterConfigurationProvider, followEditorSettings } from './lsp/charter-configuration-provider.js';
import { CharterDocumentUpdateHandler } from './lsp/charter-document-update-handler.js';
import { reloadConfigurationOnChange } from './lsp/config-watcher.js';
import { CharterHealthScorer } from './health/health-scorer.js';
import { CharterModelBuilder } from './model/model-builder.js';
import { CharterRuleRunner } from './rules/rule-runner.js';

/** Services added to Langium's defaults: the partnership model and what reads it. */
export type CharterAddedServices = {
    charter: {
        Settings: CharterSettings;
        ConfigProvider: ConfigProvider;
        ModelBuilder: CharterModelBuilder;
        RuleRunner: CharterRuleRunner;
        HealthScorer: CharterHealthScorer;
    };
};

/** All services of the charter language. */
export type CharterServices = LangiumServices & CharterAddedServices;

/** Dependency-injection module of the charter language: overrides Langium's defaults and adds the domain services. */
export const CharterModule: Module<CharterServices, PartialLangiumServices & CharterAddedServices> = {
    charter: {
        Settings: () => new CharterSettings(),
        ConfigProvider: () => new NodeConfigProvider(),
        ModelBuilder: (services) => new CharterModelBuilder(services),
        RuleRunner: (services) => new CharterRuleRunner(services),
        HealthScorer: (services) => new CharterHealthScorer(services)
    },
    lsp: {
        CodeActionProvider: (services) => new CharterCodeActionProvider(services),
        CodeLensProvider: (services) => new CharterCodeLensProvider(services),
        Formatter: (services) => new CharterFormatter(services),
        HoverProvider: (services) => new CharterHoverProvider(services),
        InlayHintProvider: (services) => new CharterInlayHintProvider(services)
    },
    parser: {
        // Langium's parser service type is its class; the charter parser has the part of it Langium calls (`parse`).
        LangiumParser: (services) => new CharterParser(services) as unknown as LangiumParser,
        Lexer: (services) => new CharterLexer(services),
        ValueConverter: () => new CharterValueConverter()
    },
    references: {
        Linker: (services) => new CharterLinker(services),
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

/** Shared services of the charter language server: settings come from the `entente` section. */
export const CharterSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        ConfigurationProvider: (services) => new CharterConfigurationProvider(services),
        IndexManager: (services) => new CharterIndexManager(services),
        DocumentBuilder: (services) => new CharterDocumentBuilder(services),
        WorkspaceManager: (services) => new CharterWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: (services) => new CharterDocumentUpdateHandler(services),
        ExecuteCommandHandler: (services) => new CharterCommandHandler(services)
    }
};

/**
 * Creates the shared services and the charter language services. Called by the
 * language server with a connection, and by the CLI and tests without one.
 */
export function createCharterServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Charter: CharterServices;
} {
    const shared = inject(createDefaultSharedModule(context), CharterGeneratedSharedModule, CharterSharedModule);
    const Charter = inject(createDefaultModule({ shared }), EntenteGeneratedModule, CharterModule);
    shared.ServiceRegistry.register(Charter);
    if (context.connection) {
        followEditorSettings(Charter);
        reloadConfigurationOnChange(Charter);
    } else {
        // No language server: the configuration provider is not initialised by a client.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Charter };
}
