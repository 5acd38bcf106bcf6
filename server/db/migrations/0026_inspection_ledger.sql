CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"inspector_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid,
	"unit_id" uuid NOT NULL,
	"key_link" text NOT NULL,
	"finding" text NOT NULL,
	"requirement" text NOT NULL,
	"deadline" text NOT NULL,
	"source_kind" text DEFAULT 'entered' NOT NULL,
	"source_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"verdict" text,
	"verify_comment" text,
	"measures" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"reopen_reason" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"rectified_by_id" uuid,
	"rectified_at" timestamp with time zone,
	"verified_by_id" uuid,
	"verified_at" timestamp with time zone,
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone,
	"reopened_by_id" uuid,
	"reopened_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_evidence" (
	"entry_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "ledger_evidence_entry_id_sha256_pk" PRIMARY KEY("entry_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"entry_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "ledger_items_entry_id_item_id_pk" PRIMARY KEY("entry_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_evidence" ADD CONSTRAINT "ledger_evidence_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_evidence" ADD CONSTRAINT "ledger_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_period" ON "inspections" USING btree ("period_from");--> statement-breakpoint
CREATE INDEX "ledger_entries_unit" ON "ledger_entries" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "ledger_entries_inspection" ON "ledger_entries" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_status_deadline" ON "ledger_entries" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "ledger_evidence_sha" ON "ledger_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "ledger_items_item" ON "ledger_items" USING btree ("item_id");