import type { Finding, RoleLoad } from '@entente/language';
import type { AstNodeDescription, DocumentSegment } from 'langium';
import { URI } from 'vscode-uri';

/**
 * The messages of a check split across worker threads (see
 * `check-in-parallel.ts`). Each worker parses its share of the files and says
 * what they declare and refer to; the main thread tells each worker which
 * other files it must load to resolve its references and what the rest of the
 * workspace declares; each worker then checks its share.
 */
/**
 * The argument a check's worker thread is started with: it tells the CLI's
 * entry to look at node:worker_threads, which a plain run does not load. Whether the code runs in a worker is still decided by
 * `isMainThread`, so the flag given on a command line changes nothing but the
 * usage error it gets.
 */
export const WORKER_FLAG = '--entente-check-worker-thread';

export interface WorkerSetup {
    kind: 'entente-check-worker';
    files: Array<{ index: number; absolutePath: string; text: string }>;
    today?: string;
    configPath?: string;
}

/** A declaration another thread can stand in for: an exported symbol without its syntax tree. */
export interface SharedSymbol {
    name: string;
    type: string;
    path: string;
    nameSegment?: DocumentSegment;
}

export interface IndexedMessage {
    kind: 'indexed';
    /** `journalsFor`: the charter names this document's journals are for (a thread that loads one journal of a charter loads them all: they are read as one history). */
    documents: Array<{ uri: string; symbols: SharedSymbol[]; referenceTexts: string[]; journalsFor?: string[] }>;
}

export interface LinkMessage {
    kind: 'link';
    /** Every document of the workspace, in the order a single thread indexes them. */
    order: string[];
    /** Files this worker must load to resolve its references (read by the main thread). */
    load: Array<{ absolutePath: string; text: string }>;
    /** The symbols of the documents this worker does not load. */
    external: Array<[uri: string, symbols: SharedSymbol[]]>;
}

/** A worker's share of the role loads (after linking), and the whole workspace's sent back, for `overloaded-role`. */
export interface RoleLoadsMessage {
    kind: 'role-loads';
    loads: RoleLoad[];
}

export interface CheckedMessage {
    kind: 'checked';
    results: Array<{ index: number; findings: Finding[] }>;
}

export interface FailedMessage {
    kind: 'failed';
    message: string;
}

export type WorkerMessage = IndexedMessage | RoleLoadsMessage | CheckedMessage | FailedMessage;

export function shareSymbol(description: AstNodeDescription): SharedSymbol {
    const segment = description.nameSegment;
    return {
        name: description.name,
        type: description.type,
        path: description.path,
        nameSegment: segment && { offset: segment.offset, length: segment.length, end: segment.end, range: segment.range }
    };
}

export function symbolDescription(uri: string, symbol: SharedSymbol): AstNodeDescription {
    return { ...symbol, documentUri: URI.parse(uri), selectionSegment: symbol.nameSegment };
}
