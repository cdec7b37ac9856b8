// Stops everything global-setup.ts started, newest first (the web server, then the system), always.
import { killAllNow, log, stopAll } from './support/stack';

export default async function globalTeardown(): Promise<void> {
  const stopped = await stopAll();
  killAllNow();
  if (stopped) log(`stopped ${stopped} process group(s); logs and screenshots: web/test-results/`);
}
