ALTER TABLE "dispatches" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "dispatches" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
CREATE INDEX "dispatches_subject" ON "dispatches" USING btree ("subject_type","subject_id");