-- Members (staff, trainers, company contacts), their single-use sign-in links and bearer
-- sessions (tokens kept as SHA-256 only), the dossiers, their append-only events (a dossier's state
-- is its last event's) and the reminders sent about them, one per step and day.
CREATE TABLE `auth_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossier_events` (
	`dossier_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`type` text NOT NULL,
	`state` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_role` text NOT NULL,
	`actor_name` text NOT NULL,
	`note` text,
	`data` text NOT NULL,
	`documents` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `sequence`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossier_reminders` (
	`dossier_id` text NOT NULL,
	`version` integer NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`recipients` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `version`, `day`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossiers` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`trainer_id` text NOT NULL,
	`company_siret` text NOT NULL,
	`company_name` text NOT NULL,
	`company_idcc` text,
	`company_contact_email` text NOT NULL,
	`opco_id` text NOT NULL,
	`training` text NOT NULL,
	`trainees` text NOT NULL,
	`price_cents` integer NOT NULL,
	`funding_mode` text NOT NULL,
	`simulation_id` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`trainer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossiers_reference_unique` ON `dossiers` (`reference`);--> statement-breakpoint
CREATE INDEX `dossiers_trainer_idx` ON `dossiers` (`trainer_id`);--> statement-breakpoint
CREATE INDEX `dossiers_company_idx` ON `dossiers` (`company_siret`);--> statement-breakpoint
CREATE TABLE `member_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_sessions_member_idx` ON `member_sessions` (`member_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`organisation_siret` text NOT NULL,
	`organisation_name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_email_unique` ON `members` (`email`);--> statement-breakpoint
CREATE INDEX `members_organisation_idx` ON `members` (`organisation_siret`);