import * as fs from 'node:fs';
import { isIP } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PROFILE_PREFERENCES } from '../../scripts/chromium.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

/** Makes `folder` a Chromium profile with PROFILE_PREFERENCES (scripts/chromium.mjs), for launchPersistentContext. */
export function writeChromiumProfile(folder: string): string {
    fs.mkdirSync(path.join(folder, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'Default/Preferences'), JSON.stringify(PROFILE_PREFERENCES));
    return folder;
}

/** Where each browser from launchChromium writes its NetLog. */
const netLogs = new WeakMap<Browser, string>();

/**
 * Launches headless Chromium with the shared switches (scripts/chromium.mjs) and a NetLog,
 * which closeChromium reads; a missing browser is a failure with the command that installs it.
 */
export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) {
        throw new Error(`${CHROMIUM} is missing: install it with 'apt-get install -y chromium' (.ci/run does)`);
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-chromium-'));
    const netLog = path.join(folder, 'netlog.json');
    try {
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--log-net-log=${netLog}`] });
        netLogs.set(browser, netLog);
        return browser;
    } catch (error) {
        fs.rmSync(folder, { recursive: true, force: true });
        throw error;
    }
}

/**
 * Closes a browser from launchChromium and fails when it tried to reach beyond this machine
 * (no network at test time): its NetLog has Chromium's own requests too, which no page sees.
 * The NetLog is kept when it shows such an attempt.
 */
export async function closeChromium(browser: Browser | undefined): Promise<void> {
    if (!browser) {
        return;
    }
    await browser.close();
    const netLog = netLogs.get(browser);
    if (!netLog) {
        throw new Error('closeChromium takes a browser from launchChromium');
    }
    if (!fs.existsSync(netLog)) {
        throw new Error(`Chromium wrote no NetLog to ${netLog}: the test cannot tell whether it stayed offline`);
    }
    const attempts = chromiumNetworkAttempts(netLog);
    if (attempts.length > 0) {
        throw new Error(`Chromium tried to reach beyond this machine (see ${netLog}):\n${attempts.join('\n')}`);
    }
    fs.rmSync(path.dirname(netLog), { recursive: true, force: true });
}

/** Whether a URL the browser requested stays on this machine (or is no network request at all: data:, blob:, about:…). */
export function isLocalUrl(url: string): boolean {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return false;
    }
    if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) {
        return true;
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * What Chromium sent beyond this machine by its NetLog (`--log-net-log`): DNS queries (its own
 * resolver's transactions, or the system resolver's tasks) and TCP connections to other
 * addresses. (A UDP "connect", which Chromium makes to a public DNS address to learn its route,
 * sends nothing and is not counted.) A missing file gives nothing.
 */
export function chromiumNetworkAttempts(netLogFile: string): string[] {
    if (!fs.existsSync(netLogFile)) {
        return [];
    }
    interface NetLog {
        constants: { logEventTypes: Record<string, number> };
        events: Array<{ type: number; params?: { hostname?: string; host?: string; address?: string } }>;
    }
    const text = fs.readFileSync(netLogFile, 'utf8');
    let netLog: NetLog;
    try {
        netLog = JSON.parse(text) as NetLog;
    } catch {
        // A browser that did not close cleanly leaves the events list open.
        netLog = JSON.parse(`${text.replace(/[,\s]*$/, '')}]}`) as NetLog;
    }
    const types = netLog.constants.logEventTypes;
    const attempts = new Set<string>();
    for (const event of netLog.events) {
        const params = event.params ?? {};
        if ((event.type === types.DNS_TRANSACTION || event.type === types.HOST_RESOLVER_SYSTEM_TASK) && (params.hostname ?? params.host)) {
            attempts.add(`chromium: DNS query ${params.hostname ?? params.host}`);
        } else if (event.type === types.TCP_CONNECT_ATTEMPT && params.address && !isLocalUrl(`http://${params.address}`)) {
            attempts.add(`chromium: connect ${params.address}`);
        }
    }
    return [...attempts];
}
