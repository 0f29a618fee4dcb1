import type * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CliError } from '../cli-error.js';
import { CHARTER_EXTENSION, charterFileOf, displayPathOf, findCharterFiles, readCharterFile, type CharterFile } from '../files.js';

/** Both sides of `entente diff --git BASE [paths...]`: the charter files at BASE and in the working tree. */
export interface GitSides {
    oldFiles: CharterFile[];
    newFiles: CharterFile[];
    /** The repository's top folder in the working tree. */
    root: string;
}

/** Node's child_process, loaded by the first git run: loading it takes 4 ms, which every other command would pay. */
function childProcessModule(): typeof childProcess {
    return createRequire(import.meta.url)('node:child_process') as typeof childProcess;
}

/** Runs git without a shell and gives its output as text; a failure is reported as the one-line `failure`. */
function git(args: string[], cwd: string, failure: string): string {
    return gitBytes(args, cwd, failure).toString('utf8');
}

/** Runs git without a shell and gives its output as bytes (a file's content, which may not be UTF-8). */
function gitBytes(args: string[], cwd: string, failure: string): Buffer {
    try {
        return childProcessModule().execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new CliError('git is not installed (or not on PATH)');
        }
        throw new CliError(failure);
    }
}

/**
 * Reads the `.charter` files under the paths from git at `base` (the old
 * side) and from the working tree (the new side). A path may exist on one
 * side only (a folder added or deleted since `base`), not on neither.
 */
export function readGitSides(base: string, paths: string[], cwd = process.cwd()): GitSides {
    if (base.startsWith('-')) {
        throw new CliError(`--git takes a commit, not '${base}' (see --help)`);
    }
    const root = git(['rev-parse', '--show-toplevel'], cwd, `${cwd}: not inside a git repository`).trim();
    const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`], root, `${base}: no such commit, branch or tag in this repository`).trim();
    const given = paths.length ? paths : ['.'];
    const realRoot = fs.realpathSync(root);
    const newFiles: CharterFile[] = [];
    const oldFiles: CharterFile[] = [];
    const seenNew = new Set<string>();
    const seenOld = new Set<string>();
    for (const entry of given) {
        const absolute = path.resolve(cwd, entry);
        const inRepo = path.relative(realRoot, fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute);
        if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) {
            throw new CliError(`${entry}: outside the git repository at ${root}`);
        }
        const onDisk = fs.existsSync(absolute) ? findCharterFiles([absolute]) : [];
        const pathspec = inRepo === '' ? '.' : inRepo.split(path.sep).join('/');
        const tracked = git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', pathspec], root, `cannot list ${entry} at ${base}`)
            .split('\0').filter(Boolean);
        const listed = tracked.length === 1 && tracked[0] === pathspec
            ? tracked.filter(name => name.endsWith(CHARTER_EXTENSION))
            : searchedAtBase(tracked, pathspec === '.' ? '' : pathspec, name => git(['show', `${commit}:${name}`], root, `cannot read ${name} at ${base}`));
        if (!fs.existsSync(absolute) && listed.length === 0) {
            throw new CliError(`${entry}: no such file or folder (neither in the working tree nor at ${base})`);
        }
        for (const file of onDisk) {
            if (!seenNew.has(file)) {
                seenNew.add(file);
                newFiles.push(readCharterFile(file, cwd));
            }
        }
        for (const name of listed) {
            if (seenOld.has(name)) {
                continue;
            }
            seenOld.add(name);
            const absolutePath = path.join(realRoot, ...name.split('/'));
            const bytes = gitBytes(['show', `${commit}:${name}`], root, `cannot read ${name} at ${base}`);
            if (bytes.subarray(0, 8192).includes(0)) {
                throw new CliError(`${name} at ${base}: is a binary file, not a charter`);
            }
            // Read as the working tree's files are: a byte order mark dropped, bytes that are not UTF-8 located (a `syntax` finding on both sides alike).
            oldFiles.push(charterFileOf(absolutePath, displayPathOf(absolutePath, cwd), bytes));
        }
    }
    if (newFiles.length === 0 && oldFiles.length === 0) {
        throw new CliError(`no ${CHARTER_EXTENSION} files found in ${given.join(', ')} (neither in the working tree nor at ${base})`);
    }
    return { oldFiles, newFiles, root };
}

const IGNORE_FILES = new Set(['.gitignore', '.ententeignore']);
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * The charter files a folder search at BASE would have found, as `check`
 * searches a folder on disk: under `folder`, skipping what the `.gitignore`
 * and `.ententeignore` files committed at BASE (in `folder` or below) list.
 */
function searchedAtBase(tracked: string[], folder: string, read: (name: string) => string): string[] {
    const scopes: Array<{ base: string; rules: Ignore }> = tracked
        .filter(name => IGNORE_FILES.has(path.posix.basename(name)))
        .map(name => ({ base: path.posix.dirname(name) === '.' ? '' : path.posix.dirname(name), rules: ignore().add(read(name)) }));
    return tracked.filter(name => {
        if (!name.endsWith(CHARTER_EXTENSION) || name.split('/').some(part => ALWAYS_SKIPPED.has(part))) {
            return false;
        }
        return !scopes.some(({ base, rules }) => {
            const inside = base === '' || name.startsWith(`${base}/`);
            const withinSearch = folder === '' || base === folder || base.startsWith(`${folder}/`);
            return inside && withinSearch && rules.ignores(base === '' ? name : name.slice(base.length + 1));
        });
    });
}
