#!/usr/bin/env node
// Browser end-to-end tests: the real system (scripts/run: data stack + admission + booking + bot-runner), the built
// web app served by `vite preview` with the production-like proxy, and Debian's Chromium driven by playwright-core.
//
//   npm run e2e                    starts everything, runs the scenarios, stops everything (always)
//   E2E_STACK=external npm run e2e uses a system that is already running (E2E_OPS_TOKEN, booking with the test profile)
//
// Screenshots of every screen go to web/test-results/ (git-ignored), with the logs of everything started.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { assertChromium, openBrowser } from './browser.mjs';
import {
    freePort,
    killAllNow,
    listening,
    log,
    RESULTS,
    ROOT,
    runToEnd,
    sleep,
    start,
    stopAll,
    until,
    WEB,
} from './stack.mjs';

const env = process.env;
const EXTERNAL = env.E2E_STACK === 'external';
const OPS_TOKEN =
    env.E2E_OPS_TOKEN ?? (EXTERNAL ? env.TICKETING_OPS_TOKEN : `e2e-ops-${randomBytes(12).toString('hex')}`);
const BOT_KEY = env.TICKETING_BOT_KEY ?? `e2e-bot-${randomBytes(12).toString('hex')}`;
/** booking's `test` profile fixes the security letter to this (booking/src/main/resources/application-test.yml). */
const CAPTCHA_ANSWER = env.E2E_CAPTCHA_ANSWER ?? 'TEST42';
const ROUND_PERIOD = env.E2E_ROUND_PERIOD ?? '20s';
const STACK_SCRIPT = env.E2E_STACK_SCRIPT ?? join(ROOT, 'scripts', 'run');
const STACK_TIMEOUT_MS = Number(env.E2E_STACK_TIMEOUT_S ?? 1500) * 1000;
const SERVICE_PORTS = [Number(env.ADMISSION_PORT ?? 8081), Number(env.BOOKING_PORT ?? 8082)];

let base = ''; // http://127.0.0.1:<preview port>

// ---- teardown, whatever happens -------------------------------------------------------------------------------------
let stopping = false;
async function shutdown(code) {
    if (stopping) return;
    stopping = true;
    log('stopping everything this run started…');
    try {
        await stopAll();
    } catch (error) {
        console.error('e2e: stop failed:', error);
    }
    killAllNow();
    process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(130));
process.on('exit', killAllNow);
process.on('uncaughtException', (error) => {
    console.error('e2e: uncaught', error);
    void shutdown(1);
});

