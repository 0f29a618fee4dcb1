import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, createCharterCoreServices, NodeConfigProvider, type CharterCoreServices, type DocumentModel, type Finding } from '@entente/language';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'vscode-uri';
import { CliError } from './cli-error.js';
import { CHARTER_EXTENSION, charterFileOf, contextFiles, describeIoError, displayPathOf, fileKey, findCharterFiles, readCharterFile, readStandardInput, type CharterFile } from './files.js';
import { checkInParallel, threadsFor } from './parallel/check-in-parallel.js';

/** What a check reports of one file: what was read and its findings. */
export interface FileReport {
    file: CharterFile;
    findings: Finding[];
}

/** One checked file with its syntax tree and model (for the commands that go on to score, draw or compare it). */
export interface CheckedFile extends FileReport {
    document: LangiumDocument;
    model: DocumentModel;
}

export interface WorkspaceOptions {
    today?: string;
    /** An `entente.json` to use instead of the nearest one to each file. */
    configPath?: string;
}

/** The charter files named on the command line, loaded as one workspace so cross-file references resolve. */
export class CliWorkspace {
    readonly services: CharterCoreServices;
    readonly files: CheckedFile[] = [];

    private constructor(services: CharterCoreServices) {
        this.services = services;
    }

    /**
     * Finds, reads, parses, links and checks every charter the paths name,
     * with the charters of the repository around them as context (see
     * `readWorkspaceFiles`): only the named files are checked and reported.
     */
    static async load(paths: string[], options: WorkspaceOptions = {}): Promise<CliWorkspace> {
        const { files, context } = readWorkspaceFiles(paths);
        return CliWorkspace.fromFiles(files, options, context);
    }

    /**
     * Parses, links and checks charter files already read (from disk or elsewhere, e.g. git); an empty list is an
     * empty workspace. `context`: files read with them, for their names, and neither checked nor reported.
     */
    static async fromFiles(files: CharterFile[], options: WorkspaceOptions = {}, context: CharterFile[] = []): Promise<CliWorkspace> {
        const services = createCliServices(options);
        assertConfigurations(services, files);
        const workspace = new CliWorkspace(services);
        const documents = [...files, ...context].map(file => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(file.text, URI.file(file.absolutePath));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        // Findings come from the rule runner below, so Langium's own validation pass is not needed.
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
        files.forEach((file, index) => {
            const document = documents[index];
            workspace.files.push({
                file,
                document,
                model: services.charter.ModelBuilder.getModel(document),
                findings: [...encodingFindings(file), ...services.charter.RuleRunner.run(document)]
            });
        });
        return workspace;
    }
}

/** Reads the charter files the paths name (folders searched); none is an error. */
function readCharterFiles(paths: string[], cwd = process.cwd()): CharterFile[] {
    const filePaths = findCharterFiles(paths.length ? paths : ['.'], cwd);
    if (filePaths.length === 0) {
        throw new CliError(`no ${'.charter'} files found in ${paths.join(', ') || '.'}`);
    }
    return filePaths.map(filePath => readCharterFile(filePath, cwd));
}

/**
 * The charter files the paths name, and the other charter files of the
 * repository of charters they are in: the folder of the nearest
 * `entente.json` above each path, looked for up to the repository's top (the
 * folder with `.git`) or, outside a repository, up to the current folder. A
 * charter names parties declared in other files, and a role's load counts
 * every charter: `check charters/x.charter` alone must read what `check .`
 * reads to say the same of x (a pre-commit hook that passes the staged files,
 * say). Without an `entente.json`, the named files alone, as ever.
 */
export function readWorkspaceFiles(paths: string[], cwd = process.cwd()): { files: CharterFile[]; context: CharterFile[] } {
    const files = readCharterFiles(paths, cwd);
    const roots = repositoryRootsOf(paths.length ? paths : ['.'], cwd);
    if (roots.length === 0) {
        return { files, context: [] };
    }
    // By real path: a named file reached through a link is the same file as the context's.
    return { files, context: contextFiles(roots, new Set(files.map(file => fileKey(file.absolutePath))), cwd) };
}

/** The name a charter read from standard input is reported under when `--stdin-filename` gives none. */
export const STANDARD_INPUT_NAME = '<stdin>';

/**
 * A charter read from standard input (`check --stdin`), as if it were the
 * file `filename` (default: a file of the current folder, reported as `<stdin>`): that
 * file's `entente.json` applies, and the other charters of its repository of
 * charters are read as context, as `check FILENAME` reads them, but the text
 * piped in stands in for the file on disk, which need not exist (an editor's
 * unsaved buffer, a hook's staged text: `git show :x.charter`).
 */
export function readStandardInputFiles(filename: string | undefined, command: string, cwd = process.cwd()): { files: CharterFile[]; context: CharterFile[] } {
    if (filename !== undefined && !filename.endsWith(CHARTER_EXTENSION)) {
        throw new CliError(`--stdin-filename ${filename}: is not a ${CHARTER_EXTENSION} file`);
    }
    // Without a name, a file of the current folder; its path ends in .charter, as the language services want of a document's.
    const absolutePath = path.resolve(cwd, filename ?? `${STANDARD_INPUT_NAME}${CHARTER_EXTENSION}`);
    let folder = path.dirname(absolutePath);
    if (fs.existsSync(absolutePath) && fs.statSync(absolutePath).isDirectory()) {
        throw new CliError(`--stdin-filename ${filename}: is a folder, not a ${CHARTER_EXTENSION} file`);
    }
    const bytes = readStandardInput(command);
    const file = charterFileOf(absolutePath, filename === undefined ? STANDARD_INPUT_NAME : displayPathOf(absolutePath, cwd), bytes);
    // A file of a folder not made yet: its repository is that of the nearest folder that is there.
    while (!fs.existsSync(folder) && path.dirname(folder) !== folder) {
        folder = path.dirname(folder);
    }
    const roots = repositoryRootsOf([folder], cwd);
    return { files: [file], context: roots.length ? contextFiles(roots, new Set([fileKey(absolutePath)]), cwd) : [] };
}

/** The folders of the nearest `entente.json` above the paths (see `readWorkspaceFiles`). */
function repositoryRootsOf(paths: string[], cwd: string): string[] {
    const roots = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        let folder = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
        // Never above the repository's top; outside a repository, never above the current folder (a stray
        // entente.json in a home folder must not make the home folder a workspace).
        const limit = gitTopOf(folder) ?? (folder === cwd || folder.startsWith(cwd + path.sep) ? cwd : folder);
        for (;;) {
            if (fs.existsSync(path.join(folder, CONFIG_FILE_NAME))) {
                roots.add(folder);
                break;
            }
            const parent = path.dirname(folder);
            if (folder === limit || parent === folder) {
                break;
            }
            folder = parent;
        }
    }
    return [...roots];
}

