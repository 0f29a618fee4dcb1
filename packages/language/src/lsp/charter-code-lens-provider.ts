import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { CharterHealthScorer } from '../health/health-scorer.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import { healthSummary } from './health-text.js';

/** The command a health code lens runs: the client shows the explanation (`entente.showHealth`, args `[uri, charterName]`). */
export const SHOW_HEALTH_COMMAND = 'entente.showHealth';

/** A code lens on each charter's name with its health score and dimensions. */
export class CharterCodeLensProvider implements CodeLensProvider {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly healthScorer: CharterHealthScorer;

    constructor(services: CharterServices) {
        this.modelBuilder = services.charter.ModelBuilder;
        this.healthScorer = services.charter.HealthScorer;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const model = this.modelBuilder.getModel(document);
        const health = this.healthScorer.score(document);
        return model.charters.map((charter, index) => ({
            range: charter.source.nameRange,
            command: { title: healthSummary(health[index]), command: SHOW_HEALTH_COMMAND, arguments: [document.uri.toString(), charter.name] }
        }));
    }
}
