CREATE TABLE "blocker_items" (
	"blocker_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "blocker_items_blocker_id_item_id_pk" PRIMARY KEY("blocker_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "category" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "help_asked" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "level_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "resolver_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "due_date" text;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "assign_note" text;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "resolved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "verified_by_id" uuid;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "reopen_reason" text;--> statement-breakpoint
ALTER TABLE "blocker_items" ADD CONSTRAINT "blocker_items_blocker_id_blockers_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."blockers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blocker_items_item" ON "blocker_items" USING btree ("item_id");--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_resolver_unit_id_org_units_id_fk" FOREIGN KEY ("resolver_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blockers_resolver_status" ON "blockers" USING btree ("resolver_unit_id","status");--> statement-breakpoint
-- A blocker has waited at its level since it got there: its last instruction, else when it was raised.
UPDATE "blockers" SET "level_since" = coalesce("instructed_at", "raised_at");--> statement-breakpoint
-- Resolved before the raiser verified resolutions: those were final, so they are closed, not waiting for a verification nobody asked for.
UPDATE "blockers" SET "status" = 'closed', "resolved_by_id" = "decided_by_id" WHERE "status" = 'resolved';--> statement-breakpoint
INSERT INTO "blocker_items" ("blocker_id", "item_type", "item_id") SELECT "id", "item_type", "item_id" FROM "blockers";
