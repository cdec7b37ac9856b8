// Starting and stopping what the browser tests need: the whole system (scripts/run) and `vite preview` with the
// production-like proxy. Every child runs in its own process group, so stopping it stops everything under it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ROOT = resolve(WEB, '..');
/** Logs of everything started and the screenshots of every screen (git-ignored). */
export const RESULTS = join(WEB, 'test-results');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const log = (...args: unknown[]) => console.log('e2e:', ...args);

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** True if something accepts connections on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolveUp) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolveUp(true);
    });
    socket.once('error', () => resolveUp(false));
  });
}

interface Child {
  name: string;
  child: ChildProcess;
  exited: boolean;
  done: Promise<unknown>;
}

const children = new Set<Child>();

function spawnLogged(name: string, command: string, args: string[], cwd: string, env: Record<string, string>) {
  mkdirSync(RESULTS, { recursive: true });
  const logFile = join(RESULTS, `${name}.log`);
  const out = createWriteStream(logFile);
  // detached: its own process group, stopped as a whole
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry: Child = { name, child, exited: false, done: Promise.resolve() };
  entry.done = new Promise((r) =>
    child.once('exit', (code, signal) => {
      entry.exited = true;
      r({ code, signal });
    }),
  );
  children.add(entry);
  return { entry, out, logFile };
}

interface StartOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Resolves once this text appears in the output. */
  readyLine: string;
  timeoutMs: number;
  /** Which output lines to echo to the console as they come. */
  echo?: (line: string) => boolean;
}

/** Spawns a command in its own process group, its output teed to test-results/<name>.log; resolves when `readyLine` appears. */
export async function start(name: string, command: string, args: string[], options: StartOptions): Promise<void> {
  const { env = {}, cwd = ROOT, readyLine, timeoutMs, echo = () => false } = options;
  const { entry, out, logFile } = spawnLogged(name, command, args, cwd, env);
  let text = '';
  let onLine = () => undefined as unknown;
  const feed = (chunk: Buffer) => {
    out.write(chunk);
    const s = chunk.toString();
    text = (text + s).slice(-200_000);
    for (const line of s.split('\n')) if (line.trim() && echo(line)) log(`[${name}] ${line.trim()}`);
    onLine();
  };
  entry.child.stdout?.on('data', feed);
  entry.child.stderr?.on('data', feed);
  const ready = await Promise.race([
    new Promise<string>((r) => {
      onLine = () => text.includes(readyLine) && r('ready');
      onLine();
    }),
    entry.done.then((how) => `exited (${JSON.stringify(how)})`),
    sleep(timeoutMs).then(() => `not ready after ${Math.round(timeoutMs / 1000)} s`),
  ]);
  if (ready !== 'ready') {
    const tail = text.split('\n').slice(-40).join('\n');
    await stop(entry);
    throw new Error(`${name} ${ready}; last output (full log: ${logFile}):\n${tail}`);
  }
}

/** Runs a command to its end (output to test-results/<name>.log); throws unless it exits 0. */
export async function runToEnd(name: string, command: string, args: string[], cwd = ROOT): Promise<void> {
  const { entry, out } = spawnLogged(name, command, args, cwd, {});
  let tail = '';
  const feed = (chunk: Buffer) => {
    out.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
  };
  entry.child.stdout?.on('data', feed);
  entry.child.stderr?.on('data', feed);
  const code = await new Promise<number | null>((r) => entry.child.once('close', (c) => r(c)));
  entry.exited = true;
  children.delete(entry);
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${tail}`);
}

/** SIGTERM to the group leader (scripts/run stops its services in order), then the whole group, then SIGKILL. */
async function stop(entry: Child): Promise<void> {
  if (entry.exited) {
    children.delete(entry);
    return;
  }
  const pid = entry.child.pid!;
  const signal = (sig: NodeJS.Signals, group: boolean) => {
    try {
      process.kill(group ? -pid : pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM', false);
  const gone = await Promise.race([entry.done.then(() => true), sleep(60_000).then(() => false)]);
  // anything of the group still around (a grandchild that ignored its parent)
  signal(gone ? 'SIGTERM' : 'SIGKILL', true);
  if (!gone) await Promise.race([entry.done, sleep(5_000)]);
  children.delete(entry);
}

/** Stops every child still running, newest first (the web server before the system). Returns how many. */
export async function stopAll(): Promise<number> {
  const running = [...children].reverse();
  for (const entry of running) await stop(entry);
  return running.length;
}

/** Last resort when the process exits anyway: SIGKILL every group still running, synchronously. */
export function killAllNow(): void {
  for (const { child, exited } of children) {
    if (exited || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  children.clear();
}
