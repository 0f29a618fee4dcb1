import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { CharterCoreModule, CharterSharedCoreModule, type CharterAddedServices } from './charter-core-module.js';
import { CharterGeneratedSharedModule, EntenteGeneratedModule } from './generated/module.js';
import { CharterCodeActionProvider } from './lsp/charter-code-action-provider.js';
import { CharterCodeLensProvider } from './lsp/charter-code-lens-provider.js';
import { CharterCommandHandler } from './lsp/charter-command-handler.js';
import { CharterCompletionProvider } from './lsp/charter-completion-provider.js';
import { followEditorSettings } from './config/charter-configuration-provider.js';
import { CharterDocumentUpdateHandler } from './lsp/charter-document-update-handler.js';
import { CharterFormatter } from './format/charter-formatter.js';
import { CharterDocumentSymbolProvider } from './lsp/charter-document-symbol-provider.js';
import { CharterHoverProvider } from './lsp/charter-hover-provider.js';
import { CharterNodeKindProvider } from './lsp/charter-node-kind-provider.js';
import { CharterWorkspaceSymbolProvider } from './lsp/charter-workspace-symbol-provider.js';
import { CharterInlayHintProvider } from './lsp/charter-inlay-hint-provider.js';
import { CharterRenameProvider } from './lsp/charter-rename-provider.js';
import { CharterSemanticTokenProvider } from './lsp/charter-semantic-token-provider.js';
import { reloadConfigurationOnChange } from './lsp/config-watcher.js';

export * from './charter-core-module.js';

/** All services of the charter language, the language server's included. */
export type CharterServices = LangiumServices & CharterAddedServices;

/** The language server's part of the charter language, on top of CharterCoreModule. */
export const CharterModule: Module<CharterServices, PartialLangiumServices> = {
    lsp: {
        CodeActionProvider: (services) => new CharterCodeActionProvider(services),
        CodeLensProvider: (services) => new CharterCodeLensProvider(services),
        CompletionProvider: (services) => new CharterCompletionProvider(services),
        DocumentSymbolProvider: (services) => new CharterDocumentSymbolProvider(services),
        Formatter: (services) => new CharterFormatter(services),
        HoverProvider: (services) => new CharterHoverProvider(services),
        InlayHintProvider: (services) => new CharterInlayHintProvider(services),
        RenameProvider: (services) => new CharterRenameProvider(services),
        SemanticTokenProvider: (services) => new CharterSemanticTokenProvider(services)
    }
};

/** The language server's part of the shared services. */
export const CharterSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    lsp: {
        DocumentUpdateHandler: (services) => new CharterDocumentUpdateHandler(services),
        ExecuteCommandHandler: (services) => new CharterCommandHandler(services),
        NodeKindProvider: () => new CharterNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new CharterWorkspaceSymbolProvider(services)
    }
};

/**
 * Creates the shared services and the charter language services with the
 * language server's. Called by the language server with a connection, and by
 * tests without one; the CLI uses createCharterCoreServices.
 */
export function createCharterServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Charter: CharterServices;
} {
    const shared = inject(createDefaultSharedModule(context), CharterGeneratedSharedModule, CharterSharedCoreModule, CharterSharedModule);
    const Charter = inject(createDefaultModule({ shared }), EntenteGeneratedModule, CharterCoreModule, CharterModule);
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
