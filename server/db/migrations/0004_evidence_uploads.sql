CREATE TABLE "evidence_uploads" (
	"sha256" text NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_uploads_sha256_user_id_pk" PRIMARY KEY("sha256","user_id")
);
--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blockers_unit_status" ON "blockers" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "report_evidence_sha" ON "report_evidence" USING btree ("sha256");