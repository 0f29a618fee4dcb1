import type { LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { Range } from '../model/types.js';
import { healthMarkdown } from './health-text.js';

/** Hover on a charter's name: its health breakdown and top reasons. Elsewhere, Langium's default (doc comments). */
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
        return super.getHoverContent(document, params);
    }
}

function contains(range: Range, position: Range['start']): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
