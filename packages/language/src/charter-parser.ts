import { CstNodeBuilder, createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';

/**
 * Langium's CST builder is asked to attach hidden tokens (comments) before
 * every consumed token, even when there are none, and then searches the
 * parent's children with `indexOf` — linear in the number of elements of a
 * charter, so parsing a charter of 40,000 elements took tens of seconds.
 * With no hidden tokens there is nothing to attach.
 */
class CharterCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Parameters<CstNodeBuilder['addHiddenNodes']>[0]): void {
        if (tokens.length > 0) {
            super.addHiddenNodes(tokens);
        }
    }
}

/** Langium's parser, with the CST builder above. */
export function createCharterParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder is created inside the parser's constructor; it is not a service.
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CharterCstNodeBuilder();
    return parser;
}
