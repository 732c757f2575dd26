-- A dossier keeps the page of the tracker it was opened from, for its e-mails' links.
ALTER TABLE `dossiers` ADD `page_url` text;