#!/usr/bin/env node
// The Entente language server: `entente-language-server --stdio` (or --node-ipc, --socket=PORT).
require('../dist/server.cjs');
