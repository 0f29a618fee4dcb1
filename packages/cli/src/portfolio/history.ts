import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Portfolio } from '@entente/language';
import { CliError } from '../cli-error.js';
import { catFileBatch, gitBytes } from '../git.js';
import type { FileSystemNode } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { URI } from 'vscode-uri';
import { CHARTER_EXTENSION, displayPathOf } from '../files.js';
import { createCliServices } from '../workspace.js';

/** One commit of the history: its id, its date (the day the scores are computed for) and subject. */
export interface HistoryCommit {
    commit: string;
    date: string;
    subject: string;
}

/** What `--history N` found: the commits, oldest first, and how far back git could see. */
export interface PortfolioHistory {
    commits: HistoryCommit[];
    /** Fewer commits than asked for touched the files. */
    complete: boolean;
    /** The repository is a shallow clone: the history stops at its boundary. */
    shallow: boolean;
    /** One sentence for people: how far back the history goes. */
    note: string;
    /** Design score of each charter at each commit (null: not there, or not measured), by charter name, oldest first. */
    scores: Record<string, Array<number | null>>;
}

/**
 * The design scores of every charter at each of the last `count` commits
 * that touched the charter files under `paths`. Each commit is read with git
 * plumbing once (one `ls-tree` and one `cat-file --batch` for all its files),
 * never once per file, and scored as of its own date.
 */
export async function portfolioHistory(paths: string[], count: number, options: { configPath?: string; cwd?: string } = {}): Promise<PortfolioHistory> {
    const cwd = options.cwd ?? process.cwd();
    // The repository is the one holding the first path (which need not be the current folder's).
    const first = path.resolve(cwd, paths[0] ?? '.');
    const probe = fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first);
    const root = gitText(['rev-parse', '--show-toplevel'], probe, `${displayPathOf(probe)}: --history needs a git repository`).trim();
    const realRoot = fs.realpathSync(root);
    const pathspecs = (paths.length ? paths : ['.']).map(given => {
        const absolute = path.resolve(cwd, given);
        const inRepo = path.relative(realRoot, fs.existsSync(absolute) ? fs.realpathSync(absolute) : absolute);
        if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) {
            throw new CliError(`${given}: outside the git repository at ${root}`);
        }
        return inRepo === '' ? '.' : inRepo.split(path.sep).join('/');
    });
    const shallow = gitText(['rev-parse', '--is-shallow-repository'], root, 'cannot read the repository').trim() === 'true';
    const log = gitText(['log', `--max-count=${count}`, '--format=%H%x09%cs%x09%s', 'HEAD', '--', ...pathspecs], root, 'cannot read the history (no commit yet?)');
    const commits = log.split('\n').filter(Boolean).map(line => {
        const [commit, date, ...subject] = line.split('\t');
        return { commit, date, subject: subject.join('\t') };
    }).reverse();
    const scores: Record<string, Array<number | null>> = {};
    // One workspace for the whole walk: each commit changes a few files, and only those are parsed and
    // linked again (as the editor does after an edit); the rules and scores run again on every file,
    // since each commit is scored as of its own date.
    const files = new CommitFiles();
    const services = createCliServices({ configPath: options.configPath }, { fileSystemProvider: () => files });
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    // The rules run below, once per commit: Langium's own validation pass after each update is not needed.
    DocumentBuilder.updateBuildOptions = { validation: false };
    let previous = new Map<string, string>();
    for (const [index, commit] of commits.entries()) {
        const current = listAt(commit.commit, pathspecs, root, realRoot);
        const changed = [...current.entries()].filter(([uri, entry]) => previous.get(uri) !== entry.object);
        const deleted = [...previous.keys()].filter(uri => !current.has(uri));
        for (const [uri, text] of readObjects(changed.map(([uri, entry]) => ({ uri, ...entry })), root, commit.commit)) {
            files.texts.set(uri, text);
        }
        for (const uri of deleted) {
            files.texts.delete(uri);
        }
        services.charter.Settings.today = commit.date;
        if (index === 0) {
            const documents = [...current.keys()].map(uri => {
                const document = LangiumDocumentFactory.fromString(files.texts.get(uri) ?? '', URI.parse(uri));
                LangiumDocuments.addDocument(document);
                return document;
            });
            await DocumentBuilder.build(documents, { validation: false });
        } else if (changed.length > 0 || deleted.length > 0) {
            await DocumentBuilder.update(changed.map(([uri]) => URI.parse(uri)), deleted.map(uri => URI.parse(uri)));
        }
        for (const document of LangiumDocuments.all) {
            const findings = services.charter.RuleRunner.run(document);
            for (const charterHealth of services.charter.HealthScorer.score(document, findings)) {
                (scores[charterHealth.charter] ??= Array.from({ length: commits.length }, () => null))[index] = charterHealth.score;
            }
        }
        previous = new Map([...current.entries()].map(([uri, entry]) => [uri, entry.object]));
    }
    const complete = commits.length >= count;
    const oldest = commits[0];
    const note = commits.length === 0
        ? 'No commit touched these charters.'
        : complete
            ? `Scores at the last ${commits.length} commits that touched the charters, from ${oldest.date}.`
            : shallow
                ? `Only ${commits.length} of ${count} commits could be read: this is a shallow clone, whose history stops at ${oldest.commit.slice(0, 12)} (${oldest.date}); fetch more with git fetch --deepen.`
                : `Only ${commits.length} commits touched the charters (since ${oldest.date}).`;
    return { commits, complete, shallow, note, scores };
}

