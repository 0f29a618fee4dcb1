import type * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as readlinePromises from 'node:readline/promises';
import { CliError } from '../cli-error.js';
import { parseChoice, parseDate, parseFlags, type Command, type CommandIO } from '../command.js';
import { charterTemplate, KIND_TITLES, KINDS, partyFile, type Kind, type TemplateInput } from '../init/templates.js';

/** Node's child_process and readline, loaded by init alone: every other command would pay for loading them at start-up. */
function load<T>(name: string): T {
    return createRequire(import.meta.url)(name) as T;
}

/** The extension's identifier on the marketplaces (publisher.name of packages/vscode). */
const EXTENSION_ID = 'entente.entente';
/** The GitHub Action of this repository (action.yml), as a workflow names it. */
const ACTION = 'entente-charters/entente@v0';

interface Answers {
    orgName: string;
    org: string;
    partnerName: string;
    partner: string;
    kind: Kind;
    dir: string;
    preCommit: boolean;
}

interface PlannedFile {
    /** Path relative to the current folder, as shown. */
    path: string;
    absolutePath: string;
    content: string;
    executable?: boolean;
}

export const initCommand: Command = {
    name: 'init',
    summary: 'Set up a charter repository: entente.json, a party file, a first charter, CI.',
    help: `Usage: entente init [options]

Sets up the current folder as a repository of partnership charters:
  entente.json                         the checker's configuration
  <dir>/parties/<org>.charter          your organisation, shared by every charter
  <dir>/<org>-<partner>.charter        a first charter for the kind of partnership
  .github/workflows/charters.yml       check, score and governance diff on pull requests
  .vscode/extensions.json              recommends the Entente extension
  .git/hooks/pre-commit                with --pre-commit: fmt --check and check of the staged charters
The charter is sound as written (entente check finds nothing) and marks with
// TODO what your team must decide. On a terminal it asks for what the flags
do not give (Enter takes the default); elsewhere the flags and defaults decide.
Nothing is overwritten without --force.

Options:
  --org NAME        your organisation's name (default: the folder's name)
  --org-id ID       its identifier in charters (default: the name's letters and digits)
  --partner NAME    the partner's name (default: Partner)
  --partner-id ID   its identifier (default: from the name)
  --kind KIND       ${KINDS.join(', ')} (default: co-development)
  --dir DIR         the folder of the charters (default: charters)
  --pre-commit      install a git pre-commit hook
  --today DATE      the date the charter's term starts from (YYYY-MM-DD; default: today)
  --yes, -y         ask nothing, even on a terminal
  --force           overwrite files that exist
  -h, --help        show this help

Exit codes: 0 done, 2 usage error, or a file exists (nothing is written then).`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            org: { type: 'string' },
            'org-id': { type: 'string' },
            partner: { type: 'string' },
            'partner-id': { type: 'string' },
            kind: { type: 'string' },
            dir: { type: 'string' },
            'pre-commit': { type: 'boolean' },
            today: { type: 'string' },
            yes: { type: 'boolean', short: 'y' },
            force: { type: 'boolean' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        if (positionals.length > 0) {
            throw new CliError(`init takes no paths; it sets up the current folder (see --help)`);
        }
        const today = parseDate(values.today, '--today') ?? new Date().toISOString().slice(0, 10);
        const defaults: Answers = {
            orgName: values.org ?? titleOf(path.basename(process.cwd())),
            org: '',
            partnerName: values.partner ?? 'Partner',
            partner: '',
            kind: parseChoice(values.kind, '--kind', KINDS, 'co-development'),
            dir: values.dir ?? 'charters',
            preCommit: values['pre-commit'] ?? false
        };
        const interactive = !values.yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
        const answers = interactive ? await ask(defaults, values, io) : defaults;
        answers.org = identifierOf(values['org-id'] ?? answers.org, answers.orgName, '--org-id');
        answers.partner = identifierOf(values['partner-id'] ?? answers.partner, answers.partnerName, '--partner-id');
        if (answers.partner === answers.org) {
            throw new CliError(`the partner's identifier is the same as your organisation's (${answers.org}); give another with --partner-id`);
        }
        const files = plan(answers, Number(today.slice(0, 4)));
        // Checked before anything is written, --force or not: init replaces files, never a folder, and never a file with a folder.
        const blocked = blockedPaths(files);
        if (blocked.length > 0) {
            throw new CliError(`${blocked.join('; ')}; nothing was written`);
        }
        const existing = files.filter(file => fs.existsSync(file.absolutePath));
        if (existing.length > 0 && !values.force) {
            throw new CliError(`${existing.map(file => file.path).join(', ')} ${existing.length === 1 ? 'exists' : 'exist'}; nothing was written (--force overwrites)`);
        }
        for (const file of files) {
            fs.mkdirSync(path.dirname(file.absolutePath), { recursive: true });
            fs.writeFileSync(file.absolutePath, file.content, file.executable ? { mode: 0o755 } : {});
            if (file.executable) {
                fs.chmodSync(file.absolutePath, 0o755);
            }
            io.out(`${existing.includes(file) ? 'overwrote' : 'created'}  ${file.path}\n`);
        }
        const charter = files.find(file => file.path.endsWith('.charter') && !file.path.includes('/parties/'))!;
        const todos = todoLines(files);
        io.out(`\n${todos.length} decisions for your team, marked // TODO:\n${todos.map(line => `  ${line}\n`).join('')}`);
        io.out(`\nNext:
  npm install --save-dev @entente/cli       if it is not installed yet
  npx entente check ${answers.dir}               findings (none yet: the TODOs are yours)
  npx entente render ${answers.dir} --out out    the governance map and health card of ${path.basename(charter.path)}
`);
        return 0;
    }
};

