CREATE TABLE "complaint_files" (
	"complaint_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "complaint_files_complaint_id_sha256_pk" PRIMARY KEY("complaint_id","sha256")
);
--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_files_sha" ON "complaint_files" USING btree ("sha256");