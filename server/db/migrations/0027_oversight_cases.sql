CREATE TABLE "oversight_case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"content" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oversight_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"key_link" text,
	"unit_id" uuid,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source_kind" text DEFAULT 'entered' NOT NULL,
	"source_id" uuid,
	"status" text DEFAULT 'received' NOT NULL,
	"disposal" text,
	"disposal_text" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_by_id" uuid,
	"verified_at" timestamp with time zone,
	"handled_by_id" uuid,
	"handled_at" timestamp with time zone,
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oversight_case_notes" ADD CONSTRAINT "oversight_case_notes_case_id_oversight_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."oversight_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_cases" ADD CONSTRAINT "oversight_cases_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oversight_case_notes_case" ON "oversight_case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "oversight_cases_status" ON "oversight_cases" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "oversight_cases_source" ON "oversight_cases" USING btree ("source_kind","source_id");