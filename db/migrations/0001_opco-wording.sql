ALTER TABLE `opcos` ADD `short_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `opcos` ADD `name_in_french_sentence` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `opcos` ADD `funding_request` text;