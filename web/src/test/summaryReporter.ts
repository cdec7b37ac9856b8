import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `web: N passed, N failed[, N skipped]`, after Vitest's own summary, so a CI that
 * reads closing lines counts these tests.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
      // a file that failed to load has no tests but is a failure all the same
      if (module.state() === 'failed' && ![...module.children.allTests()].length) failed += 1;
    }
    process.stdout.write(`\nweb: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
