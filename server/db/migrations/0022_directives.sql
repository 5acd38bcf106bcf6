CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"received_on" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "directives_received_on" ON "directives" USING btree ("received_on");