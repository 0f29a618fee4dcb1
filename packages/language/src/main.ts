import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createCharterServices } from './charter-module.js';
import { registerPortfolioHandler } from './lsp/portfolio-handler.js';
import { registerPreviewHandler } from './lsp/preview-handler.js';
import { publishDiagnosticsWithVersion } from './lsp/versioned-diagnostics.js';

// The language server: over IPC when started by the VS Code client, over stdio with --stdio.
const connection = createConnection(ProposedFeatures.all);
// A client that refuses a request (e.g. dynamic registration) must not take the server down.
process.on('unhandledRejection', reason => connection.console.error(`entente: unhandled rejection: ${String(reason)}`));
const { shared, Charter } = createCharterServices({ connection, ...NodeFileSystem });
publishDiagnosticsWithVersion(connection, shared);
registerPreviewHandler(connection, Charter);
registerPortfolioHandler(connection, Charter);
startLanguageServer(shared);
