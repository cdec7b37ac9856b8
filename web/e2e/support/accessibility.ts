// The accessibility check the specs run on every screen they reach: axe-core (@axe-core/playwright) with the WCAG 2.0
// and 2.1 A/AA rules on the page as it is right now. A serious or critical violation fails the test (softly: the
// scenario goes on, so one run lists every screen's findings) with its rule id, help and the failing elements;
// moderate and minor ones are only logged.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { log } from './stack';

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Elements axe does not look at, each with why. Never a whole rule: an exclusion names the element it is about.
 * None today: even chart.js's charts pass, as the <canvas role="img"> react-chartjs-2 draws carries the chart's name.
 */
const EXCLUDED: { selector: string; why: string }[] = [];

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page and fails the test (softly) on any serious or critical violation, naming each. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await test.step(`accessibility: ${screen}`, async () => {
    const started = Date.now();
    let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
    for (const { selector } of EXCLUDED) builder = builder.exclude(selector);
    const { violations, incomplete } = await builder.analyze();
    const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    const other = violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
    const describe = (v: (typeof violations)[number]) =>
      `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
    // what axe could not decide (mostly contrast over a gradient or an image) is counted, for a person to look at
    const unsure = incomplete.reduce((n, v) => n + v.nodes.length, 0);
    log(
      `  axe ${screen}: ${blocking.length} serious/critical, ${other.length} other rule(s), ${unsure} element(s) to ` +
        `review by eye, in ${Date.now() - started} ms`,
    );
    for (const v of blocking) log(`    ${describe(v)}`);
    for (const v of other) log(`    (not failing) ${describe(v)}`);
    expect.soft(blocking.map(describe), `axe (WCAG 2.1 A/AA) on ${screen}: serious or critical violations`).toEqual([]);
  });
}
