import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { allRules } from '../rules/index.js';
import { ResolvedConfig, type ConfigProvider } from './charter-config.js';
import { CONFIG_FILE_NAME, ConfigError, parseConfig } from './config-file.js';

/** Far more than any real entente.json. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Finds the `entente.json` nearest a charter, from its folder up to the root,
 * or uses the one file it is told to (`--config`). Parsed files are cached by
 * path and modification time, so an edited file is read again.
 */
export class NodeConfigProvider implements ConfigProvider {
    /** A file given explicitly (the CLI's `--config`): used for every document. */
    explicitPath?: string;
    /**
     * Whether the file found for a folder may be remembered for the rest of
     * the run: the CLI's files do not change while it runs (a check of 2,000
     * files looked for entente.json up every folder twice a file). The editor
     * asks again each time, as a file may be created at any moment.
     */
    rememberLookups = false;
    protected readonly parsed = new Map<string, { mtimeMs: number; size: number; config: ResolvedConfig }>();
    protected readonly foundInFolder = new Map<string, string | undefined>();

    getConfig(documentUri: string): ResolvedConfig {
        const configPath = this.explicitPath ?? this.findConfigFile(documentUri);
        if (!configPath) {
            return new ResolvedConfig();
        }
        const stat = statOf(configPath);
        // A FIFO or a device named entente.json would block the read, or never end it.
        if (!stat.isFile()) {
            throw new ConfigError(`${configPath}: is not a regular file`);
        }
        if (stat.size > MAX_CONFIG_BYTES) {
            throw new ConfigError(`${configPath}: is ${stat.size} bytes, more than a configuration file may hold (${MAX_CONFIG_BYTES})`);
        }
        const cached = this.parsed.get(configPath);
        if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
            return cached.config;
        }
        const config = new ResolvedConfig(parseConfig(fs.readFileSync(configPath, 'utf8'), configPath, allRules), configPath);
        this.parsed.set(configPath, { mtimeMs: stat.mtimeMs, size: stat.size, config });
        return config;
    }

    /** Forgets what was read, e.g. after a configuration file changed. */
    clear(): void {
        this.parsed.clear();
        this.foundInFolder.clear();
    }

    protected findConfigFile(documentUri: string): string | undefined {
        const uri = URI.parse(documentUri);
        if (uri.scheme !== 'file') {
            return undefined;
        }
        const start = path.dirname(uri.fsPath);
        if (!this.rememberLookups) {
            return this.lookUp(start);
        }
        if (!this.foundInFolder.has(start)) {
            this.foundInFolder.set(start, this.lookUp(start));
        }
        return this.foundInFolder.get(start);
    }

    /** The nearest entente.json from a folder up to the root. */
    protected lookUp(start: string): string | undefined {
        let folder = start;
        for (;;) {
            const candidate = path.join(folder, CONFIG_FILE_NAME);
            // lstat: an entente.json that is a broken link or a link loop is the folder's configuration, and unusable, not none.
            if (fs.lstatSync(candidate, { throwIfNoEntry: false }) !== undefined) {
                return candidate;
            }
            const parent = path.dirname(folder);
            if (parent === folder) {
                return undefined;
            }
            folder = parent;
        }
    }
}

/** The configuration file's stat; a link to nothing or a link loop is a ConfigError saying so. */
function statOf(configPath: string): fs.Stats {
    try {
        return fs.statSync(configPath);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ELOOP' ? 'too many symbolic links (a link loop)'
            : code === 'ENOENT' ? 'a symbolic link to nothing'
            : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : `cannot be read (${code ?? String(error)})`;
        throw new ConfigError(`${configPath}: ${reason}`);
    }
}
