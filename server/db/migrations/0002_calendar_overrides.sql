CREATE TABLE "calendar_overrides" (
	"date" text PRIMARY KEY NOT NULL,
	"workday" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
