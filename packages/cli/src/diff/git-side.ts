import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CliError } from '../cli-error.js';
import { gitBlobs, gitBytes, type CommittedFile } from '../git.js';
import { CHARTER_EXTENSION, charterFileOf, displayPathOf, findCharterFiles, readCharterFile, type CharterFile } from '../files.js';
import { workingTree, type SideTree } from './journal-context.js';

/** Both sides of `entente diff --git BASE [paths...]`: the charter files at BASE and in the working tree (or, for a range, at its two ends). */
export interface GitSides {
    oldFiles: CharterFile[];
    newFiles: CharterFile[];
    /** The repository's top folder in the working tree. */
    root: string;
    /** What each side is, for the report's heading: `main`, `the merge base of main and HEAD`; `undefined` for the working tree. */
    oldName: string;
    newName: string | undefined;
    /** Each side's files beyond those compared, where a journal's charter is looked for: the commit's tree, or the working tree. */
    oldTree: SideTree;
    newTree: SideTree;
}

/** Runs git without a shell and gives its output as text; a failure is reported as the one-line `failure`. */
function git(args: string[], cwd: string, failure: string): string {
    return gitBytes(args, cwd, failure).toString('utf8');
}

/**
 * What `--git` names, as git's own revision ranges read: `BASE` (BASE against
 * the working tree), `A..B` (A against B, both as committed) or `A...B` (the
 * merge base of A and B against B: what a pull request of B into A changes,
 * as `git diff A...B` shows it). An end left out is `HEAD`, as in git.
 */
export function parseGitRange(spec: string): { old: string; new?: string; mergeBase: boolean } {
    // No ref name holds `..` (git check-ref-format), so the first one splits the range.
    const threeDots = spec.indexOf('...');
    const twoDots = spec.indexOf('..');
    if (twoDots < 0) {
        return { old: spec, mergeBase: false };
    }
    const dots = threeDots === twoDots ? 3 : 2;
    const [from, to] = [spec.slice(0, twoDots), spec.slice(twoDots + dots)];
    if (to.includes('..') || (from === '' && to === '')) {
        throw new CliError(`--git takes BASE, A..B or A...B, not '${spec}' (see --help)`);
    }
    return { old: from || 'HEAD', new: to || 'HEAD', mergeBase: dots === 3 };
}

/**
 * Reads the `.charter` files under the paths from git at `base` (the old
 * side) and from the working tree (the new side); for a range (`A..B`,
 * `A...B`, see `parseGitRange`), both sides from git. A path may exist on
 * one side only (a folder added or deleted since `base`), not on neither.
 */
