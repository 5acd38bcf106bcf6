CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"enterprise" text NOT NULL,
	"contact_person" text NOT NULL,
	"contact" text NOT NULL,
	"environment" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text,
	"description" text NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by_id" uuid,
	"submitter_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_code" ON "complaints" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "complaints_created" ON "complaints" USING btree ("created_at");