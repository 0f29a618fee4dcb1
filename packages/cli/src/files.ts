import * as fs from 'node:fs';
import * as path from 'node:path';
import { isatty } from 'node:tty';
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
    /** Where the bytes stop being UTF-8, if they do: the text then holds U+FFFD there, and `check` reports it. */
    invalidUtf8?: InvalidUtf8;
}

/** The first byte sequence of a file that is not UTF-8, as a byte offset and as a position in the decoded text. */
export interface InvalidUtf8 {
    byteOffset: number;
    byte: number;
    line: number;
    character: number;
}

/** The most a charter (or ignore file) may hold: 64 MB unless `ENTENTE_MAX_FILE_MB` says otherwise. */
export function maxFileBytes(): number {
    const configured = process.env.ENTENTE_MAX_FILE_MB;
    if (configured === undefined || configured === '') {
        return 64 * 1024 * 1024;
    }
    if (!/^\d+(\.\d+)?$/.test(configured) || Number(configured) <= 0) {
        throw new CliError(`ENTENTE_MAX_FILE_MB takes a positive number of megabytes, not '${configured}'`);
    }
    return Math.floor(Number(configured) * 1024 * 1024);
}

/**
 * The `.charter` files named by the paths: files as given (a file of another
 * name is a usage error), folders searched
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
        } else if (stat.isFile() && !absolute.endsWith(CHARTER_EXTENSION)) {
            // Charters are *.charter files, named or found; a hook that passes every staged file names README.md too.
            throw new CliError(`${given}: is not a ${CHARTER_EXTENSION} file`);
        } else {
            found.add(absolute);
        }
    }
    return distinctFiles([...found].sort());
}

/**
 * One path per file: a charter reached through a symbolic link and under
 * its own name (`current.charter -> v2.charter`) is read once, under its
 * own name when that was found too, else under the first name found.
 */
function distinctFiles(paths: string[]): string[] {
    const byRealPath = new Map<string, string>();
    for (const file of paths) {
        let real: string;
        try {
            real = fs.realpathSync(file);
        } catch {
            real = file; // reading it will say what is wrong
        }
        const kept = byRealPath.get(real);
        if (kept === undefined || (kept !== real && file === real)) {
            byRealPath.set(real, file);
        }
    }
    const kept = new Set(byRealPath.values());
    return paths.filter(file => kept.has(file));
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
        let stat: fs.Stats | undefined;
        try {
            stat = fs.statSync(ignoreFile);
        } catch {
            stat = undefined; // none here (or a dangling link): nothing to honour
        }
        // A folder named .gitignore is no ignore file (git says the same); a FIFO or a device is refused by the read.
        if (stat && !stat.isDirectory()) {
            const text = readRegularFile(ignoreFile, displayPathOf(ignoreFile)).toString('utf8');
            scoped.push({ base: folder, rules: ignore().add(text) });
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

/** Reads a charter file as text; binary, unreadable, irregular or oversized files are a CliError. */
export function readCharterFile(absolutePath: string, cwd = process.cwd()): CharterFile {
    const displayPath = displayPathOf(absolutePath, cwd);
    return charterFileOf(absolutePath, displayPath, readRegularFile(absolutePath, displayPath));
}

/** A charter file of bytes read (from disk, git or standard input): a byte order mark dropped, invalid UTF-8 located. */
export function charterFileOf(absolutePath: string, displayPath: string, bytes: Buffer): CharterFile {
    if (bytes.subarray(0, 8192).includes(0)) {
        throw new CliError(`${displayPath}: is a binary file, not a charter`);
    }
    let text = bytes.toString('utf8');
    let bomLength = 0;
    if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        bomLength = 3;
    }
    const invalid = firstInvalidUtf8(bytes);
    if (invalid === undefined) {
        return { absolutePath, displayPath, text };
    }
    const before = bytes.subarray(bomLength, invalid).toString('utf8');
    const lines = before.split(/\r\n|\r|\n/);
    return {
        absolutePath, displayPath, text,
        invalidUtf8: { byteOffset: invalid, byte: bytes[invalid], line: lines.length - 1, character: lines[lines.length - 1].length }
    };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, if there is one. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
    try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        return undefined;
    } catch {
        // Found below: the decoder does not say where.
    }
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        // Lengths and the allowed range of the second byte (no overlongs, no surrogates, nothing above U+10FFFF).
        let length: number;
        let low = 0x80;
        let high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            low = b === 0xe0 ? 0xa0 : 0x80;
            high = b === 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            low = b === 0xf0 ? 0x90 : 0x80;
            high = b === 0xf4 ? 0x8f : 0xbf;
        } else {
            return i;
        }
        if (i + length > bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) {
            return i;
        }
        for (let k = 2; k < length; k++) {
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) {
                return i;
            }
        }
        i += length;
    }
    return undefined;
}

