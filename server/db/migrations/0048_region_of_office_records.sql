-- The region seal (issue 25): what an office starts with no unit, plan or body gets a region of its own.
-- Existing rows take their maker's unit's region, else the first region (a deployment before regions nested had one).
INSERT INTO "regions" ("code", "name") SELECT 'district', '本区' WHERE NOT EXISTS (SELECT 1 FROM "regions") AND (EXISTS (SELECT 1 FROM "dispatches") OR EXISTS (SELECT 1 FROM "directives") OR EXISTS (SELECT 1 FROM "inspections") OR EXISTS (SELECT 1 FROM "bulletins") OR EXISTS (SELECT 1 FROM "articles") OR EXISTS (SELECT 1 FROM "assessment_schemes") OR EXISTS (SELECT 1 FROM "meetings"));--> statement-breakpoint
ALTER TABLE "dispatches" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "bulletins" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "region_id" uuid;--> statement-breakpoint
UPDATE "dispatches" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
UPDATE "directives" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
UPDATE "inspections" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
UPDATE "bulletins" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
UPDATE "articles" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."author_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
UPDATE "assessment_schemes" t SET "region_id" = coalesce((SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
-- A meeting: its body's region, else its maker's.
UPDATE "meetings" t SET "region_id" = coalesce((SELECT b."region_id" FROM "bodies" b WHERE b."id" = t."body_id"), (SELECT ou."region_id" FROM "users" u JOIN "org_units" ou ON ou."id" = u."unit_id" WHERE u."id" = t."created_by_id"), (SELECT "id" FROM "regions" ORDER BY "created_at", "id" LIMIT 1));--> statement-breakpoint
ALTER TABLE "dispatches" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "directives" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bulletins" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatches_region" ON "dispatches" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "directives_region" ON "directives" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "inspections_region" ON "inspections" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "bulletins_region" ON "bulletins" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "articles_region" ON "articles" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_region" ON "meetings" USING btree ("region_id");--> statement-breakpoint
-- One scheme per year and category in each region, no longer in the whole deployment.
DROP INDEX "assessment_schemes_year_category";--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_region_year_category" ON "assessment_schemes" USING btree ("region_id","year","category");
