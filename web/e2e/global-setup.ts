// Starts, once for the whole run, what the browser tests need: the built app, the whole system (scripts/run: data
// stack + admission + booking + bot-runner, as today's harness did) and `vite preview` with the production-like proxy
// on a free port. global-teardown.ts stops it all; a SIGTERM/SIGHUP or an exit on the way stops it too.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium } from './support/chromium';
import { CAPTCHA_ANSWER, env } from './support/env';
import { freePort, killAllNow, listening, log, RESULTS, ROOT, runToEnd, start, stopAll, WEB } from './support/stack';
import { until } from './support/until';

const EXTERNAL = env.E2E_STACK === 'external';
const ROUND_PERIOD = env.E2E_ROUND_PERIOD ?? '40s';
const STACK_SCRIPT = env.E2E_STACK_SCRIPT ?? join(ROOT, 'scripts', 'run');
const STACK_TIMEOUT_MS = Number(env.E2E_STACK_TIMEOUT_S ?? 1500) * 1000;
const SERVICE_PORTS = [Number(env.ADMISSION_PORT ?? 8081), Number(env.BOOKING_PORT ?? 8082)];
const VITE = join(WEB, 'node_modules', '.bin', 'vite');

function stopOnSignals(): void {
  process.on('exit', killAllNow);
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything this run started…`);
      void stopAll()
        .catch(() => undefined)
        .finally(() => {
          killAllNow();
          process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
        });
    });
  }
}

export default async function globalSetup(): Promise<void> {
  assertChromium();
  mkdirSync(RESULTS, { recursive: true });
  // the last run's logs and screenshots (Playwright clears its own output folder itself)
  for (const name of readdirSync(RESULTS)) {
    if (name.endsWith('.log') || name === 'screens') rmSync(join(RESULTS, name), { recursive: true, force: true });
  }
  stopOnSignals();

  if (env.E2E_SKIP_BUILD !== '1' || !existsSync(join(WEB, 'dist', 'index.html'))) {
    log('building the web app (vite build)…');
    await runToEnd('vite-build', VITE, ['build'], WEB);
  }

  const opsToken =
    env.E2E_OPS_TOKEN ?? (EXTERNAL ? env.TICKETING_OPS_TOKEN : `e2e-ops-${randomBytes(12).toString('hex')}`);
  if (EXTERNAL) {
    if (!opsToken) throw new Error('E2E_STACK=external needs E2E_OPS_TOKEN (the running system’s ops token)');
    log('using the running system');
  } else {
    for (const port of SERVICE_PORTS) {
      if (await listening(port)) {
        throw new Error(
          `port ${port} is already in use: stop what runs there, or run against it with E2E_STACK=external E2E_OPS_TOKEN=…`,
        );
      }
    }
    log(
      `starting the system with ${STACK_SCRIPT} (round period ${ROUND_PERIOD}, always open; security letter fixed to TEST42; bots off)…`,
    );
    await start('stack', STACK_SCRIPT, [], {
      env: {
        TICKETING_ROUND_PERIOD: ROUND_PERIOD,
        TICKETING_ROUND_OPEN_FOR: ROUND_PERIOD,
        TICKETING_OPS_TOKEN: opsToken!,
        TICKETING_BOT_KEY: env.TICKETING_BOT_KEY ?? `e2e-bot-${randomBytes(12).toString('hex')}`,
        TICKETING_CAPTCHA_FIXED_ANSWER: CAPTCHA_ANSWER,
        BOTS_ENABLED: 'false',
        // no AOT cache training: its clean stop would write three caches the next test run's fresh build throws away
        TICKETING_AOT: 'off',
        // scripts/run serves the app too; on a port of its own, so a dev server on 5173 is no obstacle
        WEB_PORT: String(await freePort()),
      },
      readyLine: 'Ticketing-Warrior is running.',
      timeoutMs: STACK_TIMEOUT_MS,
      echo: (line) => line.startsWith('scripts/run') || /^\s+(admission|booking|bot-runner)\s/.test(line),
    });
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  log(`serving web/dist with vite preview on ${base}…`);
  await start('vite-preview', VITE, ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: WEB,
    env: { WEB_PORT: String(port) },
    readyLine: String(port),
    timeoutMs: 60_000,
  });
  await until(
    'the app and the proxied clock',
    async () => (await fetch(`${base}/`)).ok && (await fetch(`${base}/api/v1/clock`)).status === 200,
    { timeoutMs: 30_000 },
  );

  // the workers start after this and inherit the environment
  env.E2E_BASE_URL = base;
  env.E2E_OPS_TOKEN = opsToken;
}