// ---- the API, through the same proxy the browser uses ---------------------------------------------------------------
async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
    const response = await fetch(base + path, {
        method,
        headers: {
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try {
        json = text ? JSON.parse(text) : undefined;
    } catch {
        json = text;
    }
    return { status: response.status, json };
}

async function expectStatus(call, status, what) {
    const result = await call;
    if (result.status !== status)
        throw new Error(`${what}: expected ${status}, got ${result.status} ${JSON.stringify(result.json)}`);
    return result.json;
}

/** The first event of a server-sent event stream read through the proxy, or an error if none comes in time. */
async function firstSseEvent(path, timeoutMs = 3_000) {
    const aborter = new AbortController();
    const timer = setTimeout(() => aborter.abort(), timeoutMs);
    try {
        const response = await fetch(base + path, { headers: { Accept: 'text/event-stream' }, signal: aborter.signal });
        if (!String(response.headers.get('content-type')).startsWith('text/event-stream')) {
            throw new Error(`${path}: content-type ${response.headers.get('content-type')}`);
        }
        const reader = response.body.getReader();
        let text = '';
        while (!/\n\n/.test(text)) {
            const { value, done } = await reader.read();
            if (done) break;
            text += Buffer.from(value).toString('utf8');
        }
        return text;
    } catch (error) {
        if (aborter.signal.aborted)
            throw new Error(`${path}: no event within ${timeoutMs} ms through the proxy (buffered?)`, { cause: error });
        throw error;
    } finally {
        clearTimeout(timer);
        aborter.abort();
    }
}

const nickname = (prefix) => `${prefix}_${randomBytes(3).toString('hex')}`;

/** Waits, if needed, for a round with at least `minLeftMs` of OPEN time left, so a whole scenario fits in it. */
async function freshRound(minLeftMs = 14_000) {
    const clock = await expectStatus(api('/api/v1/clock'), 200, 'clock');
    const now = Date.parse(clock.serverTime);
    const left = Date.parse(clock.round.closesAt) - now;
    if (clock.round.phase === 'OPEN' && left >= minLeftMs) return clock.round.id;
    const wait = Date.parse(clock.nextRound.opensAt) - now + 300;
    log(`waiting ${Math.round(wait / 100) / 10} s for the next round to open`);
    await sleep(wait);
    return clock.nextRound.id;
}

/** A player driven by API calls only: entered, admitted and past the security letter. */
async function apiPlayer(name) {
    const entered = await api('/api/v1/queue', { method: 'POST', body: { nickname: name } });
    if (entered.status !== 201 && entered.status !== 200)
        throw new Error(`enter ${name}: ${entered.status} ${JSON.stringify(entered.json)}`);
    const { ticketId } = entered.json;
    const view = await until(
        `${name} admitted`,
        async () => {
            const { json } = await api(`/api/v1/queue/${ticketId}`);
            if (json?.status === 'CLOSED') throw new Error(`${name}: the round closed before admission`);
            return json?.status === 'ADMITTED' && json.token ? json : undefined;
        },
        { timeoutMs: 15_000, everyMs: 100 },
    );
    const token = view.token;
    const letter = await expectStatus(api('/api/v1/captcha', { method: 'POST', token }), 201, 'captcha');
    await expectStatus(
        api(`/api/v1/captcha/${letter.captchaId}`, { method: 'POST', token, body: { answer: CAPTCHA_ANSWER } }),
        204,
        'captcha answer',
    );
    return { token, roundId: view.roundId, ticketId };
}

/** An API player that goes all the way: admitted, letter solved, a free seat held and booked. */
async function bookingPlayer(name) {
    const player = await apiPlayer(name);
    for (let attempt = 0; attempt < 5; attempt++) {
        const map = await expectStatus(
            api(`/api/v1/rounds/${player.roundId}/seats`, { token: player.token }),
            200,
            'seats',
        );
        const free = map.seats.filter((seat) => seat.status === 'AVAILABLE');
        if (free.length === 0) return;
        const seat = free[Math.floor(Math.random() * free.length)];
        const hold = await api(`/api/v1/rounds/${player.roundId}/holds`, {
            method: 'POST',
            token: player.token,
            body: { seatId: seat.id },
        });
        if (hold.status === 409) continue;
        if (hold.status !== 201) throw new Error(`hold: ${hold.status} ${JSON.stringify(hold.json)}`);
        const key = crypto.randomUUID();
        await expectStatus(
            api('/api/v1/bookings', {
                method: 'POST',
                token: player.token,
                body: { holdId: hold.json.holdId },
                headers: { 'Idempotency-Key': key },
            }),
            202,
            'booking',
        );
        return;
    }
}

const getAdmission = () =>
    expectStatus(api('/api/v1/admin/admission', { token: OPS_TOKEN }), 200, 'GET admin/admission');
const putAdmission = (settings) =>
    expectStatus(
        api('/api/v1/admin/admission', { method: 'PUT', token: OPS_TOKEN, body: settings }),
        200,
        'PUT admin/admission',
    );

// ---- browser helpers ------------------------------------------------------------------------------------------------
let shot = 0;
async function screenshot(page, name) {
    shot += 1;
    const file = join(RESULTS, `${String(shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`  screenshot ${file.replace(`${WEB}/`, 'web/')}`);
}

function watchConsole(page, label) {
    page.on('pageerror', (error) => log(`  [${label} page error] ${error.message}`));
    page.on('console', (message) => {
        if (message.type() === 'error') log(`  [${label} console] ${message.text()}`);
    });
}

/** The home screen with the clock synced and the last round's card filled in. */
async function homeReady(page) {
    await page.getByTestId('countdown').waitFor();
    await page
        .getByTestId('sync-note')
        .filter({ hasText: /서버 시간 기준|Server time/ })
        .waitFor({ timeout: 10_000 });
    await until(
        'the last round card',
        async () => !/불러오는 중|Loading/.test((await page.locator('.last-round').textContent()) ?? ''),
        { timeoutMs: 10_000 },
    );
}

/** Home → waiting room → security letter (a wrong answer first when `wrongFirst`) → seat map. */
async function playToSeatMap(page, name, { wrongFirst = false, onWaiting, navigate = true } = {}) {
    if (navigate) await page.goto(`${base}/#/`);
    await page.getByLabel('닉네임').fill(name);
    await page.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }).click();
    if (onWaiting) {
        await page.getByRole('heading', { name: '대기열' }).waitFor();
        await onWaiting();
    } else {
        // admitted at once, the waiting room may show for a frame only (a CI run missed it): either screen is fine
        await page
            .getByRole('heading', { name: /대기열|보안문자 입력/ })
            .first()
            .waitFor();
    }
    await page.getByRole('heading', { name: '보안문자 입력' }).waitFor({ timeout: 20_000 });
    const image = page.getByTestId('captcha-image');
    await image.waitFor();
    const input = page.getByLabel('보안문자', { exact: true });
    if (wrongFirst) {
        const first = await image.getAttribute('src');
        await input.fill('WRONG1');
        await page.getByRole('button', { name: '입력 완료' }).click();
        await page.getByRole('alert').filter({ hasText: '보안문자가 일치하지 않습니다' }).waitFor();
        await until('a new letter', async () => (await image.getAttribute('src')) !== first, { timeoutMs: 5_000 });
    }
    await input.fill(CAPTCHA_ANSWER.toLowerCase());
    await page.getByRole('button', { name: '입력 완료' }).click();
    await page.getByRole('heading', { name: '좌석 선택' }).waitFor();
    await page.locator('[data-seat-id]').first().waitFor();
}

async function holdAndBook(page, shotName) {
    await page.getByRole('button', { name: '좌석 선택 완료' }).click();
    await page.getByTestId('hold-timer').waitFor();
    if (shotName) await screenshot(page, shotName);
    await page.getByRole('button', { name: '예매 확정' }).click();
    await page.getByRole('heading', { name: '예매 결과' }).waitFor();
    await page.getByTestId('booking-status').filter({ hasText: '예매 성공!' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('rank').waitFor({ timeout: 15_000 });
}

/** A fresh browser profile for one scenario; a screenshot of the page if the scenario fails; always closed. */
async function withBrowser(label, options, run) {
    const browser = await openBrowser(options);
    watchConsole(browser.page, label);
    try {
        await run(browser.page);
    } catch (error) {
        await screenshot(browser.page, `FAILED-${label}`).catch(() => undefined);
        throw error;
    } finally {
        await browser.close();
    }
}

// ---- scenarios --------------------------------------------------------------------------------------------------------
const scenarios = [];
const scenario = (name, run) => scenarios.push({ name, run });

scenario('a player enters, waits, solves the letter, books a seat and sees a rank', async () => {
    const original = await getAdmission();
    try {
        await withBrowser('player', {}, async (page) => {
            await page.goto(`${base}/#/`);
            await homeReady(page);
            await screenshot(page, 'home');
            await freshRound(18_000);
            // hold the door so the waiting room has a line to show: two players ahead, admission paused
            await putAdmission({ ...original, paused: true });
            const ahead = [];
            for (const n of ['crowd', 'crowd']) {
                ahead.push(
                    await expectStatus(
                        api('/api/v1/queue', { method: 'POST', body: { nickname: nickname(n) } }),
                        201,
                        'crowd entry',
                    ),
                );
            }
            // the event stream passes the proxy unbuffered: the first event arrives while the stream stays open
            const event = await firstSseEvent(`/api/v1/queue/${ahead[1].ticketId}/events`);
            if (!/^event: ?position$/m.test(event)) throw new Error(`unexpected first event: ${event}`);
            await playToSeatMap(page, nickname('e2e'), {
                navigate: false,
                wrongFirst: true,
                onWaiting: async () => {
                    await page.getByTestId('position').filter({ hasText: /^3$/ }).waitFor({ timeout: 10_000 });
                    await page.getByTestId('ahead').filter({ hasText: '2명' }).waitFor();
                    await page.getByText('실시간 연결').waitFor(); // SSE, not the polling fallback
                    await screenshot(page, 'waiting-room');
                    await putAdmission({ ...original, paused: false });
                },
            });
            // keyboard only: the map has focus on the first available seat; two to the right, Enter
            const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-seat-id'));
            if (!focused) throw new Error('the seat map did not take the focus');
            await page.keyboard.press('ArrowRight');
            await page.keyboard.press('ArrowRight');
            const target = await page.evaluate(() => document.activeElement?.getAttribute('data-seat-id'));
            await page.keyboard.press('Enter');
            await page.getByTestId('seat-summary').filter({ hasText: target }).waitFor();
            log(`  picked ${target} with the keyboard (focus started on ${focused})`);
            await screenshot(page, 'seat-map');
            await holdAndBook(page, 'seat-held');
            const total = await page.getByTestId('total-time').textContent();
            const rank = await page.getByTestId('rank').textContent();
            if (!/상위 [\d.]+%/.test(rank ?? '')) throw new Error(`no top-% in the rank block: ${rank}`);
            await page.locator('.result canvas').first().waitFor();
            await sleep(500); // let the histogram draw
            log(`  booked ${target}: total ${total}; ${rank}`);
            await screenshot(page, 'result');
        });
    } finally {
        await putAdmission(original).catch(() => undefined);
    }
});

scenario('another player holds the picked seat first: seat-taken, and the player books another', async () => {
    await withBrowser('seat-taken', {}, async (page) => {
        await page.goto(`${base}/#/`);
        await homeReady(page);
        await freshRound(18_000);
        const rival = await apiPlayer(nickname('rival'));
        await playToSeatMap(page, nickname('e2e'), { navigate: false });

        // from here the browser's map is a moment old: its refreshes are held back while the rival takes the seat
        let release = () => undefined;
        const gate = new Promise((r) => (release = r));
        await page.route('**/api/v1/rounds/*/seats', async (route) => {
            await gate;
            await route.continue().catch(() => undefined);
        });
        await sleep(1_500); // a refresh already on its way lands first
        const target = await page.locator('[data-status="AVAILABLE"]').nth(3).getAttribute('data-seat-id');
        await page.locator(`[data-seat-id="${target}"]`).click();
        await page.getByTestId('seat-summary').filter({ hasText: target }).waitFor();
        await expectStatus(
            api(`/api/v1/rounds/${rival.roundId}/holds`, {
                method: 'POST',
                token: rival.token,
                body: { seatId: target },
            }),
            201,
            'rival hold',
        );
        await page.getByRole('button', { name: '좌석 선택 완료' }).click();
        await page.getByRole('alert').filter({ hasText: '이미 선택된 좌석입니다' }).waitFor();
        release();
        await page.unroute('**/api/v1/rounds/*/seats');
        await page.locator(`[data-seat-id="${target}"][data-status="HELD"]`).waitFor({ timeout: 5_000 });
        await screenshot(page, 'seat-taken');

        const other = await page.locator('[data-status="AVAILABLE"]').first().getAttribute('data-seat-id');
        await page.locator(`[data-seat-id="${other}"]`).click();
        await holdAndBook(page);
        log(`  ${target} was taken by the rival; booked ${other} instead`);
        await screenshot(page, 'result-after-seat-taken');
    });
});

scenario('ops change the admission rate; the admin API shows it; the live charts move', async () => {
    const original = await getAdmission();
    try {
        await withBrowser('ops', { viewport: { width: 1280, height: 1000 } }, async (page) => {
            await page.goto(`${base}/#/ops`);
            await page.getByLabel('운영 토큰').fill(OPS_TOKEN);
            await page.getByRole('button', { name: '접속' }).click();
            const rate = page.getByTestId('rate');
            await rate.waitFor();
            await until(
                'the current settings in the form',
                async () => Number(await rate.inputValue()) === original.ratePerSecond,
                { timeoutMs: 5_000 },
            );
            await freshRound(18_000);
            const wanted = original.ratePerSecond === 2.5 ? 3.5 : 2.5;
            await rate.fill(String(wanted));
            await page.getByTestId('save-admission').click();
            await page.getByText('✓ 저장했습니다').first().waitFor();
            const settings = await getAdmission();
            if (settings.ratePerSecond !== wanted)
                throw new Error(`GET admin/admission says ${settings.ratePerSecond}, not ${wanted}`);

            // a small crowd at the slow rate: a queue that drains, admissions per second, bookings, a sell-out curve
            const crowd = Array.from({ length: 10 }, (_, i) => (i < 6 ? bookingPlayer : apiPlayer)(nickname('crowd')));
            for (const player of crowd) player.catch(() => undefined); // reported by Promise.all below
            const stats = await until(
                'admin/stats to show the new rate for this round',
                async () => {
                    const { json } = await api('/api/v1/admin/stats', { token: OPS_TOKEN });
                    return json?.current?.settings?.ratePerSecond === wanted ? json : undefined;
                },
                { timeoutMs: 10_000, everyMs: 500 },
            );
            log(
                `  rate ${original.ratePerSecond} → ${wanted}/s; admin/stats of ${stats.currentRoundId}: entered ${stats.current.entered}, waiting ${stats.current.waiting}`,
            );
            await until(
                'a queue on the page',
                async () => Number((await page.getByTestId('stat-waiting').textContent())?.replace(/\D/g, '')) > 0,
                { timeoutMs: 5_000 },
            );
            await Promise.all(crowd);
            await until('four live charts', async () => (await page.locator('.ops-live canvas').count()) === 4, {
                timeoutMs: 5_000,
            });
            await sleep(2_500); // the last bookings reach the charts
            await screenshot(page, 'ops');
        });
    } finally {
        await putAdmission(original).catch(() => undefined);
    }
});

scenario('mobile home in Korean, then English from the toggle (remembered)', async () => {
    await withBrowser('mobile', { viewport: { width: 390, height: 844 } }, async (page) => {
        await page.goto(`${base}/#/`);
        await homeReady(page);
        await screenshot(page, 'home-mobile');
        await page.getByRole('button', { name: 'Switch to English' }).click();
        await page.getByRole('button', { name: /Join the queue|Wait for the open/ }).waitFor();
        await page.reload();
        await page.getByRole('button', { name: /Join the queue|Wait for the open/ }).waitFor();
        await homeReady(page);
        await screenshot(page, 'home-mobile-en');
    });
});

// ---- main -----------------------------------------------------------------------------------------------------------
async function main() {
    assertChromium();
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });

    if (env.E2E_SKIP_BUILD !== '1' || !existsSync(join(WEB, 'dist', 'index.html'))) {
        log('building the web app (vite build)…');
        await runToEnd('vite-build', join(WEB, 'node_modules', '.bin', 'vite'), ['build'], { cwd: WEB });
    }

    if (EXTERNAL) {
        if (!OPS_TOKEN) throw new Error('E2E_STACK=external needs E2E_OPS_TOKEN (the running system’s ops token)');
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
            `starting the system with ${STACK_SCRIPT} (round period ${ROUND_PERIOD}, always open; booking profile "test"; bots off)…`,
        );
        await start('stack', STACK_SCRIPT, [], {
            env: {
                TICKETING_ROUND_PERIOD: ROUND_PERIOD,
                TICKETING_ROUND_OPEN_FOR: ROUND_PERIOD,
                TICKETING_OPS_TOKEN: OPS_TOKEN,
                TICKETING_BOT_KEY: BOT_KEY,
                SPRING_PROFILES_ACTIVE: 'test',
                BOTS_ENABLED: 'false',
            },
            readyLine: 'Ticketing-Warrior is running.',
            timeoutMs: STACK_TIMEOUT_MS,
            echo: (line) => line.startsWith('scripts/run') || /^\s+(admission|booking|bot-runner)\s/.test(line),
        });
    }

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    log(`serving web/dist with vite preview on ${base}…`);
    await start(
        'vite-preview',
        join(WEB, 'node_modules', '.bin', 'vite'),
        ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
        {
            cwd: WEB,
            env: { WEB_PORT: String(port) },
            readyLine: String(port),
            timeoutMs: 60_000,
        },
    );
    await until(
        'the app and the proxied clock',
        async () => {
            const page = await fetch(`${base}/`);
            const clock = await api('/api/v1/clock');
            return page.ok && clock.status === 200;
        },
        { timeoutMs: 30_000 },
    );

    const only = env.E2E_ONLY;
    let passed = 0;
    let failed = 0;
    for (const { name, run } of scenarios) {
        if (only && !name.includes(only)) continue;
        log(`▶ ${name}`);
        const started = Date.now();
        try {
            await run();
            passed += 1;
            log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        } catch (error) {
            failed += 1;
            log(`✗ ${name}\n${error?.stack ?? error}`);
        }
    }
    log(`screenshots and logs: web/test-results/`);
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
}

main()
    .then((code) => shutdown(code))
    .catch((error) => {
        console.error(`e2e: ${error?.stack ?? error}`);
        console.log('e2e: 0 passed, 1 failed');
        void shutdown(1);
    });
