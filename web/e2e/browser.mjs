// Launches Debian's Chromium (/usr/bin/chromium) through playwright-core, never a downloaded browser build.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every run uses (see web/README.md); --user-data-dir is added per context, always fresh. */
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

export function assertChromium() {
    if (!existsSync(CHROMIUM)) {
        throw new Error(
            `Chromium not found at ${CHROMIUM}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
                '(or point CHROMIUM_PATH at a Chromium binary). Browsers are never downloaded by these tests.',
        );
    }
}

/**
 * A browser context in a fresh profile directory (playwright passes it as --user-data-dir), removed on close.
 * Returns { context, page, close }.
 */
export async function openBrowser({ viewport = { width: 1280, height: 860 }, locale = 'ko-KR' } = {}) {
    assertChromium();
    const profile = mkdtempSync(join(tmpdir(), 'tw-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport,
        locale,
        timezoneId: 'Asia/Seoul',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const close = async () => {
        try {
            await context.close();
        } finally {
            rmSync(profile, { recursive: true, force: true });
        }
    };
    return { context, page, close };
}
