ALTER TABLE "blockers" ADD COLUMN "decided_by_id" uuid;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "instruction" text;--> statement-breakpoint
ALTER TABLE "blockers" ADD COLUMN "instructed_at" timestamp with time zone;