import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const BIN = path.join(REPO_ROOT, 'packages/cli/bin/entente.js');

/** Runs the CLI and sends it a signal after a delay; resolves when it has exited. */
function runAndSignal(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<number | null> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
        const timer = setTimeout(() => child.kill(signal), afterMs);
        child.on('exit', code => { clearTimeout(timer); resolve(code); });
    });
}

/** Issue 21, item 6: render and fmt write all or nothing, and name clashes are refused before anything is written. */
describe('no partial output', function () {
    this.timeout(180_000);
    let folder: string;
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-partial-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('render refuses two charters with one name up front, writing nothing', () => {
        fs.writeFileSync(path.join(folder, 'a.charter'), 'party A {}\nparty B {}\ncharter Deal { parties A, B }\n');
        fs.writeFileSync(path.join(folder, 'b.charter'), 'charter Deal { parties A, B }\n');
        const out = path.join(folder, 'out');
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'Deal.html'), 'kept');
        const result = runCli(['render', folder, '--out', out]);
        assert.equal(result.code, 2);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, /charter 'Deal' is declared in .*a\.charter and .*b\.charter.*rename one \(nothing written\)/);
        assert.deepEqual(fs.readdirSync(out), ['Deal.html']);
        assert.equal(fs.readFileSync(path.join(out, 'Deal.html'), 'utf8'), 'kept');
    });

    it('render refuses an --out that is a file, or that cannot be made (/proc), with one line and no spinning', () => {
        fs.writeFileSync(path.join(folder, 'a.charter'), 'party A {}\nparty B {}\ncharter Deal { parties A, B }\n');
        fs.writeFileSync(path.join(folder, 'file'), 'x');
        const onFile = runCli(['render', path.join(folder, 'a.charter'), '--out', path.join(folder, 'file')]);
        assert.equal(onFile.code, 2);
        assert.match(onFile.stderr, /--out .*file: is not a folder\n$/);
        const started = Date.now();
        const inProc = runCli(['render', path.join(folder, 'a.charter'), '--out', '/proc/entente-x']);
        assert.equal(inProc.code, 2, inProc.stderr);
        assert.match(inProc.stderr, /^entente: cannot write .*proc\/entente-x.*\n$/);
        assert.ok(Date.now() - started < 30_000);
    });

    it('fmt interrupted by SIGINT or SIGTERM leaves no temporary file and either every file rewritten or none', async () => {
        const count = 300;
        const unformatted = (i: number) => `party   P${i}   {   role   Lead   }\n`;
        const prepare = (sub: string) => {
            fs.mkdirSync(sub);
            for (let i = 0; i < count; i++) {
                fs.writeFileSync(path.join(sub, `f${i}.charter`), unformatted(i));
            }
        };
        // Signals spread over a whole run, timed on this machine now, so some land while files are written.
        prepare(path.join(folder, 'timing'));
        const started = Date.now();
        assert.equal(runCli(['fmt', path.join(folder, 'timing')]).code, 0);
        const whole = Date.now() - started;
        const runs = [0.3, 0.45, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95].map((share, n) => [n % 2 ? 'SIGTERM' : 'SIGINT', Math.round(whole * share)] as const);
        for (const [n, [signal, delay]] of runs.entries()) {
            const sub = path.join(folder, `run${n}`);
            prepare(sub);
            await runAndSignal(['fmt', sub], signal, delay);
            const names = fs.readdirSync(sub);
            assert.deepEqual(names.filter(name => !name.endsWith('.charter')), [], `${signal} after ${delay} ms left temporary files`);
            const rewritten = names.filter(name => fs.readFileSync(path.join(sub, name), 'utf8') !== unformatted(Number(name.slice(1, -8)))).length;
            assert.ok(rewritten === 0 || rewritten === count, `${signal} after ${delay} ms: ${rewritten} of ${count} rewritten`);
        }
    });
});