/** The top of the git repository a folder is in (the nearest folder with `.git`), if any. */
function gitTopOf(folder: string): string | undefined {
    for (let current = folder; ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, '.git'))) return current;
        if (path.dirname(current) === current) return undefined;
    }
}

/**
 * The reports of `entente check` on the files the paths name. A large
 * workspace is checked on several threads (`jobs` sets how many; 1 keeps to
 * one); should that fail, the check runs again on one.
 */
export async function checkCharterFiles(paths: string[], options: WorkspaceOptions & { jobs?: number } = {}): Promise<FileReport[]> {
    return checkReadFiles(readWorkspaceFiles(paths), options);
}

/** The reports of `entente check` on files already read, with their context (see `checkCharterFiles`). */
export async function checkReadFiles({ files, context }: { files: CharterFile[]; context: CharterFile[] }, options: WorkspaceOptions & { jobs?: number } = {}): Promise<FileReport[]> {
    const all = context.length === 0 ? files : [...files, ...context];
    const threads = threadsFor(all, options.jobs);
    if (threads > 1) {
        assertConfigurations(createCliServices(options), files);
        try {
            // The threads check the context too (each thread's share is checked whole); only the named files are reported.
            const named = new Set(files.map(file => file.absolutePath));
            const reports = (await checkInParallel(all, options, threads)).filter(report => named.has(report.file.absolutePath));
            return reports.map(report => ({ ...report, findings: [...encodingFindings(report.file), ...report.findings] }));
        } catch (error) {
            process.stderr.write(`entente: checking on ${threads} threads failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); checking on one\n`);
        }
    }
    return (await CliWorkspace.fromFiles(files, options, context)).files;
}

/**
 * A file that is not UTF-8 is a `syntax` finding at the first byte that is
 * not: its text was read with U+FFFD in place of those bytes, which
 * `entente fmt` would write back (it refuses such files instead).
 */
export function encodingFindings(file: CharterFile): Finding[] {
    const invalid = file.invalidUtf8;
    if (!invalid) {
        return [];
    }
    const at = { line: invalid.line, character: invalid.character };
    return [{
        ruleId: 'syntax',
        severity: 'error',
        uri: URI.file(file.absolutePath).toString(),
        range: { start: at, end: { line: at.line, character: at.character + 1 } },
        message: `The file is not valid UTF-8: byte 0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${invalid.byteOffset} (save the file as UTF-8).`
    }];
}

/** The language services as the CLI uses them: the date rules use, and the configuration file if one was named. */
export function createCliServices(options: WorkspaceOptions, fileSystem: typeof NodeFileSystem = NodeFileSystem): CharterCoreServices {
    const services = createCharterCoreServices(fileSystem).Charter;
    services.charter.Settings.today = options.today;
    const configProvider = services.charter.ConfigProvider;
    if (configProvider instanceof NodeConfigProvider) {
        configProvider.rememberLookups = true;
    }
    if (options.configPath) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(options.configPath);
        } catch (error) {
            throw new CliError(`${options.configPath}: ${describeIoError(error, 'cannot read the configuration file').replace(/^no such file or folder$/, 'no such configuration file')}`);
        }
        if (!stat.isFile()) {
            const what = stat.isDirectory() ? 'is a folder' : 'is not a regular file';
            throw new CliError(`--config ${options.configPath}: ${what}, not a configuration file (name the entente.json itself)`);
        }
        if (configProvider instanceof NodeConfigProvider) {
            configProvider.explicitPath = path.resolve(options.configPath);
        }
    }
    return services;
}

/** A broken configuration stops the run with one line (the editor falls back to defaults instead). */
export function assertConfigurations(services: CharterCoreServices, files: CharterFile[]): void {
    for (const file of files) {
        try {
            services.charter.ConfigProvider.getConfig(URI.file(file.absolutePath).toString());
        } catch (error) {
            throw new CliError(error instanceof ConfigError ? displayConfigError(error.message) : String(error));
        }
    }
}

/** A configuration error with its file path relative to the current directory. */
function displayConfigError(message: string): string {
    const match = /^(\/[^:]+)(.*)$/s.exec(message);
    return match ? `${displayPathOf(match[1])}${match[2]}` : message;
}
