CREATE TABLE "dispatch_recipients" (
	"dispatch_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reply_text" text,
	"figures" jsonb,
	"replied_at" timestamp with time zone,
	"replied_by_id" uuid,
	"chased_count" integer DEFAULT 0 NOT NULL,
	"last_chased_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dispatch_recipients_dispatch_id_unit_id_pk" PRIMARY KEY("dispatch_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispatch_recipients" ADD CONSTRAINT "dispatch_recipients_dispatch_id_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_recipients" ADD CONSTRAINT "dispatch_recipients_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispatch_recipients_unit_status" ON "dispatch_recipients" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "dispatches_status" ON "dispatches" USING btree ("status");