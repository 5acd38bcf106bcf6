-- Edited after generation: UNLOGGED (drizzle-kit has no word for it). Progress bars are not worth a WAL record.
CREATE UNLOGGED TABLE "job_progress" (
	"user_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"done" integer NOT NULL,
	"total" integer,
	"finished" boolean DEFAULT false NOT NULL,
	"error" jsonb,
	"expires_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_progress_user_id_job_id_pk" PRIMARY KEY("user_id","job_id")
);
--> statement-breakpoint
CREATE INDEX "job_progress_expires" ON "job_progress" USING btree ("expires_at");