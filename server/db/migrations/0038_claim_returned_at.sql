ALTER TABLE "task_units" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
-- Claims returned before the column existed: the return came after the claim, so its day is the nearest known.
UPDATE "task_units" SET "returned_at" = "claimed_at" WHERE "claim_status" = 'returned';
