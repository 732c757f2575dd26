-- E-mail joins the outbox: each notification gets its channel (every existing one is a webhook)
-- and, for an e-mail, the sealed manage token its links need; a subject is ordered per channel.
-- Bookings keep the visitor's zone, call mode and page, and when their personal data were erased;
-- advisors get a video room.
DROP INDEX `outbox_due_idx`;--> statement-breakpoint
DROP INDEX `outbox_subject_sequence_unique`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `channel` text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sealed_token` text;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`channel`,`state`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_subject_sequence_unique` ON `outbox` (`subject`,`channel`,`sequence`);--> statement-breakpoint
ALTER TABLE `advisors` ADD `video_url` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `call_mode` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `page_url` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `erased_at` text;--> statement-breakpoint
CREATE INDEX `bookings_unerased_end_idx` ON `bookings` (`end_at`) WHERE erased_at is null;