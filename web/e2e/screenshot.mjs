#!/usr/bin/env node
// One screenshot of a page with Debian's Chromium: node e2e/screenshot.mjs URL OUT.png [WIDTH HEIGHT]
import { openBrowser } from './browser.mjs';

const [url, out, width = '1280', height = '860'] = process.argv.slice(2);
if (!url || !out) {
    console.error('usage: node e2e/screenshot.mjs URL OUT.png [WIDTH HEIGHT]');
    process.exit(2);
}
const browser = await openBrowser({ viewport: { width: Number(width), height: Number(height) } });
try {
    await browser.page.goto(url, { waitUntil: 'networkidle' }).catch(() => browser.page.goto(url));
    await browser.page.waitForTimeout(1500);
    await browser.page.screenshot({ path: out, fullPage: true });
    console.log(out);
} finally {
    await browser.close();
}
