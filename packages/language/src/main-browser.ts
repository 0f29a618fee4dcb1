/// <reference lib="dom" />
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { createCharterServices } from './charter-module.js';
import { refreshCodeLensesOfDependents } from './lsp/code-lens-refresh.js';
import { registerPreviewHandler } from './lsp/preview-handler.js';
import { publishDiagnosticsWithVersion } from './lsp/versioned-diagnostics.js';

/**
 * The language server in a web worker (the playground, the web extension):
 * the same services as main.ts over the worker's messages instead of a
 * process's streams, with no file system (the documents the client opens are
 * the workspace). Bundled for browsers by scripts/build-web.mjs, where
 * `node:fs` and `node:path` are stand-ins (no `entente.json` is read).
 */
// In a dedicated worker `self` is the worker's scope; the DOM typings this project compiles with call it a Window.
const scope = self as unknown as Worker;
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const { shared, Charter } = createCharterServices({ connection, ...EmptyFileSystem });
publishDiagnosticsWithVersion(connection, shared);
registerPreviewHandler(connection, Charter);
refreshCodeLensesOfDependents(connection, shared);
startLanguageServer(shared);
