CREATE TABLE "field_visit_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"outcome" text,
	"blocker_id" uuid,
	"dispatch_id" uuid,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_visit_photos" (
	"visit_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "field_visit_photos_visit_id_sha256_pk" PRIMARY KEY("visit_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"visited_on" text NOT NULL,
	"place" text NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "field_visit_findings" ADD CONSTRAINT "field_visit_findings_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_photos" ADD CONSTRAINT "field_visit_photos_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_photos" ADD CONSTRAINT "field_visit_photos_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_visit_findings_visit" ON "field_visit_findings" USING btree ("visit_id","position");--> statement-breakpoint
CREATE INDEX "field_visit_photos_sha" ON "field_visit_photos" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "field_visits_body" ON "field_visits" USING btree ("body_id","visited_on");