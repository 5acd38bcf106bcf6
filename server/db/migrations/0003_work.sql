CREATE TABLE "areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_areas" (
	"plan_id" uuid NOT NULL,
	"area_id" uuid NOT NULL,
	CONSTRAINT "plan_areas_plan_id_area_id_pk" PRIMARY KEY("plan_id","area_id")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"task_force_id" uuid,
	"lead_unit_id" uuid,
	"current_version_no" integer DEFAULT 1 NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"decision_ref" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"year_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "target_actuals" (
	"target_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"report_id" uuid,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "target_actuals_target_id_period_pk" PRIMARY KEY("target_id","period")
);
--> statement-breakpoint
CREATE TABLE "target_goals" (
	"target_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"goal" numeric(20, 4) NOT NULL,
	CONSTRAINT "target_goals_target_id_year_pk" PRIMARY KEY("target_id","year")
);
--> statement-breakpoint
CREATE TABLE "target_trajectory" (
	"target_id" uuid NOT NULL,
	"period" text NOT NULL,
	"expected" numeric(20, 4) NOT NULL,
	CONSTRAINT "target_trajectory_target_id_period_pk" PRIMARY KEY("target_id","period")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"area_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"measure_unit" text NOT NULL,
	"baseline" numeric(20, 4) NOT NULL,
	"direction" text NOT NULL,
	"data_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"trajectory_kind" text DEFAULT 'linear' NOT NULL,
	"light" text DEFAULT 'not_started' NOT NULL,
	"light_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid,
	"name" text NOT NULL,
	"due" text,
	"done_on" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_units" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"claim_status" text DEFAULT 'unclaimed' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"return_reason" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_by_id" uuid,
	"approved_at" timestamp with time zone,
	"approved_by_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"area_id" uuid,
	"lead_unit_id" uuid,
	"responsible_post" text DEFAULT '' NOT NULL,
	"weight" numeric(10, 4) DEFAULT '1' NOT NULL,
	"start_date" text,
	"deadline_kind" text DEFAULT 'date' NOT NULL,
	"deadline" text,
	"recurrence" jsonb,
	"report_period" text DEFAULT 'monthly' NOT NULL,
	"progress" numeric(5, 2) DEFAULT '0' NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"next_due" text,
	"last_report_date" text,
	"light" text DEFAULT 'not_started' NOT NULL,
	"light_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_months" (
	"project_id" uuid NOT NULL,
	"month" text NOT NULL,
	"done" numeric(18, 2) NOT NULL,
	"report_id" uuid,
	CONSTRAINT "project_months_project_id_month_pk" PRIMARY KEY("project_id","month")
);
--> statement-breakpoint
CREATE TABLE "project_year_plans" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned" numeric(18, 2) NOT NULL,
	CONSTRAINT "project_year_plans_project_id_year_pk" PRIMARY KEY("project_id","year")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"area_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"owner_enterprise" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"total_investment" numeric(18, 2) NOT NULL,
	"stage" text DEFAULT 'planning' NOT NULL,
	"stage_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_report_date" text,
	"light" text DEFAULT 'not_started' NOT NULL,
	"light_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blockers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"report_id" uuid,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"level" text DEFAULT 'unit' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_by_id" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_evidence" (
	"report_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "report_evidence_report_id_sha256_pk" PRIMARY KEY("report_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "report_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"due_date" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"percent" numeric(5, 2),
	"actual" numeric(20, 4),
	"investment" numeric(18, 2),
	"stage" text,
	"late" boolean DEFAULT false NOT NULL,
	"return_reason" text,
	"created_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_areas" ADD CONSTRAINT "plan_areas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_areas" ADD CONSTRAINT "plan_areas_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_task_force_id_bodies_id_fk" FOREIGN KEY ("task_force_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_actuals" ADD CONSTRAINT "target_actuals_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_goals" ADD CONSTRAINT "target_goals_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_trajectory" ADD CONSTRAINT "target_trajectory_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_data_unit_id_org_units_id_fk" FOREIGN KEY ("data_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_unit_id_org_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_months" ADD CONSTRAINT "project_months_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_year_plans" ADD CONSTRAINT "project_year_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsible_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blockers" ADD CONSTRAINT "blockers_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD CONSTRAINT "report_evidence_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD CONSTRAINT "report_evidence_sha256_evidence_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_steps" ADD CONSTRAINT "report_steps_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "areas_program_code" ON "areas" USING btree ("program_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_plan_no" ON "plan_versions" USING btree ("plan_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_program_code" ON "plans" USING btree ("program_id","code");--> statement-breakpoint
CREATE INDEX "plans_task_force" ON "plans" USING btree ("task_force_id");--> statement-breakpoint
CREATE INDEX "targets_plan" ON "targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "targets_light" ON "targets" USING btree ("light");--> statement-breakpoint
CREATE INDEX "targets_data_unit" ON "targets" USING btree ("data_unit_id");--> statement-breakpoint
CREATE INDEX "milestones_task" ON "milestones" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_units_unit_status" ON "task_units" USING btree ("unit_id","claim_status");--> statement-breakpoint
CREATE INDEX "tasks_plan" ON "tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "tasks_parent" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_path" ON "tasks" USING btree ("path");--> statement-breakpoint
CREATE INDEX "tasks_lead_unit" ON "tasks" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "tasks_light" ON "tasks" USING btree ("light");--> statement-breakpoint
CREATE INDEX "tasks_next_due" ON "tasks" USING btree ("next_due");--> statement-breakpoint
CREATE INDEX "tasks_area" ON "tasks" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "projects_unit" ON "projects" USING btree ("responsible_unit_id");--> statement-breakpoint
CREATE INDEX "projects_light" ON "projects" USING btree ("light");--> statement-breakpoint
CREATE INDEX "projects_plan" ON "projects" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "blockers_item" ON "blockers" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "blockers_status_level" ON "blockers" USING btree ("status","level");--> statement-breakpoint
CREATE INDEX "report_steps_report" ON "report_steps" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_item_unit_period" ON "reports" USING btree ("item_type","item_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "reports_unit_status" ON "reports" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "reports_status" ON "reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "reports_item" ON "reports" USING btree ("item_id");