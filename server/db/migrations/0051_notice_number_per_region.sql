-- Notices (催办单/督办单) are numbered in their region's series (issue 25), as bulletins are (0050):
-- each district issues its own 催办〔year〕1号. A notice's region is its unit's, which signs it; rows
-- made before take their unit's region now.
DROP INDEX "notices_doc_number";--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "region_id" uuid;--> statement-breakpoint
UPDATE "notices" SET "region_id" = (SELECT "region_id" FROM "org_units" WHERE "org_units"."id" = "notices"."unit_id");--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "region_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notices_region_doc_number" ON "notices" USING btree ("region_id","doc_number");
