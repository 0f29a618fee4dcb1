import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

/**
 * Langium's document store, answering `all` from a list kept until a document
 * is added or removed. Langium's walks its tree of URIs and makes an array per
 * folder level on every call, and a build asks several times per change (which
 * documents to re-link, which to rebuild, the workspace's role loads): in a
 * workspace of 1,000 charters, milliseconds of every edit. The list is the
 * tree's own answer, in its order.
 */
export class CharterLangiumDocuments extends DefaultLangiumDocuments {
    protected allDocuments: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        this.allDocuments ??= this.documentTrie.all();
        return stream(this.allDocuments);
    }

    override addDocument(document: LangiumDocument): void {
        this.allDocuments = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.allDocuments = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.allDocuments = undefined;
        return super.deleteDocuments(folder);
    }
}
