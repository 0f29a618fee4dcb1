import { URI } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import type { CharterServices } from '../charter-module.js';
import { SHOW_HEALTH_COMMAND } from './charter-code-lens-provider.js';
import { healthMarkdown } from './health-text.js';

/**
 * Commands the server runs for clients: `entente.showHealth [uri, charter]`
 * answers with the health explanation as markdown, so editors other than
 * VS Code can show what the code lens summarises.
 */
export class CharterCommandHandler extends AbstractExecuteCommandHandler {
    constructor(protected readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(SHOW_HEALTH_COMMAND, args => {
            const [uri, charterName] = args as [unknown, unknown];
            if (typeof uri !== 'string') {
                return undefined;
            }
            const documents = this.shared.workspace.LangiumDocuments;
            const parsed = URI.parse(uri);
            if (!documents.hasDocument(parsed)) {
                return undefined;
            }
            const services = this.shared.ServiceRegistry.getServices(parsed) as CharterServices;
            const health = services.charter.HealthScorer.score(documents.getDocument(parsed)!);
            const chosen = health.filter(h => charterName === undefined || h.charter === charterName);
            return chosen.map(h => healthMarkdown(h, Infinity)).join('\n\n---\n\n');
        });
    }
}
