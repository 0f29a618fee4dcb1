import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error.js';
import { parseFlags, type Command } from '../command.js';
import { describeIoError } from '../files.js';

export const playgroundCommand: Command = {
    name: 'playground',
    summary: 'Write the playground: an editor with live findings and diagrams, one static page.',
    help: `Usage: entente playground --out DIR

Writes DIR/index.html: the Entente playground, one self-contained page with
an editor (CodeMirror), the language server in a web worker (findings,
completion, hover, formatting) and the live preview beside it (health card,
governance map, decision rights, escalation ladder, balance chart). Pick an
example or write a charter; the charter is kept in the link, so a link
shares it. It needs no server: open the file, or put it on any static host.

Options:
  --out DIR   the folder to write index.html into (created if missing)
  -h, --help  show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, { out: { type: 'string' } });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        if (positionals.length > 0 || !values.out) {
            throw new CliError('playground takes --out DIR and no paths (see --help)');
        }
        // Built by scripts/build-web.mjs beside the CLI's bundle (packages/cli/dist).
        const page = path.join(path.dirname(fileURLToPath(import.meta.url)), 'playground.html');
        let html: string;
        try {
            html = fs.readFileSync(page, 'utf8');
        } catch (error) {
            throw new CliError(`the playground is missing from this installation (${describeIoError(error, page)})`);
        }
        const target = path.join(values.out, 'index.html');
        try {
            fs.mkdirSync(values.out, { recursive: true });
            fs.writeFileSync(target, html);
        } catch (error) {
            throw new CliError(`${values.out}: ${describeIoError(error, 'cannot be written')}`);
        }
        io.out(`${target}\n`);
        return 0;
    }
};
