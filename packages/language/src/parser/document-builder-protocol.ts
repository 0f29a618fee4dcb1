/**
 * What Langium's document builder imports from `vscode-languageserver-protocol`,
 * for the CLI's bundle: the builder throws these errors only in answer to a
 * language client, and the protocol package (with its JSON-RPC transport) is a
 * fifth of the bundle, evaluated by every run. scripts/build.mjs points the
 * builder's import here; test/cli/document-builder-protocol.test.ts holds the
 * codes to the protocol's.
 */
export { ResponseError } from 'vscode-jsonrpc/lib/common/messages.js';

/** The LSP's error codes, as `vscode-languageserver-protocol` defines them. */
export const LSPErrorCodes = {
    RequestFailed: -32803,
    ServerCancelled: -32802,
    ContentModified: -32801,
    RequestCancelled: -32800
} as const;