/** The texts of a commit's charter files, by URI, for the walk's one workspace; anything else is read from disk. */
class CommitFiles extends NodeFileSystemProvider {
    readonly texts = new Map<string, string>();

    override stat(uri: URI): Promise<FileSystemNode> {
        // A file of an old commit need not exist in the working tree.
        return this.texts.has(uri.toString()) ? Promise.resolve({ isFile: true, isDirectory: false, uri }) : super.stat(uri);
    }

    override readFile(uri: URI): Promise<string> {
        const text = this.texts.get(uri.toString());
        return text === undefined ? super.readFile(uri) : Promise.resolve(text);
    }

    override readFileSync(uri: URI): string {
        return this.texts.get(uri.toString()) ?? super.readFileSync(uri);
    }
}

/** The charter files under the pathspecs at a commit, by URI, with their object ids: one `ls-tree`. */
function listAt(commit: string, pathspecs: string[], root: string, realRoot: string): Map<string, { name: string; object: string }> {
    const listed = new Map<string, { name: string; object: string }>();
    for (const line of gitText(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...pathspecs], root, `cannot list ${commit}`).split('\0')) {
        const [meta, name] = line.split('\t');
        const [, type, object] = (meta ?? '').split(' ');
        if (type === 'blob' && name?.endsWith(CHARTER_EXTENSION) && !name.split('/').includes('node_modules')) {
            listed.set(URI.file(path.join(realRoot, ...name.split('/'))).toString(), { name, object });
        }
    }
    return listed;
}

/** The texts of the given objects: one `cat-file --batch` for all of them (none when nothing changed). */
function readObjects(entries: Array<{ uri: string; name: string; object: string }>, root: string, commit: string): Map<string, string> {
    const texts = new Map<string, string>();
    if (entries.length === 0) {
        return texts;
    }
    const answers = catFileBatch(entries.map(entry => entry.object), root, `cannot read the charters at ${commit.slice(0, 12)}`);
    entries.forEach((entry, index) => {
        const answer = answers[index];
        if (!('bytes' in answer)) {
            throw new CliError(`cannot read ${entry.name} at ${commit.slice(0, 12)} (${answer.why})`);
        }
        const text = answer.bytes.toString('utf8');
        // A binary file is read as empty: it declares nothing.
        texts.set(entry.uri, text.slice(0, 8192).includes('\0') ? '' : text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
    return texts;
}

function gitText(args: string[], cwd: string, failure: string): string {
    return gitBytes(args, cwd, failure).toString('utf8');
}

/** `71 → 80 → 92` (– where a charter did not exist or was not measured). */
export function trendText(scores: ReadonlyArray<number | null> | undefined): string {
    return scores ? scores.map(score => (score === null ? '–' : String(score))).join(' → ') : '';
}

/** Attaches the history to the portfolio (JSON carries it as `history`). */
export function withHistory(portfolio: Portfolio, history: PortfolioHistory): Portfolio & { history: PortfolioHistory } {
    return { ...portfolio, history };
}
