CREATE TABLE `funding_rules` (
	`id` text NOT NULL,
	`revision` integer NOT NULL,
	`kind` text NOT NULL,
	`scheme` text NOT NULL,
	`opco_id` text,
	`idcc` text,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`params` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	`origin` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`id`, `revision`)
);
--> statement-breakpoint
CREATE INDEX `funding_rules_scheme_idx` ON `funding_rules` (`scheme`,`kind`);