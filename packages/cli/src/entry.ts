import { isMainThread, workerData } from 'node:worker_threads';
import { runProcess } from './main.js';
import { runCheckWorker } from './parallel/check-worker.js';
import type { WorkerSetup } from './parallel/protocol.js';

if (isMainThread) {
    void runProcess();
} else if ((workerData as WorkerSetup | undefined)?.kind === 'entente-check-worker') {
    // A thread of a check split across threads (parallel/check-in-parallel.ts).
    void runCheckWorker(workerData as WorkerSetup);
}
