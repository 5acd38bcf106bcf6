ALTER TABLE "inspections" ADD COLUMN "items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_doc_number" ON "bulletins" USING btree ("doc_number");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_doc_number" ON "notices" USING btree ("doc_number");