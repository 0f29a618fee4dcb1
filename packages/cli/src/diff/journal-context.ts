/**
 * Where a compared journal's charter is, when the files compared do not
 * declare it (`entente diff --git main journals`, or two journal files):
 * the nearest folder above them that holds it, loaded as `entente check
 * FOLDER` loads a folder, so the charter and the parties it names resolve.
 */
import * as path from 'node:path';
import { CliError } from '../cli-error.js';
import { fileKey, findCharterFiles, readCharterFile, type CharterFile } from '../files.js';
import type { CliWorkspace } from '../workspace.js';

/** The charters the workspace's journals are for (`for Name`) that no file of it declares. */
export function chartersMissing(workspace: CliWorkspace): Set<string> {
    return new Set(workspace.files.flatMap(file => (file.model.journals ?? [])
        .flatMap(journal => (journal.charter === undefined && journal.charterText ? [journal.charterText] : []))));
}

/**
 * One side's files as the search for a journal's charter reads them: the
 * working tree (`workingTree`), or the files as committed at a revision
 * (git-side's `treeAt`), so that each side of `diff --git A..B` finds the
 * charter where it is on that side, not where the working tree has it.
 */
export interface SideTree {
    /** The charter files (absolute paths) a search of the folder finds, as `entente check FOLDER` would; none when the folder is not there. */
    charterFiles(folder: string): string[];
    /** A charter file as read; a CliError when it cannot be. */
    read(file: string): CharterFile;
}

/** The files on disk, as `check` finds and reads them. */
export function workingTree(cwd = process.cwd()): SideTree {
    return {
        charterFiles(folder) {
            try {
                return findCharterFiles([folder], cwd);
            } catch (error) {
                if (!(error instanceof CliError)) {
                    throw error;
                }
                return [];
            }
        },
        read: file => readCharterFile(file, cwd)
    };
}

/** The charter files of the folder in the tree (the compared ones, by `fileKey`, left out), read: what is loaded beside the compared files. */
export function contextFilesIn(tree: SideTree, folder: string, compared: ReadonlySet<string>): CharterFile[] {
    return tree.charterFiles(folder).filter(file => !compared.has(fileKey(file))).map(file => tree.read(file));
}

/** Whether the text declares one of the charters (`charter Name`): a cheap look before a file is parsed. */
export function declaresOneOf(text: string, names: ReadonlySet<string>): boolean {
    for (const match of text.matchAll(/(?:^|[\s{}])charter\s+([_a-zA-Z]\w*)/g)) {
        if (names.has(match[1])) {
            return true;
        }
    }
    return false;
}

/**
 * The folder to load beside the compared files: from the folder of each
 * path given (a file's folder, a folder's parent) up to `top`, the first
 * whose charter files (the compared ones, by `fileKey`, left out) declare one of the
 * charters. A path outside `top` is searched in its own folder only.
 * Undefined when none does. The folders and files are those of `tree`
 * (default: the working tree).
 */
export function contextFolder(given: string[], top: string, charters: ReadonlySet<string>, compared: ReadonlySet<string>, cwd = process.cwd(), tree = workingTree(cwd)): string | undefined {
    const read = new Map<string, boolean>();
    const declares = (file: string) => {
        let answer = read.get(file);
        if (answer === undefined) {
            try {
                answer = declaresOneOf(tree.read(file).text, charters);
            } catch (error) {
                if (!(error instanceof CliError)) {
                    throw error;
                }
                answer = false; // unreadable here: `check` of that folder would say so; the diff looks further up
            }
            read.set(file, answer);
        }
        return answer;
    };
    const root = fileKey(path.resolve(cwd, top));
    for (const entry of given) {
        let folder = fileKey(path.dirname(path.resolve(cwd, entry)));
        const inside = folder === root || folder.startsWith(root + path.sep);
        for (;;) {
            const files = tree.charterFiles(folder);
            if (files.some(file => !compared.has(fileKey(file)) && declares(file))) {
                return folder;
            }
            const parent = path.dirname(folder);
            if (!inside || folder === root || parent === folder) {
                break;
            }
            folder = parent;
        }
    }
    return undefined;
}
