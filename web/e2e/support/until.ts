import { sleep } from './stack';

/** Polls `check` until it returns a truthy value, which it returns; throws with the last error after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false | null | 0 | ''>,
  { timeoutMs = 30_000, everyMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}
