// Starting and stopping what the browser tests need: the whole system (scripts/run) and `vite preview` with the
// production-like proxy. Every child runs in its own process group, so stopping it stops everything under it.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(WEB, '..');
export const RESULTS = join(WEB, 'test-results');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...args) => console.log('e2e:', ...args);

/** A TCP port nobody listens on right now. */
export function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.unref();
        server.on('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
    });
}

/** True if something accepts connections on 127.0.0.1:port. */
export function listening(port) {
    return new Promise((resolveUp) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => {
            socket.destroy();
            resolveUp(true);
        });
        socket.once('error', () => resolveUp(false));
    });
}

const children = new Set();

/**
 * Spawns a command in its own process group, its output teed to a log file; resolves when `readyLine` appears.
 * Returns { child, stop }.
 */
export async function start(name, command, args, { env = {}, cwd = ROOT, readyLine, timeoutMs, echo = () => false }) {
    mkdirSync(RESULTS, { recursive: true });
    const logFile = join(RESULTS, `${name}.log`);
    const out = createWriteStream(logFile);
    const child = spawn(command, args, {
        cwd,
        env: { ...process.env, ...env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const entry = { name, child, exited: false };
    children.add(entry);
    let text = '';
    let onLine = () => undefined;
    const feed = (chunk) => {
        out.write(chunk);
        const s = chunk.toString();
        text = (text + s).slice(-200_000);
        for (const line of s.split('\n')) if (line.trim() && echo(line)) log(`[${name}] ${line.trim()}`);
        onLine();
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    const exited = new Promise((r) =>
        child.once('exit', (code, signal) => {
            entry.exited = true;
            r({ code, signal });
        }),
    );
    const stop = () => stopEntry(entry, exited);
    if (!readyLine) return { child, stop, logFile };
    const ready = await Promise.race([
        new Promise((r) => {
            onLine = () => text.includes(readyLine) && r('ready');
            onLine();
        }),
        exited.then(({ code, signal }) => `exited (code ${code}, signal ${signal})`),
        sleep(timeoutMs).then(() => `not ready after ${Math.round(timeoutMs / 1000)} s`),
    ]);
    if (ready !== 'ready') {
        const tail = text.split('\n').slice(-40).join('\n');
        await stop();
        throw new Error(`${name} ${ready}; last output (full log: ${logFile}):\n${tail}`);
    }
    return { child, stop, logFile };
}

/** SIGTERM to the group leader (scripts/run stops its services in order), then the whole group, then SIGKILL. */
async function stopEntry(entry, exited) {
    if (entry.exited) {
        children.delete(entry);
        return;
    }
    const pid = entry.child.pid;
    const signal = (sig, group) => {
        try {
            process.kill(group ? -pid : pid, sig);
        } catch {
            // already gone
        }
    };
    signal('SIGTERM', false);
    const gone = await Promise.race([exited.then(() => true), sleep(60_000).then(() => false)]);
    // anything of the group still around (a grandchild that ignored its parent)
    signal(gone ? 'SIGTERM' : 'SIGKILL', true);
    if (!gone) await Promise.race([exited, sleep(5_000)]);
    children.delete(entry);
}

/** Last resort on process exit: SIGKILL every group we started, synchronously. */
export function killAllNow() {
    for (const { child, exited } of children) {
        if (exited) continue;
        try {
            process.kill(-child.pid, 'SIGKILL');
        } catch {
            // gone
        }
    }
    children.clear();
}

/** Stops every child still running, newest first. */
export async function stopAll() {
    for (const entry of [...children].reverse()) {
        // in order: the web server before the stack
        await stopEntry(entry, new Promise((r) => (entry.exited ? r() : entry.child.once('exit', r))));
    }
}

/** Polls `check` until it returns a truthy value. */
export async function until(what, check, { timeoutMs = 30_000, everyMs = 250 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        try {
            const value = await check();
            if (value) return value;
        } catch (error) {
            last = error;
        }
        await sleep(everyMs);
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

export { sleep, log };

/** Runs a command to its end (output to test-results/<name>.log); throws unless it exits 0. */
export async function runToEnd(name, command, args, { cwd = ROOT, env = {} } = {}) {
    mkdirSync(RESULTS, { recursive: true });
    const out = createWriteStream(join(RESULTS, `${name}.log`));
    const child = spawn(command, args, {
        cwd,
        env: { ...process.env, ...env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const entry = { name, child, exited: false };
    children.add(entry);
    let tail = '';
    const feed = (chunk) => {
        out.write(chunk);
        tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    const code = await new Promise((r) => child.once('close', (c) => r(c)));
    entry.exited = true;
    children.delete(entry);
    if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${tail}`);
}
