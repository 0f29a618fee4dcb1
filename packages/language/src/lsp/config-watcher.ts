import { DocumentState } from 'langium';
import type { CharterServices } from '../charter-module.js';
import { CONFIG_FILE_NAME } from '../config/config-file.js';
import { NodeConfigProvider } from '../config/node-config-provider.js';

/**
 * Re-checks every charter when an `entente.json` is created, changed or
 * deleted in the workspace (the server watches every file; see Langium's
 * DocumentUpdateHandler), so a new rule level shows at once.
 */
export function reloadConfigurationOnChange(services: CharterServices): void {
    services.shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (!params.changes.some(change => change.uri.endsWith(`/${CONFIG_FILE_NAME}`))) {
            return;
        }
        const provider = services.charter.ConfigProvider;
        if (provider instanceof NodeConfigProvider) {
            provider.clear();
        }
        const documents = services.shared.workspace.LangiumDocuments.all.toArray();
        for (const document of documents) {
            services.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
        }
        void services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    });
}
