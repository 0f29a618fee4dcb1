import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeBinary } from '../../scripts/node-versions.mjs';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { LspTestClient, pathToUri } from '../helpers/lsp-client.js';

/**
 * The installable packages as a charter team gets them: `npm pack` of the CLI
 * and the language server, installed from the tarballs (offline: they have no
 * dependencies) into a fresh git repository outside this workspace, with its
 * own package.json, charters and entente.json; then `npx entente …` and the
 * server over LSP from there, under Node 20, 22 and 24.
 */

const TODAY = ['--today', '2026-11-22'];
const PACKAGES = ['packages/cli', 'packages/language-server'];

function majorOf(node: string): number {
    return Number(execFileSync(node, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).trim());
}

/** The Node binary of a major version: this process's own, or one from scripts/node-versions.mjs. */
function nodeFor(major: number): { node: string } | { reason: string } {
    return Number(process.versions.node.split('.')[0]) === major ? { node: process.execPath } : nodeBinary(major);
}

describe('the installable packages, packed and installed', () => {
    let tarballs: string[] = [];
    let packDir: string;

    before(function () {
        this.timeout(120_000);
        packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-pack-'));
        tarballs = PACKAGES.map(folder => {
            const output = execFileSync('npm', ['pack', path.join(REPO_ROOT, folder), '--pack-destination', packDir, '--json', '--silent'],
                { cwd: packDir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
            const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
            return path.join(packDir, filename);
        });
    });
    after(() => fs.rmSync(packDir, { recursive: true, force: true }));

    describe('installable packages (npm pack)', () => {
        it('ship bundles and bins, no dependencies and no install scripts', () => {
            for (const [index, folder] of PACKAGES.entries()) {
                const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, folder, 'package.json'), 'utf8'));
                assert.equal(manifest.private, undefined, `${folder} is publishable`);
                assert.deepEqual(manifest.dependencies ?? {}, {}, `${folder} needs nothing at install time`);
                assert.equal(manifest.scripts, undefined, `${folder} runs no install scripts`);
                assert.match(manifest.engines.node, /^>=20\.10\.0$/);
                assert.equal(manifest.license, 'MIT');
                assert.match(manifest.repository.url, /github\.com\/entente-charters\/entente/);
                const listing = execFileSync('tar', ['tzf', tarballs[index]!], { encoding: 'utf8' }).split('\n').filter(Boolean);
                for (const needed of ['package/package.json', 'package/README.md', 'package/LICENSE']) {
                    assert.ok(listing.includes(needed), `${folder}: ${needed} in ${listing.join(', ')}`);
                }
                assert.ok(!listing.some(file => /\/src\/|\.ts$|\.map$/.test(file)), `${folder} ships no sources or maps: ${listing.join(', ')}`);
                for (const bin of Object.values(manifest.bin) as string[]) {
                    assert.ok(listing.includes(`package/${bin.replace(/^\.\//, '')}`), `${folder}: its bin ${bin} is packed`);
                }
            }
        });
    });

    for (const major of [20, 22, 24]) {
        describe(`a charter repository that installs the packages, under Node ${major}`, function () {
            this.timeout(120_000);
            let node: string;
            let repo: string;
            let env: NodeJS.ProcessEnv;
            const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
            const write = (name: string, text: string) => {
                fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
                fs.writeFileSync(path.join(repo, name), text);
            };
            const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
            const run = (command: string, args: string[]) => {
                const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', timeout: 90_000 });
                return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr + (result.error?.message ?? '') };
            };
            const npx = (...args: string[]) => run('npx', ['--no-install', 'entente', ...args]);

            before(function () {
                const found = nodeFor(major);
                if ('reason' in found) {
                    console.log(`      Node ${major} skipped: ${found.reason}`);
                    this.skip();
                }
                node = found.node;
                assert.equal(majorOf(node), major);
                repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `entente-adopt-node${major}-`)));
                // Node `major` first on PATH: npm, npx and the packages' bins (#!/usr/bin/env node) run on it.
                env = {
                    ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
                    NO_COLOR: '1', FORCE_COLOR: undefined, NODE_OPTIONS: undefined,
                    npm_config_update_notifier: 'false', npm_config_cache: path.join(repo, '.npm-cache'),
                    GIT_DIR: undefined, GIT_WORK_TREE: undefined
                };
                git('init', '-q', '-b', 'main');
                git('config', 'user.name', 'Alliance Team');
                git('config', 'user.email', 'alliances@example.invalid');
                git('config', 'commit.gpgsign', 'false');
                write('package.json', `${JSON.stringify({ name: 'alliance-charters', private: true, version: '1.0.0' }, null, 2)}\n`);
                write('.gitignore', 'node_modules/\n.npm-cache/\nout/\n');
                write('entente.json', `${JSON.stringify({ rules: { 'one-sided-decision-rights': 'error' } }, null, 4)}\n`);
                write('charters/acme-globex.charter', example('changes/01-decision-control/before.charter'));
                write('charters/orbit-kestrel.charter', example('broken/orbit-kestrel.charter'));
                write('charters/parties/orbit.charter', example('parties/orbit.charter'));
                write('charters/parties/kestrel.charter', example('parties/kestrel.charter'));
                const install = run('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', ...tarballs]);
                assert.equal(install.code, 0, `npm install of the tarballs, offline: ${install.stderr}`);
                git('add', '.');
                git('commit', '-q', '-m', 'Charters and Entente');
                // The pull request: the price list moves from the joint committee to Acme alone.
                write('charters/acme-globex.charter', example('changes/01-decision-control/after.charter'));
            });
            after(() => {
                if (repo) {
                    fs.rmSync(repo, { recursive: true, force: true });
                }
            });

            it('installs from the tarballs alone: both packages in devDependencies, nothing else in node_modules', () => {
                const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
                assert.deepEqual(Object.keys(manifest.devDependencies).sort(), ['@entente/cli', '@entente/language-server']);
                assert.deepEqual(fs.readdirSync(path.join(repo, 'node_modules')).filter(name => !name.startsWith('.')), ['@entente']);
                assert.deepEqual(fs.readdirSync(path.join(repo, 'node_modules/@entente')).sort(), ['cli', 'language-server']);
                assert.equal(run('node', ['-p', 'process.versions.node.split(".")[0]']).stdout.trim(), String(major));
                const version = npx('--version');
                assert.equal(version.code, 0, version.stderr);
                assert.equal(version.stdout.trim(), '0.1.0');
            });

            it('npx entente check: the findings of the repository, with its entente.json, as the workspace CLI finds them', () => {
                const installed = npx('check', 'charters', '--format', 'json', ...TODAY);
                assert.equal(installed.code, 1, `entente.json makes one-sided-decision-rights an error: ${installed.stderr}`);
                const report = JSON.parse(installed.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string }> }> };
                const broken = report.files.find(file => file.path === 'charters/orbit-kestrel.charter');
                assert.ok(broken?.diagnostics.some(d => d.rule === 'one-sided-decision-rights' && d.severity === 'error'), installed.stdout);
                const workspace = runCli(['check', 'charters', '--format', 'json', ...TODAY], { cwd: repo });
                assert.equal(installed.stdout, workspace.stdout);
            });

            it('npx entente score, render and fmt --check', () => {
                const score = npx('score', 'charters', ...TODAY);
                assert.equal(score.code, 0, score.stderr);
                assert.match(score.stdout, /^AcmeGlobex +\(charters\/acme-globex\.charter\)\n {2}Design \d+ · Execution not measured · Perceived not measured\n {2}overall +\d+/m);
                assert.match(score.stdout, /^OrbitKestrelDraft /m);
                const render = npx('render', 'charters', '--out', 'out', ...TODAY);
                assert.equal(render.code, 0, render.stderr);
                const written = fs.readdirSync(path.join(repo, 'out'), { recursive: true }).map(String);
                assert.ok(written.some(file => /acme-globex.*\.html$|AcmeGlobex.*\.html$/i.test(file)), written.join(', '));
                assert.ok(written.filter(file => file.endsWith('.svg')).length >= 5, written.join(', '));
                const html = fs.readFileSync(path.join(repo, 'out', written.find(file => file.endsWith('.html') && /acme/i.test(file))!), 'utf8');
                assert.match(html, /<svg/);
                const fmt = npx('fmt', '--check', 'charters');
                assert.equal(fmt.code, 0, fmt.stdout + fmt.stderr);
                write('charters/messy.charter', 'charter Messy {\nparties Orbit,Kestrel\n      vision "Messy."\n}\n');
                try {
                    const messy = npx('fmt', '--check', 'charters');
                    assert.equal(messy.code, 1, messy.stdout + messy.stderr);
                    assert.match(messy.stdout + messy.stderr, /messy\.charter/);
                } finally {
                    fs.rmSync(path.join(repo, 'charters/messy.charter'));
                }
            });

            it('npx entente diff --git HEAD: what the pull request does to governance', () => {
                const diff = npx('diff', '--git', 'HEAD', 'charters', '--format', 'markdown', ...TODAY);
                assert.equal(diff.code, 0, diff.stderr);
                assert.match(diff.stdout, /PriceList/);
                assert.match(diff.stdout, /joint.*Acme alone/);
            });

            it('the README quick start: npx entente init, then npx entente check passes; npx entente playground writes the page', () => {
                const team = path.join(repo, 'team');
                fs.mkdirSync(team);
                try {
                    const runIn = (args: string[]) => {
                        const result = spawnSync('npx', ['--no-install', 'entente', ...args], { cwd: team, env, encoding: 'utf8', timeout: 90_000 });
                        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
                    };
                    const init = runIn(['init', '--org', 'Acme', '--partner', 'Globex', '--kind', 'reseller', ...TODAY]);
                    assert.equal(init.code, 0, init.stderr);
                    assert.match(init.stdout, /created {2}charters\/acme-globex\.charter/);
                    const check = runIn(['check', 'charters', ...TODAY]);
                    assert.equal(check.code, 0, check.stdout + check.stderr);
                    assert.match(check.stdout, /No findings in 2 files/);
                    const playground = runIn(['playground', '--out', 'site']);
                    assert.equal(playground.code, 0, playground.stderr);
                    assert.match(fs.readFileSync(path.join(team, 'site/index.html'), 'utf8'), /<title>Entente playground/);
                } finally {
                    fs.rmSync(team, { recursive: true, force: true });
                }
            });

            it('the language server over LSP: diagnostics from the installed bin', async () => {
                const client = new LspTestClient(path.join(repo, 'node_modules/.bin/entente-language-server'), ['--stdio'], node, env);
                try {
                    client.settings = { entente: { today: '2026-11-22' } };
                    const result = await client.initialize(repo);
                    assert.ok(result.capabilities.hoverProvider, 'the server offers hover');
                    const file = path.join(repo, 'charters/orbit-kestrel.charter');
                    const diagnostics = await client.open(pathToUri(file), fs.readFileSync(file, 'utf8'));
                    const codes = new Set(diagnostics.map(d => String(d.code)));
                    assert.ok(codes.has('one-sided-decision-rights'), [...codes].join(', '));
                    assert.ok(codes.has('deadlock-risk'), [...codes].join(', '));
                    const broken = await client.change(pathToUri(file), 'charter Broken {\n    parties Orbit,\n}\n');
                    assert.ok(broken.some(d => d.code === 'syntax'), JSON.stringify(broken.map(d => d.code)));
                } finally {
                    await client.dispose();
                }
            });
        });
    }
});
