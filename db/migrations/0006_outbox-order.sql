-- Notifications ordered per subject: `booking_id` becomes `subject` (`booking:<id>`), each row gets
-- its place in its subject's sequence and the instant of its change, and leases get a column of their own.
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
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
INSERT INTO `__new_outbox` (`id`, `topic`, `subject`, `sequence`, `occurred_at`, `payload`, `state`, `attempts`, `next_attempt_at`, `leased_until`, `last_error`, `created_at`, `delivered_at`)
SELECT `id`, `topic`, 'booking:' || `booking_id`,
  row_number() OVER (PARTITION BY `booking_id` ORDER BY `created_at`, `rowid`),
  `created_at`, `payload`, `state`, `attempts`, `next_attempt_at`, NULL, `last_error`, `created_at`, `delivered_at`
FROM `outbox`;
--> statement-breakpoint
DROP TABLE `outbox`;
--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_subject_sequence_unique` ON `outbox` (`subject`,`sequence`);
