CREATE TABLE `convention_opcos` (
	`idcc` text NOT NULL,
	`opco_id` text NOT NULL,
	`siret_count` integer NOT NULL,
	PRIMARY KEY(`idcc`, `opco_id`),
	FOREIGN KEY (`opco_id`) REFERENCES `opcos`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `convention_opcos_opco_idx` ON `convention_opcos` (`opco_id`);--> statement-breakpoint
CREATE TABLE `conventions` (
	`idcc` text PRIMARY KEY NOT NULL,
	`title` text,
	`short_title` text,
	`legifrance_url` text
);
--> statement-breakpoint
CREATE TABLE `opcos` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`label_siro` text NOT NULL,
	`siren` text,
	`website` text,
	`funding_criteria_url` text,
	`simulator_url` text,
	`sectors` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reference_imports` (
	`dataset` text PRIMARY KEY NOT NULL,
	`edition` text NOT NULL,
	`sha256` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_at` text NOT NULL
);
