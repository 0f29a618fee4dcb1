// What the language server's browser bundle gets for `node:fs` and `node:path`
// (scripts/build-web.mjs): no file exists, so no `entente.json` is looked for
// beyond the documents the editor opens. Only what the language package calls.
'use strict';
function missing() {
    const error = new Error('no file system in the browser');
    error.code = 'ENOENT';
    throw error;
}
module.exports = {
    existsSync: () => false,
    // `throwIfNoEntry: false` asks for undefined when nothing is there, and nothing ever is.
    lstatSync: (_path, options) => (options && options.throwIfNoEntry === false ? undefined : missing()),
    statSync: missing,
    readFileSync: missing,
    dirname: path => path.replace(/\/[^/]*\/?$/, '') || '/',
    join: (...parts) => parts.join('/').replace(/\/+/g, '/'),
    sep: '/'
};
