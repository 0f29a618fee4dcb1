import { AstUtils, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';

/**
 * Langium's reference descriptions, also made synchronously: the index
 * manager (`charter-index-manager.ts`) describes a document's references only
 * when a search first needs them, inside a synchronous call.
 */
export class CharterReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Every resolved reference of the document, described for the workspace index. */
    describeReferences(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) {
                    descriptions.push(...this.createInfoDescriptions(info));
                }
            });
        }
        return descriptions;
    }
}
