import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { REPO_ROOT } from '../helpers/cli.js';
import { LspTestClient } from '../helpers/lsp-client.js';

const EXTENSION = path.join(REPO_ROOT, 'packages/vscode');
const MANIFEST = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as { name: string; version: string };
const VSIX = path.join(EXTENSION, `${MANIFEST.name}-${MANIFEST.version}.vsix`);

/** The entries of a zip file (a .vsix is one), read from its central directory. */
function zipEntries(file: string): Map<string, { size: number; read: () => Buffer }> {
    const zip = readFileSync(file);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(end >= 0, 'not a zip file');
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const entries = new Map<string, { size: number; read: () => Buffer }>();
    for (let i = 0; i < count; i++) {
        assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'bad central directory');
        const method = zip.readUInt16LE(offset + 10);
        const compressedSize = zip.readUInt32LE(offset + 20);
        const size = zip.readUInt32LE(offset + 24);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        const local = zip.readUInt32LE(offset + 42);
        const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
        entries.set(name, {
            size,
            read: () => {
                const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
                const data = zip.subarray(start, start + compressedSize);
                return method === 0 ? data : inflateRawSync(data);
            }
        });
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

describe('the packaged extension (npm run package)', function () {
    this.timeout(120_000);
    let entries: Map<string, { size: number; read: () => Buffer }>;

    before(() => {
        // Offline on purpose: packaging must not need the network.
        const offline = { ...process.env, npm_config_offline: 'true', HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' };
        for (const script of [['esbuild.mjs', '--production'], ['scripts/package.mjs']]) {
            const result = spawnSync(process.execPath, script, { cwd: EXTENSION, env: offline, encoding: 'utf8', timeout: 110_000 });
            assert.equal(result.status, 0, `${script.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
        }
        entries = zipEntries(VSIX);
    });

    it('holds the bundles, the contributions and the docs the manifest names', () => {
        for (const expected of [
            'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
            'extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/dist/webview.js', 'extension/dist/webview.css',
            'extension/dist/extension-web.cjs', 'extension/dist/server-web.js',
            'extension/syntaxes/charter.tmLanguage.json', 'extension/language-configuration.json', 'extension/snippets/charter.json',
            'extension/media/icon.png', 'extension/media/charter-file.svg', 'extension/schemas/entente.schema.json', 'extension.vsixmanifest'
        ]) {
            assert.ok(entries.has(expected), `${expected} missing from the vsix: ${[...entries.keys()].join(', ')}`);
        }
        const manifest = JSON.parse(entries.get('extension/package.json')!.read().toString('utf8')) as {
            main: string; browser: string; icon: string;
            contributes: { grammars: Array<{ path: string }>; languages: Array<{ configuration: string }>; jsonValidation: Array<{ url: string }> };
        };
        const named = [manifest.main, manifest.browser, manifest.icon, manifest.contributes.grammars[0].path, manifest.contributes.languages[0].configuration,
            manifest.contributes.jsonValidation[0].url];
        for (const file of named) {
            assert.ok(entries.has(path.posix.join('extension', file)), `${file} (named by package.json) is not in the vsix`);
        }
    });

    it('holds every rule docs page of the repository, for "Show Rule Documentation" offline', () => {
        const docs = path.join(REPO_ROOT, 'docs/rules');
        const pages = existsSync(docs) ? readdirSync(docs).filter(name => name.endsWith('.md')) : [];
        assert.deepEqual(pages.filter(page => !entries.has(`extension/docs/rules/${page}`)), []);
    });

    it('holds no sources, tests, source maps or node_modules', () => {
        const unwanted = [...entries.keys()].filter(name =>
            /(^|\/)(src|test|out|node_modules|scripts)\//.test(name) || /\.(ts|map|mjs)$/.test(name) || name.endsWith('.vsix'));
        assert.deepEqual(unwanted, []);
    });

    it('stays within its size budgets: vsix 3 MiB, bundled server 2 MiB', () => {
        assert.ok(statSync(VSIX).size <= 3 * 1024 * 1024, `vsix is ${statSync(VSIX).size} bytes`);
        assert.ok(entries.get('extension/dist/server.cjs')!.size <= 2 * 1024 * 1024);
    });

    it('ships the server the repository builds and the bench measures, byte for byte (one server build)', () => {
        const built = readFileSync(path.join(REPO_ROOT, 'packages/language/dist/server.cjs'));
        assert.ok(entries.get('extension/dist/server.cjs')!.read().equals(built), 'the .vsix server is packages/language/dist/server.cjs');
    });

    it('ships a self-contained server: unpacked alone, it answers initialize and publishes diagnostics', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'entente-vsix-'));
        const server = path.join(folder, 'server.cjs');
        writeFileSync(server, entries.get('extension/dist/server.cjs')!.read());
        const client = new LspTestClient(server, ['--stdio']);
        try {
            const result = await client.initialize();
            assert.ok(result.capabilities.hoverProvider);
            const diagnostics = await client.open('file:///vsix/solo.charter', 'party Acme {}\ncharter Solo { parties Acme }\n');
            assert.ok(diagnostics.some(diagnostic => diagnostic.code === 'too-few-parties'));
        } finally {
            await client.dispose();
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
