/** What the player holds once admitted: the admission token acts on booking for this round only. */
export interface Session {
  nickname: string;
  ticketId: string;
  roundId: string;
  token: string;
}
