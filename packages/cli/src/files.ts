import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { compareText } from '@entente/language';
import { CliError } from './cli-error.js';

export const CHARTER_EXTENSION = '.charter';
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/** Ignore files honoured in folders searched: git's, and `.ententeignore` (same syntax) for charters git keeps but checks should skip. */
const IGNORE_FILES = ['.gitignore', '.ententeignore'];

/** A charter file read from disk. */
export interface CharterFile {
    /** Absolute path. */
    absolutePath: string;
    /** Path relative to the current directory, as shown to the user. */
    displayPath: string;
    text: string;
}

/**
 * The `.charter` files named by the paths: files as given, folders searched
 * recursively, honouring `.gitignore` and `.ententeignore` files on the way and skipping
 * `node_modules` and `.git`. Symlinked folders are followed once.
 */
export function findCharterFiles(paths: string[], cwd = process.cwd()): string[] {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(absolute);
        } catch (error) {
            throw new CliError(`${given}: ${describeIoError(error, 'no such file or folder')}`);
        }
        if (stat.isDirectory()) {
            walk(absolute, [], found, new Set());
        } else {
            found.add(absolute);
        }
    }
    return [...found].sort();
}

function walk(folder: string, ignores: Array<{ base: string; rules: Ignore }>, found: Set<string>, visited: Set<string>): void {
    let real: string;
    try {
        real = fs.realpathSync(folder);
    } catch (error) {
        throw new CliError(`${folder}: ${describeIoError(error, 'cannot resolve the folder')}`);
    }
    if (visited.has(real)) {
        return; // a symlink loop, or a folder reached twice
    }
    visited.add(real);
    const scoped = [...ignores];
    for (const name of IGNORE_FILES) {
        const ignoreFile = path.join(folder, name);
        if (fs.existsSync(ignoreFile)) {
            scoped.push({ base: folder, rules: ignore().add(fs.readFileSync(ignoreFile, 'utf8')) });
        }
    }
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw new CliError(`${folder}: ${describeIoError(error, 'cannot read the folder')}`);
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
        if (ALWAYS_SKIPPED.has(entry.name)) {
            continue;
        }
        const full = path.join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
            try {
                const target = fs.statSync(full);
                isDirectory = target.isDirectory();
                isFile = target.isFile();
            } catch {
                continue; // a dangling link names nothing to check
            }
        }
        if (isIgnored(full, isDirectory, scoped)) {
            continue;
        }
        if (isDirectory) {
            walk(full, scoped, found, visited);
        } else if (isFile && entry.name.endsWith(CHARTER_EXTENSION)) {
            found.add(full);
        }
    }
}

function isIgnored(file: string, isDirectory: boolean, ignores: Array<{ base: string; rules: Ignore }>): boolean {
    return ignores.some(({ base, rules }) => {
        const relative = path.relative(base, file).split(path.sep).join('/');
        return relative !== '' && rules.ignores(isDirectory ? `${relative}/` : relative);
    });
}

/** Reads a charter file as text; binary or unreadable files are a CliError. */
export function readCharterFile(absolutePath: string, cwd = process.cwd()): CharterFile {
    const displayPath = displayPathOf(absolutePath, cwd);
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(absolutePath);
    } catch (error) {
        throw new CliError(`${displayPath}: ${describeIoError(error, 'cannot read the file')}`);
    }
    if (bytes.subarray(0, 8192).includes(0)) {
        throw new CliError(`${displayPath}: is a binary file, not a charter`);
    }
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
    }
    return { absolutePath, displayPath, text };
}

/** A path relative to the current directory, with forward slashes. */
export function displayPathOf(absolutePath: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, absolutePath) || path.basename(absolutePath);
    return relative.split(path.sep).join('/');
}

/** A short, human reason for a file-system error. */
export function describeIoError(error: unknown, fallback: string): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder';
        case 'ELOOP': return 'too many symbolic links (a link loop)';
        case 'ENOTDIR': return 'not a folder';
        default: return fallback;
    }
}

/**
 * Writes every file to a temporary name beside it, then renames them all
 * into place; if anything fails, the temporary files are removed and the
 * error is one line.
 */
export function writeFilesAtomically(outputs: Array<{ file: string; content: string }>): void {
    const written: string[] = [];
    const createdFolders: string[] = [];
    try {
        for (const output of outputs) {
            const folder = path.dirname(output.file);
            if (!fs.existsSync(folder)) {
                fs.mkdirSync(folder, { recursive: true });
                createdFolders.push(folder);
            }
            const temporary = `${output.file}.${process.pid}.tmp`;
            // A file replaced keeps its permissions (a private charter stays private).
            const mode = fs.existsSync(output.file) ? fs.statSync(output.file).mode & 0o7777 : undefined;
            fs.writeFileSync(temporary, output.content, mode === undefined ? undefined : { mode });
            if (mode !== undefined) {
                fs.chmodSync(temporary, mode);
            }
            written.push(temporary);
        }
        for (const output of outputs) {
            fs.renameSync(`${output.file}.${process.pid}.tmp`, output.file);
        }
    } catch (error) {
        for (const temporary of written) {
            fs.rmSync(temporary, { force: true });
        }
        for (const folder of createdFolders.reverse()) {
            fs.rmSync(folder, { recursive: true, force: true });
        }
        const failed = (error as NodeJS.ErrnoException).path ?? 'output';
        throw new CliError(`cannot write ${displayPathOf(path.resolve(failed.replace(/\.\d+\.tmp$/, '')))}: ${describeIoError(error, 'write failed')}`);
    }
}
