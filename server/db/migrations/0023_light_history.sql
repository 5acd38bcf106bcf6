CREATE TABLE "light_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"from_light" text NOT NULL,
	"to_light" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "light_changes_at" ON "light_changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "light_changes_item" ON "light_changes" USING btree ("item_type","item_id","at");--> statement-breakpoint
-- Written by the database, so no path that stores a light can forget it; only a real change is kept.
CREATE FUNCTION light_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('tuijin.light_history', true), '') = 'off' THEN
    RETURN NULL;
  END IF;
  -- At the row's light_at: the application's clock (the date-matrix runs move it), not the database's.
  INSERT INTO light_changes (item_type, item_id, from_light, to_light, at) VALUES (TG_ARGV[0], NEW.id, OLD.light, NEW.light, coalesce(NEW.light_at, now()));
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER tasks_light_history AFTER UPDATE OF light ON tasks FOR EACH ROW WHEN (OLD.light IS DISTINCT FROM NEW.light) EXECUTE FUNCTION light_history('task');--> statement-breakpoint
CREATE TRIGGER targets_light_history AFTER UPDATE OF light ON targets FOR EACH ROW WHEN (OLD.light IS DISTINCT FROM NEW.light) EXECUTE FUNCTION light_history('target');--> statement-breakpoint
CREATE TRIGGER projects_light_history AFTER UPDATE OF light ON projects FOR EACH ROW WHEN (OLD.light IS DISTINCT FROM NEW.light) EXECUTE FUNCTION light_history('project');
