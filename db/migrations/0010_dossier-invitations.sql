-- Company contacts invited by a trainer follow only the dossiers they were invited to; those
-- Ganapati made (every member so far) follow their whole organisation's.
CREATE TABLE `dossier_invitations` (
	`dossier_id` text NOT NULL,
	`member_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`dossier_id`, `member_id`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_invitations_member_idx` ON `dossier_invitations` (`member_id`);--> statement-breakpoint
ALTER TABLE `members` ADD `organisation_wide` integer DEFAULT true NOT NULL;