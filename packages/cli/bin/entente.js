#!/usr/bin/env node
require('../dist/launch.cjs').launch(require('node:path').join(__dirname, '../dist/entente.cjs'));
