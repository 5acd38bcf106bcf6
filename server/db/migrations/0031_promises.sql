CREATE TABLE "oversight_case_requests" (
	"case_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	CONSTRAINT "oversight_case_requests_case_id_request_id_pk" PRIMARY KEY("case_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "promise_evidence" (
	"promise_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "promise_evidence_promise_id_sha256_pk" PRIMARY KEY("promise_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid,
	"unit_id" uuid NOT NULL,
	"enterprise" text NOT NULL,
	"content" text NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"kept_note" text,
	"kept_by_id" uuid,
	"kept_at" timestamp with time zone,
	"broken_reason" text,
	"broken_by_id" uuid,
	"broken_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_request_evidence" (
	"request_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "response_request_evidence_request_id_sha256_pk" PRIMARY KEY("request_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "response_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"enterprise" text,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"answer" text,
	"draft_promises" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drafted_by_id" uuid,
	"drafted_at" timestamp with time zone,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oversight_case_requests" ADD CONSTRAINT "oversight_case_requests_case_id_oversight_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."oversight_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oversight_case_requests" ADD CONSTRAINT "oversight_case_requests_request_id_response_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."response_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_evidence" ADD CONSTRAINT "promise_evidence_promise_id_promises_id_fk" FOREIGN KEY ("promise_id") REFERENCES "public"."promises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promise_evidence" ADD CONSTRAINT "promise_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_request_id_response_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."response_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_request_evidence" ADD CONSTRAINT "response_request_evidence_request_id_response_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."response_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_request_evidence" ADD CONSTRAINT "response_request_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_requests" ADD CONSTRAINT "response_requests_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oversight_case_requests_request" ON "oversight_case_requests" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "promise_evidence_sha" ON "promise_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "promises_unit" ON "promises" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "promises_status_deadline" ON "promises" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "promises_request" ON "promises" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "response_request_evidence_sha" ON "response_request_evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "response_requests_unit" ON "response_requests" USING btree ("unit_id","status");