import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, createCharterServices, NodeConfigProvider, type CharterServices, type DocumentModel, type Finding } from '@entente/language';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { URI } from 'vscode-uri';
import { CliError } from './cli-error.js';
import { displayPathOf, findCharterFiles, readCharterFile, type CharterFile } from './files.js';

/** One checked file: what was read, its model and its findings. */
export interface CheckedFile {
    file: CharterFile;
    document: LangiumDocument;
    model: DocumentModel;
    findings: Finding[];
}

export interface WorkspaceOptions {
    today?: string;
    /** An `entente.json` to use instead of the nearest one to each file. */
    configPath?: string;
}

/** The charter files named on the command line, loaded as one workspace so cross-file references resolve. */
export class CliWorkspace {
    readonly services: CharterServices;
    readonly files: CheckedFile[] = [];

    private constructor(services: CharterServices) {
        this.services = services;
    }

    /** Finds, reads, parses, links and checks every charter the paths name. */
    static async load(paths: string[], options: WorkspaceOptions = {}): Promise<CliWorkspace> {
        const filePaths = findCharterFiles(paths.length ? paths : ['.']);
        if (filePaths.length === 0) {
            throw new CliError(`no ${'.charter'} files found in ${paths.join(', ') || '.'}`);
        }
        return CliWorkspace.fromFiles(filePaths.map(filePath => readCharterFile(filePath)), options);
    }

    /** Parses, links and checks charter files already read (from disk or elsewhere, e.g. git); an empty list is an empty workspace. */
    static async fromFiles(files: CharterFile[], options: WorkspaceOptions = {}): Promise<CliWorkspace> {
        const services = createCharterServices(NodeFileSystem).Charter;
        services.charter.Settings.today = options.today;
        const configProvider = services.charter.ConfigProvider;
        if (options.configPath) {
            if (!fs.existsSync(options.configPath)) {
                throw new CliError(`${options.configPath}: no such configuration file`);
            }
            if (configProvider instanceof NodeConfigProvider) {
                configProvider.explicitPath = path.resolve(options.configPath);
            }
        }
        // A broken configuration stops the run with one line (the editor falls back to defaults instead).
        for (const file of files) {
            try {
                configProvider.getConfig(URI.file(file.absolutePath).toString());
            } catch (error) {
                throw new CliError(error instanceof ConfigError ? displayConfigError(error.message) : String(error));
            }
        }
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
                findings: services.charter.RuleRunner.run(document)
            });
        });
        return workspace;
    }
}

/** A configuration error with its file path relative to the current directory. */
function displayConfigError(message: string): string {
    const match = /^(\/[^:]+)(.*)$/.exec(message);
    return match ? `${displayPathOf(match[1])}${match[2]}` : message;
}
