-- Notifications ordered per subject: `booking_id` becomes `subject` (`booking:<id>`), each row gets
-- its place in its subject's sequence and the instant of its change, leases get a column of their own,
-- and a failed try records whether the receiver was unavailable or refused it.
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`subject` text NOT NULL,
	`sequence` integer NOT NULL,
	`occurred_at` text NOT NULL,
	`payload` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` text NOT NULL,
	`leased_until` text,
	`last_error` text,
	`last_failure` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
INSERT INTO `__new_outbox` (`id`, `topic`, `subject`, `sequence`, `occurred_at`, `payload`, `state`, `attempts`, `next_attempt_at`, `leased_until`, `last_error`, `last_failure`, `created_at`, `delivered_at`)
SELECT `id`, `topic`, 'booking:' || `booking_id`,
  row_number() OVER (PARTITION BY `booking_id` ORDER BY `created_at`, `rowid`),
  `created_at`, `payload`, `state`, `attempts`, `next_attempt_at`, NULL, `last_error`,
  -- As api/domain/delivery-failure.ts tells them: 408, 429 and 5xx unavailable, any other answer refused.
  CASE WHEN `last_error` IS NULL THEN NULL
       WHEN `last_error` NOT GLOB 'receiver answered HTTP *' THEN 'unavailable'
       WHEN CAST(substr(`last_error`, 24) AS INTEGER) IN (408, 429)
         OR CAST(substr(`last_error`, 24) AS INTEGER) >= 500 THEN 'unavailable'
       ELSE 'refused' END,
  `created_at`, `delivered_at`
FROM `outbox`;
--> statement-breakpoint
DROP TABLE `outbox`;
--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_subject_sequence_unique` ON `outbox` (`subject`,`sequence`);
