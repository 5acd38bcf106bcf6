CREATE TABLE "assessment_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"period" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"points" numeric(6, 2) NOT NULL,
	"reason" text NOT NULL,
	"evidence_sha256" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator" text,
	"reason" text NOT NULL,
	"evidence_sha256" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"filed_by_id" uuid NOT NULL,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"period" text NOT NULL,
	"revision" integer NOT NULL,
	"scheme_version" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"as_of" text NOT NULL,
	"units" jsonb NOT NULL,
	"status" text DEFAULT 'computed' NOT NULL,
	"computed_by_id" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone,
	"appeal_deadline" text
);
--> statement-breakpoint
CREATE TABLE "assessment_scheme_versions" (
	"scheme_id" uuid NOT NULL,
	"scheme_version" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scheme_versions_scheme_id_scheme_version_pk" PRIMARY KEY("scheme_id","scheme_version")
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"rules" jsonb NOT NULL,
	"scheme_version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_result_id_assessment_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."assessment_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme_versions" ADD CONSTRAINT "assessment_scheme_versions_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_adjustments_scheme" ON "assessment_adjustments" USING btree ("scheme_id","period");--> statement-breakpoint
CREATE INDEX "assessment_appeals_result" ON "assessment_appeals" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "assessment_appeals_status" ON "assessment_appeals" USING btree ("status","filed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_results_revision" ON "assessment_results" USING btree ("scheme_id","period","revision");--> statement-breakpoint
CREATE INDEX "assessment_results_status" ON "assessment_results" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_year_category" ON "assessment_schemes" USING btree ("year","category");