import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { createCharterServices } from './charter-module.js';
import { FrameGuard } from './lsp/frame-guard.js';
import { registerPortfolioHandler } from './lsp/portfolio-handler.js';
import { refreshCodeLensesOfDependents } from './lsp/code-lens-refresh.js';
import { registerPreviewHandler } from './lsp/preview-handler.js';
import { publishDiagnosticsWithVersion } from './lsp/versioned-diagnostics.js';

/** How an LSP client talks to the server: vscode-languageserver reads these from the command line. */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const USAGE = `Usage: entente-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
The Entente language server for .charter files. An editor's LSP client starts it
(docs/editors.md); run by hand, it waits for LSP messages on the transport named.
`;
const args = process.argv.slice(2);
// Run by hand without a transport, vscode-languageserver throws with a page of the bundle's minified code: say how instead.
if (args.includes('--help') || args.includes('-h') || !args.some(arg => TRANSPORTS.some(flag => arg === flag || arg.startsWith(`${flag}=`)))) {
    const asked = args.includes('--help') || args.includes('-h');
    (asked ? process.stdout : process.stderr).write(asked ? USAGE : `entente-language-server: name a transport. ${USAGE}`);
    process.exit(asked ? 0 : 2);
}

// The language server: over IPC when started by the VS Code client, over stdio with --stdio.
const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// A client that refuses a request (e.g. dynamic registration) must not take the server down.
process.on('unhandledRejection', reason => connection.console.error(`entente: unhandled rejection: ${String(reason)}`));
const { shared, Charter } = createCharterServices({ connection, ...NodeFileSystem });
publishDiagnosticsWithVersion(connection, shared);
registerPreviewHandler(connection, Charter);
refreshCodeLensesOfDependents(connection, shared);
registerPortfolioHandler(connection, Charter);
startLanguageServer(shared);

/**
 * Over stdio, standard input passes through a FrameGuard first: a malformed
 * frame is logged and ends the process (exit 1), so the client restarts the
 * server instead of talking to one that will never answer again.
 */
function stdioConnection(): Connection {
    const guard = new FrameGuard(reason => {
        process.stderr.write(`entente: malformed LSP message frame (${reason}); exiting so that the client restarts the server\n`);
        process.exit(1);
    });
    process.stdin.pipe(guard);
    const stdio = createConnection(ProposedFeatures.all, guard, process.stdout);
    // As createConnection does for --stdio: console output goes to the client's log, never into the protocol stream.
    console.log = (...args: unknown[]) => stdio.console.log(format(...args));
    console.info = (...args: unknown[]) => stdio.console.info(format(...args));
    console.warn = (...args: unknown[]) => stdio.console.warn(format(...args));
    console.error = (...args: unknown[]) => stdio.console.error(format(...args));
    return stdio;
}
