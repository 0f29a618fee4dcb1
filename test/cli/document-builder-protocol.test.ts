import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as protocol from 'vscode-languageserver-protocol';
import * as standIn from '../../packages/cli/src/document-builder-protocol.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe('what the CLI bundle gives Langium\'s document builder for the LSP protocol', () => {
    it('is the protocol\'s error class and error codes', () => {
        assert.equal(standIn.ResponseError, protocol.ResponseError);
        for (const [name, code] of Object.entries(standIn.LSPErrorCodes)) {
            assert.equal(code, protocol.LSPErrorCodes[name as keyof typeof protocol.LSPErrorCodes], name);
        }
        const used = fs.readFileSync(path.join(REPO_ROOT, 'node_modules/langium/lib/workspace/document-builder.js'), 'utf8').match(/LSPErrorCodes\.(\w+)/g) ?? [];
        assert.ok(used.length > 0);
        for (const use of used) {
            assert.ok(use.slice('LSPErrorCodes.'.length) in standIn.LSPErrorCodes, `${use} is given`);
        }
    });
});
