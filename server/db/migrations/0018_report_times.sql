CREATE INDEX "reports_submitted_at" ON "reports" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "reports_accepted_at" ON "reports" USING btree ("accepted_at");