/** Asks on the terminal for what the flags did not give; Enter takes the default. */
async function ask(defaults: Answers, given: Record<string, unknown>, io: CommandIO): Promise<Answers> {
    const readline = load<typeof readlinePromises>('node:readline/promises').createInterface({ input: process.stdin, output: process.stdout });
    const question = async (prompt: string, fallback: string) => (await readline.question(`${prompt} [${fallback}]: `)).trim() || fallback;
    try {
        io.out('Setting up a repository of partnership charters. Enter takes the default in brackets.\n');
        const answers = { ...defaults };
        if (given.org === undefined) {
            answers.orgName = await question('Your organisation', defaults.orgName);
        }
        if (given.partner === undefined) {
            answers.partnerName = await question('The partner of the first charter', defaults.partnerName);
        }
        if (given.kind === undefined) {
            io.out(`Kinds of partnership:\n${KINDS.map((kind, index) => `  ${index + 1}. ${kind}: ${KIND_TITLES[kind]}\n`).join('')}`);
            for (;;) {
                const reply = await question('Kind (number or name)', defaults.kind);
                const kind = /^\d+$/.test(reply) ? KINDS[Number(reply) - 1] : KINDS.find(candidate => candidate === reply);
                if (kind) {
                    answers.kind = kind;
                    break;
                }
                io.out(`  one of 1-${KINDS.length} or ${KINDS.join(', ')}\n`);
            }
        }
        if (given.dir === undefined) {
            answers.dir = await question('Folder of the charters', defaults.dir);
        }
        if (given['pre-commit'] === undefined) {
            answers.preCommit = /^y(es)?$/i.test(await question('Install a git pre-commit hook? (y/n)', defaults.preCommit ? 'y' : 'n'));
        }
        return answers;
    } finally {
        readline.close();
    }
}

/** The files init writes, relative to the current folder. */
function plan(answers: Answers, year: number): PlannedFile[] {
    const input: TemplateInput = { org: answers.org, orgName: answers.orgName, partner: answers.partner, partnerName: answers.partnerName, year };
    const dir = answers.dir.replace(/\\/g, '/').replace(/\/+$/, '') || '.';
    if (path.isAbsolute(dir) || dir.split('/').includes('..')) {
        throw new CliError(`--dir takes a folder inside the current one, not '${answers.dir}'`);
    }
    const files: Array<Omit<PlannedFile, 'absolutePath'>> = [
        { path: 'entente.json', content: configFile() },
        { path: `${dir}/parties/${kebab(answers.org)}.charter`, content: partyFile(input) },
        { path: `${dir}/${kebab(answers.org)}-${kebab(answers.partner)}.charter`, content: charterTemplate(answers.kind, input) },
        { path: '.github/workflows/charters.yml', content: workflow(dir) },
        { path: '.vscode/extensions.json', content: `${JSON.stringify({ recommendations: [EXTENSION_ID] }, null, 4)}\n` }
    ];
    if (answers.preCommit) {
        const { hook, prefix } = preCommitHookPath();
        files.push({ path: hook, content: preCommitHook(dir, prefix), executable: true });
    }
    return files.map(file => ({ ...file, absolutePath: path.resolve(file.path) }));
}

/**
 * Why some planned files cannot be written: a folder stands where a file
 * goes (`.vscode/extensions.json` a folder), or a file where one of its
 * folders goes (`--dir notes`, notes a file).
 */
function blockedPaths(files: readonly PlannedFile[]): string[] {
    /** Each file (on disk, or one init writes: `--dir entente.json`) where a folder goes, with the planned files under it. */
    const filesUnderFile = new Map<string, string[]>();
    const folders: string[] = [];
    const planned = new Set(files.map(file => file.path));
    for (const file of files) {
        let folder = '';
        let foldersExist = true;
        for (const part of path.dirname(file.path).split('/').filter(name => name !== '.' && name !== '')) {
            folder = folder ? `${folder}/${part}` : part;
            // Below a folder that does not exist, nothing does (and a stat there is no use): only init's own files can be in the way.
            const stat: fs.Stats | undefined = foldersExist ? fs.statSync(folder, { throwIfNoEntry: false }) : undefined;
            if (planned.has(folder) || (stat !== undefined && !stat.isDirectory())) {
                filesUnderFile.set(folder, [...(filesUnderFile.get(folder) ?? []), file.path]);
                foldersExist = false;
                break;
            }
            foldersExist &&= stat !== undefined;
        }
        if (foldersExist && fs.statSync(file.absolutePath, { throwIfNoEntry: false })?.isDirectory()) {
            folders.push(`${file.path} is a folder, where init writes a file`);
        }
    }
    return [
        ...[...filesUnderFile].map(([blocker, under]) =>
            `${blocker} is a file${planned.has(blocker) ? ' init writes' : ''}, where init needs a folder (for ${under.join(', ')})`),
        ...folders
    ];
}