export function readGitSides(spec: string, paths: string[], cwd = process.cwd()): GitSides {
    if (spec.startsWith('-')) {
        throw new CliError(`--git takes a commit, not '${spec}' (see --help)`);
    }
    const range = parseGitRange(spec);
    const root = git(['rev-parse', '--show-toplevel'], cwd, `${cwd}: not inside a git repository`).trim();
    const commitOf = (name: string) => git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`], root, `${name}: no such commit, branch or tag in this repository`).trim();
    const newCommit = range.new === undefined ? undefined : commitOf(range.new);
    let oldCommit = commitOf(range.old);
    let oldName = range.old;
    if (range.mergeBase) {
        oldCommit = git(['merge-base', oldCommit, newCommit!], root, `${range.old} and ${range.new}: no common ancestor (a merge base) to compare from; write ${range.old}..${range.new} to compare the two`).trim();
        oldName = `the merge base of ${range.old} and ${range.new}`;
    }
    const sides = newCommit === undefined ? `neither in the working tree nor at ${oldName}` : `neither at ${oldName} nor at ${range.new}`;
    const given = paths.length ? paths : ['.'];
    const realRoot = fs.realpathSync(root);
    const newFiles: CharterFile[] = [];
    const oldFiles: CharterFile[] = [];
    const seenNew = new Set<string>();
    const seenOld = new Set<string>();
    /** The files read at each commit, each read once: a batch of files costs one git process, not one a file. */
    const committed = new Map<string, Map<string, CommittedFile>>();
    const prefetch = (commit: string, name: string, files: readonly string[]): Map<string, CommittedFile> => {
        let known = committed.get(commit);
        if (known === undefined) {
            known = new Map();
            committed.set(commit, known);
        }
        const wanted = [...new Set(files)].filter(file => !known!.has(file));
        if (wanted.length) {
            for (const [file, answer] of gitBlobs(commit, wanted, root, `cannot read the files at ${name}`)) {
                known.set(file, answer);
            }
        }
        return known;
    };
    const bytesAt = (commit: string, name: string, file: string): Buffer => {
        const answer = prefetch(commit, name, [file]).get(file)!;
        if ('why' in answer) {
            throw new CliError(`cannot read ${file} at ${name} (${answer.why})`);
        }
        return answer.bytes;
    };
    /** The charter files a search of `pathspec` finds in a commit, their content fetched in one batch (they are read next). */
    const listedAt = (commit: string, name: string, pathspec: string, entry: string): string[] => {
        const tracked = git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', pathspec], root, `cannot list ${entry} at ${name}`)
            .split('\0').filter(Boolean);
        if (tracked.length === 1 && tracked[0] === pathspec) {
            const file = tracked.filter(listed => listed.endsWith(CHARTER_EXTENSION));
            prefetch(commit, name, file);
            return file;
        }
        prefetch(commit, name, tracked.filter(file => IGNORE_FILES.has(path.posix.basename(file))));
        const found = searchedAtBase(tracked, pathspec === '.' ? '' : pathspec, file => bytesAt(commit, name, file).toString('utf8'));
        prefetch(commit, name, found);
        return found;
    };
    /** A charter file as committed, read as the working tree's files are: a byte order mark dropped, bytes that are not UTF-8 located (a `syntax` finding on both sides alike). */
    const readAt = (commit: string, name: string, file: string): CharterFile => {
        const absolutePath = path.join(realRoot, ...file.split('/'));
        const bytes = bytesAt(commit, name, file);
        if (bytes.subarray(0, 8192).includes(0)) {
            throw new CliError(`${file} at ${name}: is a binary file, not a charter`);
        }
        return charterFileOf(absolutePath, displayPathOf(absolutePath, cwd), bytes);
    };
    /** The files as committed, searched and read as `workingTree` searches and reads the disk's. */
    const treeAt = (commit: string, name: string): SideTree => {
        const read = new Map<string, CharterFile>();
        const inRepo = (absolute: string) => {
            const relative = path.relative(realRoot, fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute);
            return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
        };
        return {
            charterFiles(folder) {
                const pathspec = inRepo(folder);
                return pathspec === undefined ? [] : listedAt(commit, name, pathspec === '' ? '.' : pathspec, displayPathOf(folder, cwd))
                    .map(file => path.join(realRoot, ...file.split('/')));
            },
            read(file) {
                const pathspec = inRepo(file);
                if (pathspec === undefined) {
                    throw new CliError(`${displayPathOf(file, cwd)}: outside the git repository at ${root}`);
                }
                let charterFile = read.get(pathspec);
                if (charterFile === undefined) {
                    charterFile = readAt(commit, name, pathspec);
                    read.set(pathspec, charterFile);
                }
                return charterFile;
            }
        };
    };
    for (const entry of given) {
        const absolute = path.resolve(cwd, entry);
        const inRepo = path.relative(realRoot, fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute);
        if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) {
            throw new CliError(`${entry}: outside the git repository at ${root}`);
        }
        const pathspec = inRepo === '' ? '.' : inRepo.split(path.sep).join('/');
        const listedOld = listedAt(oldCommit, oldName, pathspec, entry);
        const listedNew = newCommit === undefined ? undefined : listedAt(newCommit, range.new!, pathspec, entry);
        const onDisk = listedNew === undefined && fs.existsSync(absolute) ? findCharterFiles([absolute]) : [];
        const onNewSide = listedNew === undefined ? fs.existsSync(absolute) : listedNew.length > 0;
        if (!onNewSide && listedOld.length === 0) {
            throw new CliError(`${entry}: no such file or folder (${sides})`);
        }
        for (const file of onDisk) {
            if (!seenNew.has(file)) {
                seenNew.add(file);
                newFiles.push(readCharterFile(file, cwd));
            }
        }
        for (const file of listedNew ?? []) {
            if (!seenNew.has(file)) {
                seenNew.add(file);
                newFiles.push(readAt(newCommit!, range.new!, file));
            }
        }
        for (const file of listedOld) {
            if (!seenOld.has(file)) {
                seenOld.add(file);
                oldFiles.push(readAt(oldCommit, oldName, file));
            }
        }
    }
    if (newFiles.length === 0 && oldFiles.length === 0) {
        throw new CliError(`no ${CHARTER_EXTENSION} files found in ${given.join(', ')} (${sides})`);
    }
    return {
        oldFiles, newFiles, root, oldName, newName: range.new,
        oldTree: treeAt(oldCommit, oldName), newTree: newCommit === undefined ? workingTree(cwd) : treeAt(newCommit, range.new!)
    };
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
