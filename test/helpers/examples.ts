import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './cli.js';

/** Every example charter's text, by its path from the repository's root. */
export function exampleCharters(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.charter')) files[path.relative(REPO_ROOT, full)] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(path.join(REPO_ROOT, 'examples'));
    return files;
}

/**
 * The example charters that make one workspace, as `entente check examples`
 * reads them: without examples/changes, whose before/after pairs declare the
 * same charters twice (see examples/.ententeignore).
 */
export function exampleWorkspace(): Record<string, string> {
    const changes = `examples${path.sep}changes${path.sep}`;
    return Object.fromEntries(Object.entries(exampleCharters()).filter(([file]) => !file.startsWith(changes)));
}
