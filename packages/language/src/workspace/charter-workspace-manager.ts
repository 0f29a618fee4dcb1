import ignore, { type Ignore } from 'ignore';
import { DefaultWorkspaceManager, URI, UriUtils, type FileSystemNode, type LangiumDocument, type WorkspaceFolder } from 'langium';

/** The ignore file `entente check` honours too: charters git keeps but the workspace should skip (e.g. before/after pairs of one charter). */
export const ENTENTE_IGNORE_FILE = '.ententeignore';

interface ScopedIgnore {
    base: URI;
    rules: Ignore;
}

/**
 * Loads the workspace's charters as Langium does, but skips what a
 * `.ententeignore` file (gitignore syntax, in any folder) lists, so the
 * editor sees the same workspace as `entente check` on the folder.
 */
export class CharterWorkspaceManager extends DefaultWorkspaceManager {
    /** What the first check waits for once the files are loaded (the editor's settings), and for how long at most. */
    protected firstCheckGate?: { ready: Promise<void>; timeoutMs: number };

    /**
     * Makes the workspace's first check wait, once its files are loaded, until
     * `ready` settles or `timeoutMs` has passed. The language server waits for
     * the editor's settings so (`followEditorSettings`); edits and requests
     * wait behind the first check, as they do already.
     */
    waitBeforeFirstCheck(ready: Promise<void>, timeoutMs: number): void {
        this.firstCheckGate = { ready, timeoutMs };
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const documents = await super.performStartup(folders);
        const gate = this.firstCheckGate;
        if (gate) {
            let timer: ReturnType<typeof setTimeout> | undefined;
            await Promise.race([gate.ready, new Promise<void>(resolve => { timer = setTimeout(resolve, gate.timeoutMs); })]);
            clearTimeout(timer);
        }
        return documents;
    }

    override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        await this.traverseIgnoring(folderPath, uris, []);
    }

    protected async traverseIgnoring(folder: URI, uris: URI[], ignores: ScopedIgnore[]): Promise<void> {
        let content: FileSystemNode[];
        try {
            content = await this.fileSystemProvider.readDirectory(folder);
        } catch (error) {
            console.error('Failure to read directory content of ' + folder.toString(true), error);
            return;
        }
        const scoped = [...ignores];
        const ignoreFile = content.find(entry => entry.isFile && UriUtils.basename(entry.uri) === ENTENTE_IGNORE_FILE);
        if (ignoreFile) {
            try {
                scoped.push({ base: folder, rules: ignore().add(await this.fileSystemProvider.readFile(ignoreFile.uri)) });
            } catch {
                // An unreadable ignore file ignores nothing.
            }
        }
        await Promise.all(content.map(async entry => {
            if (!this.shouldIncludeEntry(entry) || isIgnored(entry, scoped)) {
                return;
            }
            if (entry.isDirectory) {
                await this.traverseIgnoring(entry.uri, uris, scoped);
            } else if (entry.isFile) {
                uris.push(entry.uri);
            }
        }));
    }
}

function isIgnored(entry: FileSystemNode, ignores: ScopedIgnore[]): boolean {
    return ignores.some(({ base, rules }) => {
        const relative = UriUtils.relative(base, entry.uri);
        return relative !== '' && !relative.startsWith('..') && rules.ignores(entry.isDirectory ? `${relative}/` : relative);
    });
}
