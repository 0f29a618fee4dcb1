import type { LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { contains, elementHoverAt } from './element-hover.js';
import { healthMarkdown } from './health-text.js';

/**
 * Hover on a charter's name: its health breakdown and top reasons. On a decision, a body, or a reference
 * to a party or role: what a reviewer needs to know about it (element-hover.ts). Elsewhere, Langium's
 * default (doc comments).
 */
export class CharterHoverProvider extends MultilineCommentHoverProvider {
    protected readonly charterServices: CharterServices;

    constructor(services: CharterServices) {
        super(services);
        this.charterServices = services;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const model = this.charterServices.charter.ModelBuilder.getModel(document);
        const index = model.charters.findIndex(charter => contains(charter.source.nameRange, params.position));
        if (index >= 0) {
            const health = this.charterServices.charter.HealthScorer.score(document)[index];
            return { contents: { kind: 'markdown', value: healthMarkdown(health) }, range: model.charters[index].source.nameRange };
        }
        for (const charter of model.charters) {
            if (contains(charter.source.range, params.position)) {
                const hover = elementHoverAt(charter, params.position);
                if (hover) {
                    return { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range };
                }
            }
        }
        return super.getHoverContent(document, params);
    }
}
