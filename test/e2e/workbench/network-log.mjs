//@ts-check
// Preloaded into the VS Code server (`node --import`) and so into the extension host, which
// the server forks with its own execArgv: records every DNS lookup and every socket connection
// to a host other than this machine, one JSON line each, in ENTENTE_WORKBENCH_NETWORK_LOG.
// It records and does not block, so the test sees what would have gone out; on this project's
// machines DNS only knows the npm registry, so such an attempt fails anyway.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const logFile = process.env.ENTENTE_WORKBENCH_NETWORK_LOG;

/** @param {unknown} host */
function isLocal(host) {
    if (typeof host !== 'string' || host === '') {
        return true;
    }
    const name = host.replace(/^\[|\]$/g, '').toLowerCase();
    return name === 'localhost' || name === '::1' || (net.isIP(name) === 4 && name.startsWith('127.')) || /^::ffff:127\.[\d.]+$/.test(name);
}

/**
 * @param {'lookup' | 'connect'} kind
 * @param {string} host
 * @param {unknown} [port]
 */
function record(kind, host, port) {
    if (!logFile) {
        return;
    }
    // Frames below the hook, to say which code asked.
    const stack = (new Error().stack ?? '').split('\n').slice(3, 9).map(line => line.trim());
    const entry = { kind, host, port: typeof port === 'number' || typeof port === 'string' ? Number(port) : undefined, pid: process.pid, process: process.argv.slice(2).find(arg => arg.startsWith('--type=')) ?? 'server', stack };
    try {
        appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
    } catch {
        // The run is over and its folder gone: nothing left to tell.
    }
}

const lookup = dns.lookup;
/** @type {typeof dns.lookup} */
// @ts-expect-error -- one wrapper for every overload of dns.lookup
dns.lookup = function (hostname, ...rest) {
    if (!isLocal(hostname)) {
        record('lookup', hostname);
    }
    // @ts-expect-error -- passes the caller's overload through unchanged
    return lookup.call(this, hostname, ...rest);
};

const lookupPromise = dns.promises.lookup;
/** @type {typeof dns.promises.lookup} */
// @ts-expect-error -- one wrapper for every overload of dns.promises.lookup
dns.promises.lookup = function (hostname, ...rest) {
    if (!isLocal(hostname)) {
        record('lookup', hostname);
    }
    // @ts-expect-error -- passes the caller's overload through unchanged
    return lookupPromise.call(this, hostname, ...rest);
};

// net.connect, tls.connect, http(s) agents and fetch (undici) all end here, with an IP or a name.
const connect = net.Socket.prototype.connect;
/** @this {net.Socket} @param {any[]} args -- connect's overloads, or Node's internal normalized array */
net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (first && typeof first === 'object' && !('path' in first && first.path)) {
        const host = first.host ?? 'localhost';
        if (!isLocal(host)) {
            record('connect', host, first.port);
        }
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
        const host = typeof args[1] === 'string' ? args[1] : 'localhost';
        if (!isLocal(host)) {
            record('connect', host, first);
        }
    }
    // @ts-expect-error -- passes the caller's overload through unchanged
    return connect.apply(this, args);
};
