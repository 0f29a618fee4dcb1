import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, createCharterCoreServices, NodeConfigProvider, type CharterCoreServices, type DocumentModel, type Finding } from '@entente/language';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'vscode-uri';
import { CliError } from './cli-error.js';
import { displayPathOf, findCharterFiles, readCharterFile, type CharterFile } from './files.js';
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

    /** Finds, reads, parses, links and checks every charter the paths name. */
    static async load(paths: string[], options: WorkspaceOptions = {}): Promise<CliWorkspace> {
        return CliWorkspace.fromFiles(readCharterFiles(paths), options);
    }

    /** Parses, links and checks charter files already read (from disk or elsewhere, e.g. git); an empty list is an empty workspace. */
    static async fromFiles(files: CharterFile[], options: WorkspaceOptions = {}): Promise<CliWorkspace> {
        const services = createCliServices(options);
        assertConfigurations(services, files);
        const workspace = new CliWorkspace(services);
        const documents = files.map(file => {
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
function readCharterFiles(paths: string[]): CharterFile[] {
    const filePaths = findCharterFiles(paths.length ? paths : ['.']);
    if (filePaths.length === 0) {
        throw new CliError(`no ${'.charter'} files found in ${paths.join(', ') || '.'}`);
    }
    return filePaths.map(filePath => readCharterFile(filePath));
}

/**
 * The reports of `entente check` on the files the paths name. A large
 * workspace is checked on several threads (`jobs` sets how many; 1 keeps to
 * one); should that fail, the check runs again on one.
 */
export async function checkCharterFiles(paths: string[], options: WorkspaceOptions & { jobs?: number } = {}): Promise<FileReport[]> {
    const files = readCharterFiles(paths);
    const threads = threadsFor(files, options.jobs);
    if (threads > 1) {
        assertConfigurations(createCliServices(options), files);
        try {
            const reports = await checkInParallel(files, options, threads);
            return reports.map(report => ({ ...report, findings: [...encodingFindings(report.file), ...report.findings] }));
        } catch (error) {
            process.stderr.write(`entente: checking on ${threads} threads failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); checking on one\n`);
        }
    }
    return (await CliWorkspace.fromFiles(files, options)).files;
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
        if (!fs.existsSync(options.configPath)) {
            throw new CliError(`${options.configPath}: no such configuration file`);
        }
        if (!fs.statSync(options.configPath).isFile()) {
            const what = fs.statSync(options.configPath).isDirectory() ? 'is a folder' : 'is not a regular file';
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
    const match = /^(\/[^:]+)(.*)$/.exec(message);
    return match ? `${displayPathOf(match[1])}${match[2]}` : message;
}
