CREATE TABLE `health_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`checked_at` text NOT NULL
);
