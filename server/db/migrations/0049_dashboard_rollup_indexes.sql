DROP INDEX "tasks_plan";--> statement-breakpoint
CREATE INDEX "tasks_rollup" ON "tasks" USING btree ("plan_id","area_id","light","id");--> statement-breakpoint
CREATE INDEX "tasks_overdue" ON "tasks" USING btree ("plan_id") WHERE "tasks"."light_reasons" @> '[{"code":"overdue"}]'::jsonb;