import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { CharterFile } from '../files.js';
import type { FileReport, WorkspaceOptions } from '../workspace.js';
import { WORKER_FLAG, type CheckedMessage, type IndexedMessage, type LinkMessage, type RoleLoadsMessage, type SharedSymbol, type WorkerMessage, type WorkerSetup } from './protocol.js';

/**
 * A large workspace is checked on several threads. Each worker parses a
 * contiguous share of the files and reports what they declare and which names
 * they refer to; each then loads, besides its share, every file declaring a
 * name its documents refer to (transitively), stands in the rest of the
 * workspace's declarations for workspace-wide rules, and checks its share. The
 * findings are those of a check on one thread: the tests compare the two.
 */

/** Below this much charter text, starting workers costs more than it saves. */
const MIN_PARALLEL_BYTES = 1_000_000;
const MAX_AUTO_JOBS = 4;
/** More threads than this only multiply memory (each holds its own services and the files it loads). */
const MAX_JOBS = 32;

let workerScript: string | undefined;

/** Lets checks use worker threads running this script (the CLI's entry; only the real process sets it). */
export function allowWorkerThreads(script: string): void {
    workerScript = script;
}

/** How many threads a check of these files uses: `jobs` if given, else one per core for a large workspace. */
export function threadsFor(files: readonly CharterFile[], jobs: number | undefined): number {
    if (workerScript === undefined || files.length < 2) {
        return 1;
    }
    if (jobs !== undefined) {
        return Math.max(1, Math.min(jobs, files.length, MAX_JOBS));
    }
    // A check on one thread already keeps about one and a half cores busy (V8 collects garbage and compiles
    // on helper threads), so threads pay only with cores to spare: on 2 cores two threads were slower than one.
    const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
    const threads = Math.min(Math.floor(os.availableParallelism() / 2), MAX_AUTO_JOBS, files.length);
    return bytes < MIN_PARALLEL_BYTES || threads < 2 ? 1 : threads;
}

/** Checks the files on `threads` worker threads; the reports come in the order of `files`. */
export async function checkInParallel(files: readonly CharterFile[], options: WorkspaceOptions, threads: number): Promise<FileReport[]> {
    if (workerScript === undefined) {
        throw new Error('worker threads are not enabled in this process');
    }
    // Loaded here: node:worker_threads takes 3 ms to load, which a check on one thread never needs.
    const { Worker } = await import('node:worker_threads');
    const uris = files.map(file => URI.file(file.absolutePath).toString());
    const shares = split(files, threads);
    const workers = shares.map(share => new Worker(workerScript!, {
        argv: [WORKER_FLAG],
        workerData: {
            kind: 'entente-check-worker',
            files: share.map(index => ({ index, absolutePath: files[index].absolutePath, text: files[index].text })),
            today: options.today,
            configPath: options.configPath
        } satisfies WorkerSetup
    }));
    try {
        const indexed = await Promise.all(workers.map(worker => nextMessage<IndexedMessage>(worker, 'indexed')));
        const symbolsOf = new Map<string, SharedSymbol[]>();
        const referencesOf = new Map<string, string[]>();
        const declaredIn = new Map<string, Set<string>>();
        for (const document of indexed.flatMap(message => message.documents)) {
            symbolsOf.set(document.uri, document.symbols);
            referencesOf.set(document.uri, document.referenceTexts);
            for (const symbol of document.symbols) {
                declaredIn.set(symbol.name, (declaredIn.get(symbol.name) ?? new Set()).add(document.uri));
            }
            // A journal goes with its charter's name: whoever loads the charter for a journal loads all its journals.
            for (const charter of document.journalsFor ?? []) {
                declaredIn.set(charter, (declaredIn.get(charter) ?? new Set()).add(document.uri));
            }
        }
        const roleLoads = workers.map((worker, position) => {
            const own = new Set(shares[position].map(index => uris[index]));
            const needed = new Set<string>();
            const pending = [...own];
            const load = (name: string) => {
                for (const uri of declaredIn.get(name) ?? []) {
                    if (!own.has(uri) && !needed.has(uri)) {
                        needed.add(uri);
                        pending.push(uri);
                    }
                }
            };
            // A thread checking a charter loads its journals too: a journal can settle a finding about it (a delivered commitment is not overdue).
            for (const uri of own) {
                for (const symbol of symbolsOf.get(uri) ?? []) {
                    if (symbol.type === 'Charter') load(symbol.name);
                }
            }
            while (pending.length > 0) {
                for (const name of referencesOf.get(pending.pop()!) ?? []) {
                    load(name);
                }
            }
            const reply = nextMessage<RoleLoadsMessage>(worker, 'role-loads');
            worker.postMessage({
                kind: 'link',
                order: uris,
                load: uris.flatMap((uri, index) => (needed.has(uri) ? [{ absolutePath: files[index].absolutePath, text: files[index].text }] : [])),
                external: uris.filter(uri => !own.has(uri) && !needed.has(uri)).map(uri => [uri, symbolsOf.get(uri) ?? []])
            } satisfies LinkMessage);
            return reply;
        });
        // Every thread's share of the role loads goes to every thread, which then checks its files.
        const loads = (await Promise.all(roleLoads)).flatMap(message => message.loads);
        const checked = workers.map(worker => {
            const reply = nextMessage<CheckedMessage>(worker, 'checked');
            worker.postMessage({ kind: 'role-loads', loads } satisfies RoleLoadsMessage);
            return reply;
        });
        const reports: FileReport[] = new Array(files.length);
        for (const message of await Promise.all(checked)) {
            for (const result of message.results) {
                reports[result.index] = { file: files[result.index], findings: result.findings };
            }
        }
        return reports;
    } finally {
        await Promise.all(workers.map(worker => worker.terminate()));
    }
}

/** Contiguous shares of about equal text length (the indices of the files). */
function split(files: readonly CharterFile[], parts: number): number[][] {
    const total = files.reduce((sum, file) => sum + file.text.length + 1, 0);
    const shares: number[][] = Array.from({ length: parts }, () => []);
    let before = 0;
    files.forEach((file, index) => {
        const middle = before + (file.text.length + 1) / 2;
        shares[Math.min(parts - 1, Math.floor((middle / total) * parts))].push(index);
        before += file.text.length + 1;
    });
    return shares.filter(share => share.length > 0);
}

/** The worker's next message, which must be of the given kind. */
function nextMessage<T extends WorkerMessage>(worker: Worker, kind: T['kind']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const onMessage = (message: WorkerMessage) => {
            cleanUp();
            if (message.kind === kind) {
                resolve(message as T);
            } else {
                reject(new Error(message.kind === 'failed' ? message.message : `unexpected ${message.kind} from a check worker`));
            }
        };
        const onError = (error: Error) => {
            cleanUp();
            reject(error);
        };
        const onExit = (code: number) => {
            cleanUp();
            reject(new Error(`a check worker stopped (exit code ${code})`));
        };
        const cleanUp = () => {
            worker.off('message', onMessage);
            worker.off('error', onError);
            worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
    });
}
