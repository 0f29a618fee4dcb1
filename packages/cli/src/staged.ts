import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { count, listText, type Finding } from '@entente/language';
import { URI } from 'vscode-uri';
import { CliError } from './cli-error.js';
import { gitBytes } from './git.js';
import { CHARTER_EXTENSION, charterFileOf, displayPathOf, findCharterFiles, type CharterFile } from './files.js';
import { checkReadFiles, readWorkspaceFiles, type FileReport, type WorkspaceOptions } from './workspace.js';

/** The files of the index a check reads: charters, their configuration, and what says which files to skip. */
const STAGED_NAMES = new Set(['entente.json', '.ententeignore', '.gitignore']);
/** The files of the index that say which charters a folder search skips. */
const IGNORE_NAMES = new Set(['.ententeignore', '.gitignore']);

/** Runs git without a shell; a failure is the one-line `failure`, with git's own first line when it says one. */
function git(args: string[], cwd: string, failure: string, input?: Buffer): Buffer {
    return gitBytes(args, cwd, failure, { input, withReason: true });
}

/**
 * `entente check --staged [paths...]`: the charters as the index holds them,
 * what the next commit records, not the working tree. Every charter,
 * `entente.json`, `.ententeignore` and `.gitignore` of the index is written by
 * git (`git checkout-index`, no shell) to a scratch copy of the repository, and
 * the paths are checked there as `entente check paths` checks them in the
 * working tree: the same repository of charters around them, the same
 * configuration, as staged. A charter staged for deletion is gone from it, so
 * what relied on it is reported. Reports carry the repository's own paths.
 * A folder named (or the current one) whose charters the commit all deletes
 * is not checked, and not refused: `note` says so. A file named that the index
 * does not hold is refused, as a path that holds no charter and never did.
 */
