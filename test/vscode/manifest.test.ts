import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SemanticTokenTypes } from 'vscode-languageserver-protocol';
import { DATE_TOKEN_TYPE } from '../../packages/language/src/lsp/charter-semantic-token-provider.js';
import { REPO_ROOT } from '../helpers/cli.js';

const EXTENSION = path.join(REPO_ROOT, 'packages/vscode');

interface Manifest {
    name: string;
    publisher: string;
    main: string;
    engines: { vscode: string };
    activationEvents: string[];
    capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: unknown };
    contributes: {
        commands: Array<{ command: string; title: string; category: string }>;
        menus: Record<string, Array<{ command: string; when?: string }>>;
        keybindings: Array<{ command: string }>;
        configuration: { properties: Record<string, { default?: unknown; description?: string; markdownDescription?: string }> };
        languages: Array<{ id: string; extensions: string[]; configuration: string }>;
        semanticTokenTypes: Array<{ id: string; superType: string }>;
    };
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as Manifest;

function sourcesUnder(folder: string): string {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.ts'))
        .map(file => readFileSync(path.join(folder, file), 'utf8'))
        .join('\n');
}

describe('the extension manifest', () => {
    const extensionSource = sourcesUnder(path.join(EXTENSION, 'src/extension'));

    it('declares the language server\'s own semantic token type as a kind of a standard one, so themes colour it', () => {
        assert.ok(!(DATE_TOKEN_TYPE in SemanticTokenTypes));
        assert.deepEqual(manifest.contributes.semanticTokenTypes.map(type => [type.id, type.superType]), [[DATE_TOKEN_TYPE, SemanticTokenTypes.number]]);
    });

    it('registers every contributed command, and contributes every registered one', () => {
        const contributed = manifest.contributes.commands.map(command => command.command).sort();
        const registered = [...extensionSource.matchAll(/registerCommand\('([^']+)'/g)].map(match => match[1]).sort();
        assert.deepEqual(registered, contributed);
        for (const command of manifest.contributes.commands) {
            assert.equal(command.category, 'Entente');
        }
    });

    it('names only contributed commands in menus and key bindings', () => {
        const contributed = new Set(manifest.contributes.commands.map(command => command.command));
        const named = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings].map(item => item.command);
        assert.deepEqual(named.filter(command => !contributed.has(command)), []);
        assert.ok(manifest.contributes.menus['editor/title'].some(item =>
            item.command === 'entente.openPreviewToSide' && item.when === 'resourceLangId == charter'));
    });

    it('declares the charter language, trust and the VS Code it needs', () => {
        assert.equal(`${manifest.publisher}.${manifest.name}`, 'entente.entente');
        assert.equal(manifest.main, './dist/extension.cjs');
        assert.equal(manifest.engines.vscode, '^1.90.0');
        assert.deepEqual(manifest.contributes.languages.map(language => [language.id, language.extensions]), [['charter', ['.charter']]]);
        assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
        assert.ok(manifest.capabilities.virtualWorkspaces);
        assert.ok(manifest.activationEvents.includes('onWebviewPanel:entente.preview'), 'the preview must revive after a reload');
        // Everything is bundled: nothing may be needed from node_modules at run time except vscode itself.
        assert.ok(manifest.devDependencies['@types/vscode'].startsWith('1.90'), '@types/vscode must not be newer than engines.vscode');
    });

    it('documents each setting, including entente.today, the server trace and the preview options', () => {
        const properties = manifest.contributes.configuration.properties;
        for (const key of ['entente.today', 'entente.trace.server', 'entente.inlayHints.decisions', 'entente.inlayHints.bodies',
            'entente.inlayHints.escalations', 'entente.preview.defaultView', 'entente.preview.showRoles']) {
            assert.ok(properties[key], `${key} is not contributed`);
        }
        const readme = readFileSync(path.join(EXTENSION, 'README.md'), 'utf8');
        for (const [key, property] of Object.entries(properties)) {
            assert.ok(property.description || property.markdownDescription, `${key} has no description`);
            const short = key.replace(/^entente\.inlayHints\.(bodies|escalations)$/, '.$1');
            assert.ok(readme.includes(short), `${key} is not in the extension README`);
        }
    });

    it('has a language configuration with both comment styles, quotes that close themselves, and folding markers', () => {
        const configuration = JSON.parse(readFileSync(path.join(EXTENSION, manifest.contributes.languages[0].configuration), 'utf8')) as {
            comments: { lineComment: string; blockComment: string[] };
            autoClosingPairs: Array<{ open: string; close: string }>;
            folding: { markers: { start: string; end: string } };
            indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
        };
        assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
        assert.ok(configuration.autoClosingPairs.some(pair => pair.open === '"' && pair.close === '"'));
        assert.ok(new RegExp(configuration.folding.markers.start).test('    // #region parties'));
        assert.ok(new RegExp(configuration.indentationRules.increaseIndentPattern).test('    decision Budget {'));
        assert.ok(!new RegExp(configuration.indentationRules.increaseIndentPattern).test('    decision Budget { decided by Acme }'));
        assert.ok(new RegExp(configuration.indentationRules.decreaseIndentPattern).test('    }'));
    });
});
