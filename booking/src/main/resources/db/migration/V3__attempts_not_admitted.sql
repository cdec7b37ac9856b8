-- Attempts of players the round closed on while they waited (decision 0012, its 2026-12-03 amendment): no admission,
-- and what admission's record said at the close instead. Runs on MySQL 8 (Aurora) and MariaDB.
ALTER TABLE attempts
    MODIFY admitted_at DATETIME(3) NULL,
    -- set only for a player never admitted: the close, the last admitted queue number, when (ms after open) the last
    -- admitted human entered (NULL when not known), and how many humans were admitted
    ADD COLUMN closed_at          DATETIME(3) NULL,
    ADD COLUMN served_at_close    BIGINT      NULL,
    ADD COLUMN admitted_within_ms BIGINT      NULL,
    ADD COLUMN admitted_humans    BIGINT      NULL;