/**
 * The bytes of a regular file, read no further than the size limit. A FIFO,
 * a device (`/dev/zero`), a socket or a folder is refused without being read:
 * opened without blocking, then checked with `fstat`.
 */
export function readRegularFile(absolutePath: string, displayPath: string): Buffer {
    const limit = maxFileBytes();
    let descriptor: number;
    try {
        descriptor = fs.openSync(absolutePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (error) {
        throw new CliError(`${displayPath}: ${describeIoError(error, 'cannot read the file')}`);
    }
    try {
        const stat = fs.fstatSync(descriptor);
        if (!stat.isFile()) {
            throw new CliError(`${displayPath}: ${kindOf(stat)}, not a regular file; not read`);
        }
        if (stat.size > limit) {
            throw new CliError(`${displayPath}: is ${megabytes(stat.size)}, more than the limit of ${megabytes(limit)} (set ENTENTE_MAX_FILE_MB to raise it)`);
        }
        return readToEnd(descriptor, displayPath, stat.size, limit);
    } finally {
        fs.closeSync(descriptor);
    }
}

/**
 * Standard input (`fmt --stdin`, `check --stdin`): a pipe or a file, read to
 * its end but never past the size limit (`< /dev/zero` is an error, not a
 * crash). A terminal is refused rather than waited on: `--stdin` with nothing
 * piped in is a mistake (a hook or an editor always pipes the text in), and
 * a run that sits there reading the keyboard looks hung.
 */
export function readStandardInput(command: string): Buffer {
    if (isatty(0)) {
        throw new CliError(`--stdin: standard input is a terminal, not a charter piped in (cat x.charter | entente ${command} --stdin); name the files to read them instead`);
    }
    return readToEnd(0, 'standard input', 0, maxFileBytes());
}

/** Reads to the end, in case the file grew since it was measured (or has no size), but never past the limit. */
function readToEnd(descriptor: number, displayPath: string, expected: number, limit: number): Buffer {
    try {
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(expected + 1, limit + 1) - total));
            const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
            if (read === 0) {
                break;
            }
            chunks.push(chunk.subarray(0, read));
            total += read;
            if (total > limit) {
                throw new CliError(`${displayPath}: is more than the limit of ${megabytes(limit)} (set ENTENTE_MAX_FILE_MB to raise it)`);
            }
        }
        return Buffer.concat(chunks, total);
    } catch (error) {
        if (error instanceof CliError) {
            throw error;
        }
        throw new CliError(`${displayPath}: ${describeIoError(error, 'cannot read the file')}`);
    }
}

function kindOf(stat: fs.Stats): string {
    if (stat.isDirectory()) return 'is a folder';
    if (stat.isFIFO()) return 'is a named pipe (FIFO)';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device';
    if (stat.isSocket()) return 'is a socket';
    return 'is not a regular file';
}

