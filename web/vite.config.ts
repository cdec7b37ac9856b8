import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin, ProxyOptions } from 'vite';

// Same path routing as the production ALB / CloudFront (SPEC §10): the waiting room, the clock, the ops admin API and
// the JWKS go to admission; the bot control API to bot-runner; every other /api path to booking.
const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const admission = `http://127.0.0.1:${port('ADMISSION_PORT', 8081)}`;
const booking = `http://127.0.0.1:${port('BOOKING_PORT', 8082)}`;
const botRunner = `http://127.0.0.1:${port('BOT_RUNNER_PORT', 8083)}`;

const to = (target: string): ProxyOptions => ({
  target,
  // like the ALB: the services see the player's address in X-Forwarded-For (admission rate-limits per client)
  xfwd: true,
  configure: (proxy) => {
    // server-sent events must reach the browser as they are written: no buffering, no caching on the way
    proxy.on('proxyRes', (res) => {
      if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
        res.headers['cache-control'] = 'no-cache, no-transform';
        res.headers['x-accel-buffering'] = 'no';
      }
    });
  },
});

// Order matters: the first matching prefix wins, so the catch-all /api comes last.
export const apiProxy: Record<string, ProxyOptions> = {
  '/api/v1/queue': to(admission),
  '/api/v1/clock': to(admission),
  '/api/v1/admin': to(admission),
  '/.well-known': to(admission),
  '/api/v1/bots': to(botRunner),
  '/api': to(booking),
};

// The headers CloudFront adds to the web app (infrastructure's EdgeStack reads the same file): the production-like
// preview, and so the browser end-to-end suite, runs under the same Content-Security-Policy. Not the dev server, whose
// hot reload needs an inline script.
const securityHeaders = JSON.parse(readFileSync(new URL('./security-headers.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

// No route here is a WebSocket and the proxy passes none on, so `vite preview` left a request asking for an Upgrade
// (websocket, h2c) unanswered for ever; it is refused at once instead, as the services answer what they do not serve.
const UPGRADE_REFUSED = JSON.stringify({
  type: 'https://ticketing-warrior.dev/problems/invalid-request',
  title: 'Invalid request',
  status: 400,
  detail: 'No protocol upgrade is served here.',
});
export const refuseUpgrades: Plugin = {
  name: 'refuse-upgrades',
  configurePreviewServer(server) {
    server.httpServer.on('upgrade', (_request, socket) => {
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n' +
          `Content-Length: ${Buffer.byteLength(UPGRADE_REFUSED)}\r\nConnection: close\r\n\r\n${UPGRADE_REFUSED}`,
      );
    });
  },
};

const webPort = port('WEB_PORT', 5173);
const host = process.env.WEB_HOST ?? '127.0.0.1';

export default defineConfig({
  plugins: [react(), refuseUpgrades],
  server: { port: webPort, strictPort: true, host, proxy: apiProxy },
  preview: { port: webPort, strictPort: true, host, proxy: apiProxy, headers: securityHeaders },
  // source maps only in CI builds (the deploy keeps them as an artifact, out of the bucket), and 'hidden': the bundles
  // do not point at them. A local build has none for `vite preview` to serve
  build: { outDir: 'dist', sourcemap: process.env.CI ? 'hidden' : false, chunkSizeWarningLimit: 600 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    reporters: ['default', './src/test/summaryReporter.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // the machine has two cores shared with the JVM builds
    maxWorkers: 1,
    // a test of real 1 s polls waits up to 10 s for an answer (setup.ts: 5 s by default), on a loaded CI machine
    testTimeout: 30_000,
    css: false,
  },
});
