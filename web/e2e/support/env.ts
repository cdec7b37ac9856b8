// What the tests share with the global setup: it starts the system and hands the address and the ops token over in
// the environment (workers start after it and inherit it).
export const env = process.env;

/** global-setup starts booking with TICKETING_CAPTCHA_FIXED_ANSWER set to this (tests only; refused under aws). */
export const CAPTCHA_ANSWER = env.E2E_CAPTCHA_ANSWER ?? 'TEST42';

function required(name: string): string {
  const value = env[name];
  if (!value)
    throw new Error(`${name} is not set: run the browser tests with \`npm run e2e\` (its global setup sets it)`);
  return value;
}

/** http://127.0.0.1:<vite preview port>: the app and, through its proxy, the API. */
export const baseUrl = () => required('E2E_BASE_URL');
export const opsToken = () => required('E2E_OPS_TOKEN');
