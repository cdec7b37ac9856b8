CREATE TABLE probe (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(40) NOT NULL,
  UNIQUE KEY uk_probe_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