function megabytes(bytes: number): string {
    return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
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

/** Signals that end a run: a write in progress finishes (or is undone) first, then the run ends as the signal asks. */
const ENDING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Writes every file, all or nothing: first each to a temporary name beside
 * it, then all renamed into place. Output paths that collide are refused
 * before anything is written. If anything fails the temporary files and the
 * folders made are removed and the error is one line. A signal (Ctrl-C,
 * SIGTERM) waits for the write to end, since the write is synchronous, and
 * anything left over is removed on exit: no `*.tmp` file and no half-written
 * set remains.
 */
export function writeFilesAtomically(outputs: Array<{ file: string; content: string }>): void {
    assertDistinctOutputs(outputs.map(output => output.file));
    const written: string[] = [];
    const createdFolders: string[] = [];
    const temporaryOf = (file: string) => `${file}.${process.pid}.tmp`;
    const cleanUp = () => {
        for (const temporary of written) {
            fs.rmSync(temporary, { force: true });
        }
        for (const folder of createdFolders.reverse()) {
            fs.rmSync(folder, { recursive: true, force: true });
        }
        written.length = 0;
        createdFolders.length = 0;
    };
    let received: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => { received ??= signal; };
    for (const signal of ENDING_SIGNALS) {
        process.on(signal, onSignal);
    }
    process.on('exit', cleanUp);
    try {
        for (const output of outputs) {
            makeFolders(path.dirname(output.file), createdFolders);
            const temporary = temporaryOf(output.file);
            // A file replaced keeps its permissions (a private charter stays private) and, where allowed, its owner.
            const existing = statOrUndefined(output.file);
            const mode = existing ? existing.mode & 0o7777 : undefined;
            written.push(temporary);
            fs.writeFileSync(temporary, output.content, { ...(mode === undefined ? {} : { mode }) });
            if (existing) {
                fs.chmodSync(temporary, mode!);
                keepOwner(temporary, existing);
            }
        }
        for (const output of outputs) {
            fs.renameSync(temporaryOf(output.file), output.file);
        }
        written.length = 0;
        createdFolders.length = 0;
    } catch (error) {
        cleanUp();
        const failed = (error as NodeJS.ErrnoException).path ?? 'output';
        throw new CliError(`cannot write ${displayPathOf(path.resolve(failed.replace(/\.\d+\.tmp$/, '')))}: ${describeIoError(error, 'write failed')}`);
    } finally {
        process.off('exit', cleanUp);
        for (const signal of ENDING_SIGNALS) {
            process.off(signal, onSignal);
        }
        if (received !== undefined) {
            // The write is whole (or undone); end as the signal would have.
            process.exit(128 + (SIGNAL_NUMBERS[received] ?? 0));
        }
    }
}

function statOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}

/** Gives a replacement file the owner and group of the file it replaces (a root `fmt` must not take files over). */
function keepOwner(file: string, original: fs.Stats): void {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
        return; // only root can give a file away; anyone else's file is theirs already
    }
    fs.chownSync(file, original.uid, original.gid);
}

/**
 * Makes a folder and its missing parents one at a time, recording those it
 * made. (`mkdirSync(…, { recursive: true })` spins for ever under `/proc`.)
 */
function makeFolders(folder: string, created: string[]): void {
    const missing: string[] = [];
    let current = path.resolve(folder);
    for (;;) {
        const stat = statOrUndefined(current);
        if (stat) {
            if (!stat.isDirectory()) {
                throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: path.resolve(folder) });
            }
            break;
        }
        missing.push(current);
        const parent = path.dirname(current);
        if (parent === current) {
            break;
        }
        current = parent;
    }
    for (const part of missing.reverse()) {
        fs.mkdirSync(part);
        created.push(part);
    }
}

/** Two outputs with one path (or paths that differ only in case, one file on many disks) would overwrite each other. */
function assertDistinctOutputs(files: string[]): void {
    const seen = new Map<string, string>();
    for (const file of files) {
        const key = path.resolve(file).toLowerCase();
        const other = seen.get(key);
        if (other !== undefined) {
            throw new CliError(`two outputs would both be written to ${displayPathOf(path.resolve(file))}${other === file ? '' : ` (and ${displayPathOf(path.resolve(other))})`}; nothing written`);
        }
        seen.set(key, file);
    }
}

/** A file's identity for leaving files already read out of those read beside them: its real path (links and a linked temporary folder read alike), or the path as given when it does not exist. */
export function fileKey(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return file;
    }
}

/** The charter files of the folders, as `check FOLDER` finds them, but those already read (by `fileKey`). */
export function contextFiles(folders: string[], read: ReadonlySet<string>, cwd = process.cwd()): CharterFile[] {
    return findCharterFiles(folders, cwd).filter(file => !read.has(fileKey(file))).map(file => readCharterFile(file, cwd));
}