export async function checkStagedFiles(paths: string[], options: WorkspaceOptions & { jobs?: number }, cwd = process.cwd()): Promise<{ reports: FileReport[]; note?: string }> {
    const { top, prefix } = repositoryOf(cwd);
    const wanted = stagedFiles(top, name => name.endsWith(CHARTER_EXTENSION) || STAGED_NAMES.has(name));
    const scratch = scratchCopyOf(top, wanted);
    try {
        const inScratch = path.join(scratch, prefix.trim());
        fs.mkdirSync(inScratch, { recursive: true });
        const realTop = fs.realpathSync(top);
        const targets = (paths.length ? paths : ['.']).map(given => {
            const relative = inRepository(given, cwd, realTop);
            return { given, inIndex: relative.split(path.sep).join('/'), local: path.relative(inScratch, path.join(scratch, relative)) || '.' };
        });
        // A folder whose every charter the commit deletes has nothing left to check: the commit is not refused for it.
        const emptied = foldersEmptied(targets.map(target => target.inIndex), wanted, top);
        const left = targets.filter(target => !emptied.folders.has(target.inIndex));
        const note = emptied.folders.size === 0 ? undefined
            : `the commit deletes every charter in ${listText(targets.filter(target => emptied.folders.has(target.inIndex)).map(target => target.given))} (${count(emptied.deleted, 'file')}); nothing left to check${left.length ? ' there' : ''}`;
        if (left.length === 0) {
            return { reports: [], note };
        }
        const local = paths.length ? left.map(target => target.local) : [];
        let read;
        try {
            read = readWorkspaceFiles(local, inScratch);
        } catch (error) {
            // A path the index does not hold reads as missing: say where it was looked for.
            if (error instanceof CliError) {
                throw new CliError(`--staged: ${error.message.replace(/^no \.charter files found in/, 'no staged .charter files in')}${/no such file/.test(error.message) ? ' in the index (staged for deletion, or never added)' : ''}`);
            }
            throw error;
        }
        // The scratch copy's paths in a message (a broken entente.json, a finding naming another file) are the repository's.
        const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const shown = new RegExp(`${escape(path.relative(cwd, scratch).split(path.sep).join('/'))}((?:/[^\\s:'"()]*)?)`, 'g');
        const unscratch = (text: string) => text.split(scratch).join(realTop)
            .replace(shown, (_, rest: string) => displayPathOf(path.join(realTop, ...rest.split('/')), cwd));
        let reports: FileReport[];
        try {
            reports = await checkReadFiles(read, options);
        } catch (error) {
            throw error instanceof CliError ? new CliError(unscratch(error.message), error.exitCode) : error;
        }
        return { reports: reports.map(report => reportInRepository(report, scratch, realTop, unscratch)), note };
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

/**
 * A scratch folder holding the index's copy of the files `wanted` (paths from
 * the repository's top), read in one git run. Its top is a repository's top
 * (it has a `.git`), where the searches of entente.json and of ignore files
 * stop, as they do in the repository. The caller removes it.
 */
function scratchCopyOf(top: string, wanted: readonly string[]): string {
    const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-staged-')));
    try {
        fs.mkdirSync(path.join(scratch, '.git'));
        if (wanted.length > 0) {
            git(['checkout-index', '--force', `--prefix=${scratch}${path.sep}`, '-z', '--stdin'], top, '--staged: git could not read the staged files', Buffer.from(wanted.join('\0') + '\0'));
        }
        return scratch;
    } catch (error) {
        fs.rmSync(scratch, { recursive: true, force: true });
        throw error;
    }
}

/** A report of the scratch copy, with the repository's paths and URIs in place of the copy's. */
function reportInRepository(report: FileReport, scratch: string, top: string, unscratch: (text: string) => string): FileReport {
    const fromUri = URI.file(scratch).toString();
    const toUri = URI.file(top).toString();
    const moveUri = (uri: string) => (uri.startsWith(fromUri + '/') ? toUri + uri.slice(fromUri.length) : uri);
    const movePath = (file: string) => (file.startsWith(scratch + path.sep) ? top + file.slice(scratch.length) : file);
    const findings: Finding[] = report.findings.map(finding => ({
        ...finding,
        uri: moveUri(finding.uri),
        message: unscratch(finding.message),
        ...(finding.related ? { related: finding.related.map(related => ({ ...related, uri: moveUri(related.uri), message: unscratch(related.message) })) } : {})
    }));
    return { ...report, file: { ...report.file, absolutePath: movePath(report.file.absolutePath) }, findings };
}

/**
 * The folders (paths from the repository's top, `''` for the top) that hold no charter of the
 * index, `staged`, though the commit deletes some under them (every charter of the folder
 * staged for deletion, or moved out of it), and how many charters it deletes there.
 */
function foldersEmptied(folders: string[], staged: string[], top: string): { folders: Set<string>; deleted: number } {
    const under = (file: string, folder: string) => folder === '' || file.startsWith(`${folder}/`);
    const bare = folders.filter(folder => !staged.some(file => file.endsWith(CHARTER_EXTENSION) && (file === folder || under(file, folder))));
    if (bare.length === 0) {
        return { folders: new Set(), deleted: 0 };
    }
    const deleted = git(['diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=D'], top, '--staged: git could not list the staged changes')
        .toString('utf8').split('\0').filter(file => file.endsWith(CHARTER_EXTENSION));
    const emptied = new Set(bare.filter(folder => deleted.some(file => under(file, folder))));
    return { folders: emptied, deleted: deleted.filter(file => [...emptied].some(folder => under(file, folder))).length };
}

/** The top of the git repository around `cwd` and `cwd`'s path from it (`charters/`, or empty at the top). */
function repositoryOf(cwd: string): { top: string; prefix: string } {
    const [top = '', prefix = ''] = git(['rev-parse', '--show-toplevel', '--show-prefix'], cwd, '--staged: not inside a git repository').toString('utf8').split('\n');
    if (!top) {
        throw new CliError('--staged: not inside a git repository (a bare repository has no index to check)');
    }
    return { top, prefix };
}

/**
 * The index's regular files (a symbolic link or a submodule is no text of the index's own) whose
 * names `wanted` takes, by their paths from the top; such a file with merge conflicts is refused.
 */
function stagedFiles(top: string, wanted: (name: string) => boolean): string[] {
    const files: string[] = [];
    for (const entry of git(['ls-files', '--stage', '-z'], top, '--staged: git could not list the index').toString('utf8').split('\0')) {
        // `MODE OBJECT STAGE\tPATH`
        const match = /^(\d+) [0-9a-f]+ (\d)\t(.*)$/s.exec(entry);
        if (!match || !wanted(match[3]!.slice(match[3]!.lastIndexOf('/') + 1))) {
            continue;
        }
        const [, mode, stage, file] = match;
        if (stage !== '0') {
            throw new CliError(`--staged: ${file} has merge conflicts in the index; resolve them and stage the result first`);
        }
        if (mode === '100644' || mode === '100755') {
            files.push(file!);
        }
    }
    return files;
}

/** A path given on the command line as a path from the repository's top (the system's separators); one outside it is refused. */
function inRepository(given: string, cwd: string, realTop: string): string {
    const absolute = path.resolve(cwd, given);
    const relative = path.relative(realTop, fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new CliError(`--staged: ${given} is outside the repository`);
    }
    return relative;
}

/**
 * `entente fmt --check --staged [paths...]`: the charters the paths name that the next
 * commit adds or changes (the index against HEAD; every staged charter before the first
 * commit), as the index holds them, named by the repository's paths. Found as `fmt` finds
 * files, in a scratch copy of the index: a folder's charters that its `.gitignore` or
 * `.ententeignore` (as staged) skips are skipped, as `fmt --check` and `check --staged` skip
 * them; a charter named outright is taken. Read in one git run (`git checkout-index`): a
 * pre-commit hook checks them all in one process, not one a file. A charter the commit
 * does not touch, or deletes, is not read.
 */
export function readStagedChanges(paths: string[], cwd = process.cwd()): CharterFile[] {
    const { top, prefix } = repositoryOf(cwd);
    const realTop = fs.realpathSync(top);
    const relatives = (paths.length ? paths : ['.']).map(given => inRepository(given, cwd, realTop));
    // `STATUS\0PATH\0` a change; a rename as a deletion and an addition.
    const listing = git(['diff', '--cached', '--name-status', '-z', '--no-renames'], top, '--staged: git could not list the staged changes').toString('utf8').split('\0');
    const changes: Array<{ status: string; file: string }> = [];
    for (let index = 0; index + 1 < listing.length; index += 2) {
        changes.push({ status: listing[index]!, file: listing[index + 1]! });
    }
    // A path neither in the working tree nor among the changes (a folder whose charters the commit deletes is) is a mistake, not a pass.
    relatives.forEach((relative, index) => {
        const inIndex = relative.split(path.sep).join('/');
        if (!fs.existsSync(path.join(realTop, relative)) && !changes.some(({ file }) => inIndex === '' || file === inIndex || file.startsWith(`${inIndex}/`))) {
            throw new CliError(`--staged: ${(paths.length ? paths : ['.'])[index]}: no such file or folder`);
        }
    });
    const changed = new Set(changes.filter(({ status, file }) => status !== 'D' && file.endsWith(CHARTER_EXTENSION)).map(({ file }) => file));
    if (changed.size === 0) {
        return [];
    }
    const wanted = stagedFiles(top, name => IGNORE_NAMES.has(name) || name.endsWith(CHARTER_EXTENSION)).filter(file => changed.has(file) || !file.endsWith(CHARTER_EXTENSION));
    const scratch = scratchCopyOf(top, wanted);
    try {
        const inScratch = path.join(scratch, prefix.trim());
        // Only what the commit adds or changes is in the copy: a path without any is nothing to read, not an error.
        const present = relatives.map(relative => path.join(scratch, relative)).filter(local => {
            const stat = fs.statSync(local, { throwIfNoEntry: false });
            return stat?.isDirectory() || (stat?.isFile() && local.endsWith(CHARTER_EXTENSION));
        });
        return findCharterFiles(present, inScratch).map(local => {
            const absolutePath = path.join(realTop, path.relative(scratch, local));
            return charterFileOf(absolutePath, displayPathOf(absolutePath, cwd), fs.readFileSync(local));
        });
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}
