// The production-like preview itself: what it answers to requests a browser does not send but a client may.
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { baseUrl } from './support/env';

/** The raw answer to `request` sent to the preview, or what was received when it stops answering for `waitMs`. */
function raw(request: string, waitMs = 5000): Promise<string> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.setTimeout(waitMs, () => {
      socket.destroy();
      resolve(received);
    });
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

test('an Upgrade request is refused at once instead of left unanswered (found by a probe)', async () => {
  for (const [path, upgrade] of [
    ['/api/v1/clock', 'websocket'],
    ['/', 'h2c'],
    ['/api/v1/leaderboard', 'foo'],
  ]) {
    const answer = await raw(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: ${upgrade}\r\n\r\n`,
    );
    expect(answer, `${path} with Upgrade: ${upgrade}`).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('application/problem+json');
  }
});
