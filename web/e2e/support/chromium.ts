// Debian's Chromium (/usr/bin/chromium), never a downloaded browser build.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every run uses (see web/README.md). */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
        '(or point CHROMIUM_PATH at a Chromium binary). Browsers are never downloaded by these tests.',
    );
  }
}
