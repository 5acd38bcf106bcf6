-- 三员分立: a change of admin roles (sysadmin, secadmin, auditor) is proposed by the sysadmin and
-- takes effect only when a secadmin approves it (server/commands/roleProposals.ts). One pending
-- proposal per account, so that approving one cannot silently undo another.
CREATE TABLE "role_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "role_proposals" ADD CONSTRAINT "role_proposals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "role_proposals_one_pending" ON "role_proposals" USING btree ("user_id") WHERE "role_proposals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "role_proposals_status" ON "role_proposals" USING btree ("status");