function configFile(): string {
    return `${JSON.stringify({
        $schema: 'https://raw.githubusercontent.com/entente-charters/entente/main/docs/entente.schema.json',
        rules: {}
    }, null, 4)}\n`;
}

function workflow(dir: string): string {
    return `# Checks the charters on every pull request: findings as annotations and in
# code scanning, the governance diff as a comment, the health in the job summary.
name: Charters
on:
  pull_request:
    paths: ['${dir}/**', 'entente.json']
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning
  pull-requests: write     # comment the governance diff

jobs:
  charters:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0               # the governance diff reads the base commit
      - uses: ${ACTION}
        with:
          paths: ${dir}
          fail-level: error
          sarif-file: entente.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: entente.sarif
          category: entente
`;
}

/** Where git keeps the pre-commit hook of the repository around the current folder, and the current folder's path from the repository's top. */
function preCommitHookPath(): { hook: string; prefix: string } {
    const result = load<typeof childProcess>('node:child_process').spawnSync('git', ['rev-parse', '--git-path', 'hooks/pre-commit', '--show-prefix'], { encoding: 'utf8' });
    const [hook, prefix = ''] = (result.stdout ?? '').split('\n');
    if (result.status !== 0 || !hook.trim()) {
        throw new CliError('--pre-commit: not inside a git repository (run git init first, or leave out --pre-commit)');
    }
    return { hook: path.relative(process.cwd(), path.resolve(hook.trim())).replace(/\\/g, '/'), prefix: prefix.trim().replace(/\/+$/, '') };
}

/**
 * The pre-commit hook: it checks what the commit records, the index, not the
 * working tree, where a file fixed but not added would hide the broken version
 * the commit takes, and a party file deleted with `git rm --cached` would still
 * be read. The layout of the charters the commit adds or changes (`fmt --check
 * --staged`, all in one process: one a charter cost a second each), then every
 * charter as staged (`check --staged`: the charters and `entente.json` as the
 * index holds them). Hooks written before `fmt --staged` existed pipe each
 * charter through `fmt --stdin --check`, which stays. Silent when all is
 * well; the findings when not. Git runs hooks at the repository's top; the
 * hook goes to the folder init ran in, where `entente.json` and
 * `node_modules` are.
 */
function preCommitHook(dir: string, prefix: string): string {
    const goToFolder = prefix ? `cd -- "$(git rev-parse --show-toplevel)"/${shellQuote(prefix)} || exit 2\n` : '';
    return `#!/bin/sh
# Written by entente init: the charters a commit records must be in the canonical
# layout and have no errors. They are checked as staged (the index), not as they are
# in the working tree: the layout of each charter it adds or changes, then every charter with
# entente.json as the commit records them (a party file staged for deletion is gone).
# Nothing is printed when all is well.
${goToFolder}changed=$(git -c core.quotePath=false diff --cached --name-only --relative -- ${shellQuote(dir)} entente.json) || exit 2
[ -n "$changed" ] || exit 0
status=0
npx --no-install entente fmt --check --staged ${shellQuote(dir)} > /dev/null || status=1
if ! report=$(npx --no-install entente check --staged --quiet ${shellQuote(dir)} 2>&1); then
    printf '%s\\n' "$report" >&2
    status=1
fi
exit $status
`;
}

function shellQuote(text: string): string {
    return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Every `// TODO` line of the charters written, as path:line and the text. */
function todoLines(files: PlannedFile[]): string[] {
    return files.filter(file => file.path.endsWith('.charter')).flatMap(file => file.content.split('\n')
        .map((line, index) => ({ line, number: index + 1 }))
        .filter(({ line }) => /\/\/ TODO/.test(line))
        .map(({ line, number }) => `${file.path}:${number}  ${line.trim().replace(/^\/\/ TODO:?\s*/, '')}`));
}

/** An identifier from a name: its letters and digits, each word capitalised ("acme corp." → AcmeCorp). */
function identifierOf(given: string, name: string, flag: string): string {
    if (given) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(given)) {
            throw new CliError(`${flag} takes an identifier (letters, digits, _; not starting with a digit), not '${given}'`);
        }
        return given;
    }
    const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
    const id = words.map(word => word[0]!.toUpperCase() + word.slice(1)).join('');
    if (!id) {
        throw new CliError(`'${name}' has no letters or digits to make an identifier from; give one with ${flag}`);
    }
    return /^[0-9]/.test(id) ? `P${id}` : id;
}

function kebab(id: string): string {
    return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

function titleOf(folder: string): string {
    const words = folder.split(/[^A-Za-z0-9]+/).filter(word => word && !/^(charters?|partnerships?|alliances?|repo)$/i.test(word));
    return words.length ? words.map(word => word[0]!.toUpperCase() + word.slice(1)).join(' ') : 'My Organisation';
}
