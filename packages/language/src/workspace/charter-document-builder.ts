import { DefaultDocumentBuilder, type BuildOptions, type LangiumDocument } from 'langium';
import { CharterIndexManager } from './charter-index-manager.js';
import type { CharterCoreServices } from '../charter-core-module.js';

/**
 * Langium's document builder, with the per-document questions it asks of
 * every document of the workspace after each change answered in constant
 * time. In a workspace of 1,000 charters, scanning every reference of every
 * document for linking errors, and rebuilding every document's set of
 * validation categories, cost more than re-checking the edited file.
 */
export class CharterDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager instanceof CharterIndexManager) {
            return this.indexManager.hasLinkingErrors(document) || this.indexManager.isAffected(document, changedUris)
                || this.clashesWithChanged(document, changedUris) || this.declaresRoles(document);
        }
        return super.shouldRelink(document, changedUris);
    }

    /**
     * A document whose names clashed with a changed or deleted one is checked
     * again: the clash may be gone, though the two never refer to each other.
     */
    protected clashesWithChanged(document: LangiumDocument, changedUris: Set<string>): boolean {
        // With one language registered (always, here), its services without working out each document's file extension.
        const languages = this.serviceRegistry.all;
        const services = (languages.length === 1 ? languages[0] : this.serviceRegistry.getServices(document.uri)) as Partial<CharterCoreServices>;
        return services.charter?.RuleRunner.latestFindingsOf(document)
            ?.some(finding => finding.ruleId === 'duplicate-name' && finding.related?.some(related => changedUris.has(related.uri))) ?? false;
    }

    /**
     * A document declaring roles is checked again after any change: a role's
     * load (`overloaded-role`) is added up over every charter that names it,
     * though those charters refer to the role and not the other way round.
     * Party files are few and short, so this costs little.
     */
    protected declaresRoles(document: LangiumDocument): boolean {
        const root = document.parseResult.value as { elements?: Array<{ $type: string; roles?: unknown[] }> };
        return root.elements?.some(element => element.$type === 'Party' && (element.roles?.length ?? 0) > 0) ?? false;
    }

    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        // A completed build that recorded no partial set of checks ran them all: nothing can be missing.
        if (state?.completed && state.result?.validationChecks === undefined) {
            return false;
        }
        return super.resultsAreIncomplete(document, options);
    }
}
