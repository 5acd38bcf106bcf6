CREATE TABLE "article_files" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_files" ADD CONSTRAINT "article_files_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "assessment_result_units" (
	"result_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"unit_name" text NOT NULL,
	"rank" integer,
	"total" numeric(7, 2) NOT NULL,
	"grade" text,
	"honour" text,
	"line" jsonb NOT NULL,
	"breakdown" jsonb NOT NULL,
	CONSTRAINT "assessment_result_units_result_id_unit_id_pk" PRIMARY KEY("result_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_result_units" ADD CONSTRAINT "assessment_result_units_result_id_assessment_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."assessment_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_result_units_unit" ON "assessment_result_units" USING btree ("unit_id");--> statement-breakpoint
-- The results computed before this migration: each unit of the frozen blob becomes its row, as computed.
INSERT INTO "assessment_result_units" ("result_id", "unit_id", "position", "unit_name", "rank", "total", "grade", "honour", "line", "breakdown")
SELECT r."id", (u.v->>'unitId')::uuid, u.ord::integer, u.v->>'unitName', (u.v->>'rank')::integer, (u.v->>'total')::numeric, u.v->>'grade', u.v->>'honour',
       jsonb_build_object('indicators', coalesce((SELECT jsonb_agg(jsonb_build_object('kind', i->>'kind', 'points', i->>'points') ORDER BY n) FROM jsonb_array_elements(u.v->'indicators') WITH ORDINALITY AS x(i, n)), '[]'::jsonb),
                          'bonus', u.v->>'bonus', 'deduction', u.v->>'deduction'),
       u.v
  FROM "assessment_results" r, jsonb_array_elements(r."units") WITH ORDINALITY AS u(v, ord);--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD COLUMN "republished_result_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_results" DROP COLUMN "units";