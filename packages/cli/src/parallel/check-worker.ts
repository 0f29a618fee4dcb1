import { CharterIndexManager, compareText, forEachReference, type RoleLoad } from '@entente/language';
import { URI } from 'vscode-uri';
import { createCliServices } from '../workspace.js';
import { shareSymbol, symbolDescription, type CheckedMessage, type IndexedMessage, type LinkMessage, type RoleLoadsMessage, type WorkerMessage, type WorkerSetup } from './protocol.js';

/** A worker thread's part of a check split across threads (see `check-in-parallel.ts`). */
export async function runCheckWorker(setup: WorkerSetup): Promise<void> {
    const { parentPort: port } = await import('node:worker_threads');
    if (!port) {
        throw new Error('entente: the check worker runs only in a worker thread');
    }
    const post = (message: WorkerMessage) => port.postMessage(message);
    try {
        const services = createCliServices(setup);
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder, IndexManager } = services.shared.workspace;
        const load = (file: { absolutePath: string; text: string }) => {
            const document = LangiumDocumentFactory.fromString(file.text, URI.file(file.absolutePath));
            LangiumDocuments.addDocument(document);
            return document;
        };
        const documents = setup.files.map(load);
        const indexed: IndexedMessage = { kind: 'indexed', documents: [] };
        for (const document of documents) {
            const symbols = await services.references.ScopeComputation.collectExportedSymbols(document);
            const referenceTexts = new Set<string>();
            forEachReference(document.parseResult.value, info => referenceTexts.add(info.reference.$refText));
            const journalsFor = ((document.parseResult.value as { elements?: Array<{ $type: string; charter?: { $refText: string } }> }).elements ?? [])
                .flatMap(element => (element.$type === 'Journal' && element.charter?.$refText ? [element.charter.$refText] : []));
            indexed.documents.push({ uri: document.uri.toString(), symbols: symbols.map(shareSymbol), referenceTexts: [...referenceTexts], journalsFor });
        }
        const reply = new Promise<LinkMessage>(resolve => port.once('message', resolve));
        post(indexed);
        const link = await reply;
        const loaded = link.load.map(load);
        if (!(IndexManager instanceof CharterIndexManager)) {
            throw new Error('the index manager cannot take symbols from other threads');
        }
        IndexManager.setWorkspaceOrder(link.order, new Map(link.external.map(([uri, symbols]) => [uri, symbols.map(symbol => symbolDescription(uri, symbol))])));
        await DocumentBuilder.build([...documents, ...loaded], { validation: false });
        // `overloaded-role` adds up each role's load over the whole workspace: each thread gives its share's and gets everyone's.
        const allLoads = new Promise<RoleLoadsMessage>(resolve => port.once('message', resolve));
        post({ kind: 'role-loads', loads: [...services.charter.RuleRunner.roleLoadsOf(documents).values()].flat() });
        services.charter.RuleRunner.setWorkspaceRoleLoads(groupByRole((await allLoads).loads));
        const checked: CheckedMessage = {
            kind: 'checked',
            results: setup.files.map((file, position) => ({
                index: file.index,
                findings: services.charter.RuleRunner.run(documents[position])
            }))
        };
        post(checked);
    } catch (error) {
        post({ kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
}

/** Loads by role, each list in the order a single thread gives them (by document, then charter). */
function groupByRole(loads: RoleLoad[]): Map<string, RoleLoad[]> {
    const byRole = new Map<string, RoleLoad[]>();
    for (const load of loads) {
        const list = byRole.get(load.role);
        if (list) {
            list.push(load);
        } else {
            byRole.set(load.role, [load]);
        }
    }
    for (const list of byRole.values()) {
        list.sort((a, b) => compareText(a.uri, b.uri) || compareText(a.charter, b.charter));
    }
    return byRole;
}
