import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerClockProvider } from '../hooks/serverClock';
import { I18nProvider } from '../i18n/i18n';
import { mockApi } from '../test/api';
import { clockNow } from '../test/clock';
import { rememberBooking, rememberTicket } from '../lib/tickets';
import { Drill } from './Drill';

afterEach(() => vi.unstubAllGlobals());

const ROUND = '20261124T101500Z';
const TICKET = `${ROUND}-q3Yb0Jm4T1uXcN8e2kPZvA`;

/** Admission resumes the stored ticket and admits it at once. */
const admittedAt = (): [string, RegExp, () => { status?: number; body: unknown }][] => [
  ['GET', /^\/api\/v1\/clock$/, () => ({ body: clockNow({ id: ROUND, openForMs: 60_000 }) })],
  [
    'POST',
    /^\/api\/v1\/queue$/,
    () => ({ status: 200, body: { ticketId: TICKET, roundId: ROUND, position: 1, waiting: 1 } }),
  ],
  [
    'GET',
    /^\/api\/v1\/queue\//,
    () => ({
      body: { ticketId: TICKET, roundId: ROUND, status: 'ADMITTED', position: 1, ahead: 0, waiting: 0, token: 'tok' },
    }),
  ],
];

function enterAs(nickname: string) {
  render(
    <I18nProvider initial="ko">
      <ServerClockProvider>
        <Drill />
      </ServerClockProvider>
    </I18nProvider>,
  );
  fireEvent.change(screen.getByLabelText('닉네임'), { target: { value: nickname } });
  fireEvent.click(screen.getByRole('button', { name: /대기열 입장|미리 입장 대기/ }));
}

describe('drill', () => {
  it('takes a ticket that booked in this browser (a reload after booking) to its booking, not to a new letter', async () => {
    rememberTicket('티켓왕', TICKET);
    rememberBooking(TICKET, 'booking-7');
    const { calls } = mockApi(admittedAt());
    enterAs('티켓왕');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('예매 결과'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/bookings/booking-7')).toBe(true));
    expect(calls.some((c) => c.path.startsWith('/api/v1/captcha'))).toBe(false);
  });

  it('takes an admitted ticket without a booking to the security letter', async () => {
    rememberTicket('티켓왕', TICKET);
    rememberBooking(`${ROUND}-anotherTicketOfThisRoundX`, 'booking-8');
    const { calls } = mockApi(admittedAt());
    enterAs('티켓왕');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('보안문자 입력'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/captcha')).toBe(true));
  });
});
