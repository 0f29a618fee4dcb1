import type { CharterServices } from '../charter-module.js';
import { CONFIG_FILE_NAME } from '../config/config-file.js';
import { NodeConfigProvider } from '../config/node-config-provider.js';
import { recheckAllDocuments } from '../workspace/recheck-all.js';

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
        void recheckAllDocuments(services.shared);
    });
}
