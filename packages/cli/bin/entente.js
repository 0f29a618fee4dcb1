#!/usr/bin/env node
import '../dist/entente.mjs';
