import packageJson from '../package.json' with { type: 'json' };
import { CliError } from './cli-error.js';
import type { Command, CommandIO } from './command.js';
import { terminalSafe } from './reporters/terminal-text.js';
import { calendarCommand } from './commands/calendar.js';
import { checkCommand } from './commands/check.js';
import { allowWorkerThreads } from './parallel/check-in-parallel.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { fmtCommand } from './commands/fmt.js';
import { initCommand } from './commands/init.js';
import { playgroundCommand } from './commands/playground.js';
import { portfolioCommand } from './commands/portfolio.js';
import { renderCommand } from './commands/render.js';
import { scoreCommand } from './commands/score.js';

const COMMANDS: Command[] = [checkCommand, scoreCommand, renderCommand, portfolioCommand, calendarCommand, fmtCommand, diffCommand, explainCommand, initCommand, playgroundCommand];

function usage(): string {
    const width = Math.max(...COMMANDS.map(command => command.name.length));
    return `Entente ${packageJson.version}: partnership charters as code.

Usage: entente <command> [paths...] [options]

Commands:
${COMMANDS.map(command => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run 'entente <command> --help' for a command's options.
Options: -h, --help  show this help;  -v, --version  print the version.
`;
}

/** Runs the CLI on the arguments; resolves to the exit code. */
export async function main(args: string[], io: CommandIO): Promise<number> {
    const [first, ...rest] = args;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
        io.out(usage());
        return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-v') {
        io.out(`${packageJson.version}\n`);
        return 0;
    }
    const command = COMMANDS.find(candidate => candidate.name === first);
    try {
        if (!command && first.startsWith('-')) {
            // `entente --format json check`: an option before any command.
            throw new CliError(`unknown option '${first}' before the command: write entente <command> [paths...] [options] (see --help)`);
        }
        if (!command) {
            throw new CliError(`unknown command '${first}' (commands: ${COMMANDS.map(c => c.name).join(', ')}; see --help)`);
        }
        return await command.run(rest, io);
    } catch (error) {
        if (error instanceof CliError) {
            // One line, whatever a file name holds.
            io.err(`entente: ${terminalSafe(error.message)}\n`);
            return error.exitCode;
        }
        io.err(`entente: internal error: ${terminalSafe(error instanceof Error ? error.message : String(error))} (please report this)\n`);
        return 2;
    }
}

/** The process entry: real streams, colour when the terminal supports it. */
export async function runProcess(): Promise<void> {
    const color = process.env.NO_COLOR === undefined && (process.env.FORCE_COLOR !== undefined || (process.stdout.isTTY ?? false));
    const io: CommandIO = {
        out: text => { process.stdout.write(text); },
        err: text => { process.stderr.write(text); },
        color
    };
    // A reader that stops early (`entente check | head`) closes the pipe: stop quietly, as other tools do.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'EPIPE') {
                process.exit(process.exitCode ?? 0);
            }
            throw error;
        });
    }
    // Large checks may run on worker threads, each running this same script.
    allowWorkerThreads(process.argv[1]);
    const code = await main(process.argv.slice(2), io);
    process.exitCode = code;
}
