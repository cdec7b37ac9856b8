-- Human attempts of closed rounds, for debriefs and history (SPEC §12), written once per round by the archive
-- (INSERT ... ON DUPLICATE KEY UPDATE, so a second archive of the same round changes nothing). Runs on MySQL 8 (Aurora)
-- and MariaDB. The outcome is not kept here: it is read from bookings / rejected_bookings when an attempt is read, so
-- a confirmation that lands after the archive still shows.
CREATE TABLE attempts (
    round_id        CHAR(16)     NOT NULL,
    ticket_id       VARCHAR(64)  NOT NULL,
    -- base64url SHA-256 of nickname and device secret: compared byte for byte, never case-folded
    player_id       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    nickname        VARCHAR(40)  NOT NULL,
    queue_number    BIGINT       NOT NULL,
    -- entries in the round (admission's sequence) when it was archived; NULL when no longer known
    entered         BIGINT       NULL,
    entered_at      DATETIME(3)  NOT NULL,
    admitted_at     DATETIME(3)  NOT NULL,
    letter_at       DATETIME(3)  NULL,
    letter_answers  INT          NOT NULL,
    last_seat_at    DATETIME(3)  NULL,
    held_at         DATETIME(3)  NULL,
    booking_id      VARCHAR(64)  NULL,
    seat_id         VARCHAR(16)  NULL,
    booked_at       DATETIME(3)  NULL,
    booked_held_at  DATETIME(3)  NULL,
    -- the steps, derived from the times above, kept for the history's minima and the personal best's order
    entry_ms        BIGINT       NULL,
    wait_ms         BIGINT       NULL,
    letter_ms       BIGINT       NULL,
    pick_ms         BIGINT       NULL,
    confirm_ms      BIGINT       NULL,
    total_ms        BIGINT       NULL,
    -- JSON array of the seat attempts: [{"atMs", "seatId", "result", "takerSinceMs", "takerBot", "takerNickname"}]
    timeline        TEXT         NOT NULL,
    archived_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (round_id, ticket_id),
    KEY ix_attempts_player (player_id, round_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
