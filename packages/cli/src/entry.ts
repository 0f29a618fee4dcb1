import { runProcess } from './main.js';
import { runCheckWorker } from './parallel/check-worker.js';
import { WORKER_FLAG, type WorkerSetup } from './parallel/protocol.js';

async function start(): Promise<void> {
    // Only a thread started with the flag loads node:worker_threads (3 ms) to find out whether it is one.
    if (process.argv.includes(WORKER_FLAG)) {
        const { isMainThread, workerData } = await import('node:worker_threads');
        if (!isMainThread) {
            if ((workerData as WorkerSetup | undefined)?.kind === 'entente-check-worker') {
                // A thread of a check split across threads (parallel/check-in-parallel.ts).
                await runCheckWorker(workerData as WorkerSetup);
            }
            return;
        }
    }
    await runProcess();
}

void start();
