-- Bulletins are numbered in their region's series (issue 25): each district's 督查室 issues its own 督通〔year〕1号.
DROP INDEX "bulletins_doc_number";--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_region_doc_number" ON "bulletins" USING btree ("region_id","doc_number");