import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DISABLED_FEATURES, FEATURES_LEFT_ON } from '../../scripts/chromium.mjs';
import { CHROMIUM, CHROMIUM_ARGS, chromiumNetworkAttempts, closeChromium, launchChromium, writeChromiumProfile } from '../helpers/browser.js';

// Every Chromium of the tests and scripts starts with the switches of scripts/chromium.mjs, and
// the tests that use test/helpers/browser.ts fail when their Chromium tried to reach beyond this
// machine (its NetLog, read by closeChromium).

/** The command lines of this process's children (Linux: /proc). */
function childCommandLines(): Map<number, string[]> {
    const children = new Map<number, string[]>();
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) {
            continue;
        }
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
            // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (parent === process.pid) {
                children.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(arg => arg !== ''));
            }
        } catch {
            // gone meanwhile
        }
    }
    return children;
}

describe('Chromium in the tests', function () {
    this.timeout(60_000);

    describe('a browser from launchChromium', () => {
        let browser: Browser | undefined;
        let commandLine: string[];

        before(async function () {
            if (process.platform !== 'linux') {
                this.skip();
            }
            const before = new Set(childCommandLines().keys());
            browser = await launchChromium();
            const started = [...childCommandLines()].filter(([pid, args]) => !before.has(pid) && args.includes('--remote-debugging-pipe'));
            assert.equal(started.length, 1, `one new Chromium process: ${JSON.stringify(started)}`);
            commandLine = started[0]![1];
        });
        after(async () => {
            await closeChromium(browser);
        });

        it('runs with the shared switches, after Playwright\'s', () => {
            // Playwright appends --user-data-dir and --remote-debugging-pipe to the arguments it is given.
            const given = commandLine.slice(0, commandLine.indexOf('--remote-debugging-pipe')).filter(arg => !arg.startsWith('--user-data-dir='));
            assert.deepEqual(given.slice(-CHROMIUM_ARGS.length - 1, -1), CHROMIUM_ARGS);
            assert.match(given.at(-1)!, /^--log-net-log=/);
        });

        it('keeps every feature Playwright switches off switched off (Chromium keeps only the last --disable-features)', () => {
            const lists = commandLine.filter(arg => arg.startsWith('--disable-features=')).map(arg => arg.slice('--disable-features='.length).split(','));
            assert.ok(lists.length >= 2, `Playwright's list and ours: ${JSON.stringify(lists)}`);
            assert.deepEqual(lists.at(-1), DISABLED_FEATURES);
            const playwrights = lists[0]!;
            const dropped = playwrights.filter(feature => !DISABLED_FEATURES.includes(feature) && !FEATURES_LEFT_ON.includes(feature));
            assert.deepEqual(dropped, [], 'Playwright switches these off too: add them to DISABLED_FEATURES in scripts/chromium.mjs');
            assert.ok(DISABLED_FEATURES.includes('NetworkTimeServiceQuerying'));
        });

        // A request from the page, not a navigation: a main frame that fails to resolve a name makes
        // Chromium probe DNS for google.com past the resolver rule (its error page's DNS probe; only the
        // profile preference alternate_error_pages.enabled stops it). closeChromium would report it.
        it('answers a name beyond this machine with "not found" without asking DNS, and still reaches this machine', async () => {
            const server = http.createServer((_request, response) => response.end('<title>here</title>'));
            await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
            const port = (server.address() as AddressInfo).port;
            const page = await browser!.newPage();
            try {
                for (const host of ['127.0.0.1', 'localhost']) {
                    await page.goto(`http://${host}:${port}/`);
                    assert.equal(await page.title(), 'here', host);
                }
                const failed: string[] = [];
                page.on('requestfailed', request => failed.push(`${request.url()} ${request.failure()?.errorText}`));
                const outcome = await page.evaluate(() => fetch('https://example.com/', { mode: 'no-cors' }).then(() => 'reached', () => 'failed'));
                assert.equal(outcome, 'failed');
                assert.deepEqual(failed, ['https://example.com/ net::ERR_NAME_NOT_RESOLVED']);
            } finally {
                await page.close();
                server.close();
            }
        });
    });

    it('runs no DNS probe past the resolver rule after a failed navigation in a profile of its own', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-profile-'));
        const netLog = path.join(folder, 'netlog.json');
        try {
            const context = await chromium.launchPersistentContext(writeChromiumProfile(path.join(folder, 'profile')), {
                executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--log-net-log=${netLog}`]
            });
            try {
                const page = context.pages()[0] ?? await context.newPage();
                await assert.rejects(page.goto('https://example.com/'), /ERR_NAME_NOT_RESOLVED/);
                // The probe starts as the error page commits.
                await page.waitForTimeout(1000);
            } finally {
                await context.close();
            }
            assert.ok(fs.existsSync(netLog), 'Chromium wrote its NetLog');
            assert.deepEqual(chromiumNetworkAttempts(netLog), []);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('reads Chromium\'s DNS queries and outside connections from its NetLog, also one left open', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-netlog-'));
        try {
            const constants = { logEventTypes: { DNS_TRANSACTION: 1, HOST_RESOLVER_SYSTEM_TASK: 2, TCP_CONNECT_ATTEMPT: 3, UDP_CONNECT: 4 } };
            const events = [
                { type: 1, params: { hostname: 'accounts.google.com', query_type: 1 } },
                { type: 1, params: { hostname: 'accounts.google.com', query_type: 28 } },
                { type: 2, params: { hostname: 'update.googleapis.com' } },
                { type: 3, params: { address: '127.0.0.1:41231' } },
                { type: 3, params: { address: '142.250.0.1:443' } },
                { type: 3, params: { address: '[2001:4860:4860::8888]:443' } },
                // Chromium's route probe: a UDP socket "connected" to a public address sends nothing.
                { type: 4, params: { address: '[2001:4860:4860::8888]:443' } },
                { type: 3 }
            ];
            const expected = ['chromium: DNS query accounts.google.com', 'chromium: DNS query update.googleapis.com', 'chromium: connect 142.250.0.1:443', 'chromium: connect [2001:4860:4860::8888]:443'];
            const closed = path.join(folder, 'closed.json');
            fs.writeFileSync(closed, JSON.stringify({ constants, events }));
            assert.deepEqual(chromiumNetworkAttempts(closed), expected);
            const open = path.join(folder, 'open.json');
            fs.writeFileSync(open, `${JSON.stringify({ constants, events }).slice(0, -2)},\n`);
            assert.deepEqual(chromiumNetworkAttempts(open), expected);
            assert.deepEqual(chromiumNetworkAttempts(path.join(folder, 'missing.json')), []);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
