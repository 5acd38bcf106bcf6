CREATE TABLE "scope_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_pending" ADD COLUMN "scopes" text[];--> statement-breakpoint
-- Versions per scope (issue 19): a write declares the org units whose kept replies it may change
-- (audit_pending.scopes; NULL: anything), and the linker, which already holds the audit head's lock,
-- moves each declared scope's version to its newest record's id (`*` for the undeclared). A unit's
-- workbench is then kept until a write declares that unit, or declares nothing.
DROP FUNCTION audit_link_pending(integer);--> statement-breakpoint
-- As in 0024, and the scopes' versions moved; the scopes linked are returned for the process's own
-- counts (the embedded database's versions).
CREATE FUNCTION audit_link_pending(p_max integer, OUT linked integer, OUT entities text[], OUT scopes text[]) AS $$
DECLARE
  h audit_head%ROWTYPE;
  r record;
  v_id bigint;
  v_hash text;
  v_prev text;
  v_body text;
  ids bigint[] := '{}';
  docs jsonb[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
  txs bigint[] := '{}';
  sc_names text[] := '{}';
  sc_ids bigint[] := '{}';
  s text;
BEGIN
  -- The head's lock orders linkers of every process; rows are taken after it is held, so a
  -- linker that waited sees what the one before it left.
  SELECT * INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head is missing: the database was not migrated';
  END IF;
  v_id := h.last_id;
  v_hash := h.last_hash;
  -- Delete exactly the rows this statement sees and link those, in staging order: a row that
  -- commits meanwhile is neither deleted nor linked now, but by the next call.
  FOR r IN
    WITH taken AS (
      DELETE FROM audit_pending WHERE seq IN (SELECT seq FROM audit_pending ORDER BY seq LIMIT p_max) RETURNING seq, body_head, body_tail, tx, audit_pending.scopes
    )
    SELECT * FROM taken ORDER BY seq
  LOOP
    v_prev := v_hash;
    v_id := v_id + 1;
    v_body := r.body_head || v_id::text || r.body_tail;
    v_hash := encode(sha256(convert_to(v_prev || E'\n' || v_body, 'UTF8')), 'hex');
    ids := ids || v_id;
    -- Parsed here, once: in the INSERT below each field's expression would parse it again.
    docs := docs || v_body::jsonb;
    prevs := prevs || v_prev;
    hashes := hashes || v_hash;
    txs := txs || nullif(r.tx, 0);
    IF r.scopes IS NULL THEN
      sc_names := sc_names || '*'::text;
      sc_ids := sc_ids || v_id;
    ELSE
      FOREACH s IN ARRAY r.scopes LOOP
        sc_names := sc_names || s;
        sc_ids := sc_ids || v_id;
      END LOOP;
    END IF;
  END LOOP;
  linked := cardinality(ids);
  IF linked = 0 THEN
    entities := '{}';
    scopes := '{}';
    RETURN;
  END IF;
  -- The canonical JSON's keys are the record's fields (server/audit.ts); JSON null before or after
  -- is stored as SQL NULL, as the writers stored it before.
  INSERT INTO audit_log (id, at, actor_id, actor_account, ip, request_id, action, entity, entity_id, before, after, prev_hash, hash, tx)
    SELECT t.id, (b->>'at')::timestamptz, (b->>'actorId')::uuid, b->>'actorAccount', b->>'ip', b->>'requestId', b->>'action', b->>'entity',
           b->>'entityId', nullif(b->'before', 'null'::jsonb), nullif(b->'after', 'null'::jsonb), t.prev, t.hash, t.tx
      FROM unnest(ids, docs, prevs, hashes, txs) AS t(id, b, prev, hash, tx);
  UPDATE audit_head SET last_id = v_id, last_hash = v_hash WHERE id = 1;
  SELECT array_agg(DISTINCT d->>'entity') INTO entities FROM unnest(docs) AS d;
  IF cardinality(sc_names) > 0 THEN
    INSERT INTO scope_versions (scope, audit_id)
      SELECT t.scope, max(t.id) FROM unnest(sc_names, sc_ids) AS t(scope, id) GROUP BY t.scope
      ON CONFLICT (scope) DO UPDATE SET audit_id = excluded.audit_id;
  END IF;
  SELECT coalesce(array_agg(DISTINCT t.scope), '{}') INTO scopes FROM unnest(sc_names) AS t(scope);
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
-- The org units an item's light and facts are shown to, on their workbench and unit task list: a
-- task's units and its ancestors' (a step's effects roll the tree up), a target's data unit, a
-- project's responsible unit, and every unit holding a report on one of them that was returned
-- (the workbench's returned list shows the item's light).
CREATE FUNCTION audit_item_scopes(p_types text[], p_ids uuid[]) RETURNS text[] AS $$
  WITH RECURSIVE items AS (
    SELECT t.item_type, t.item_id FROM unnest(p_types, p_ids) AS t(item_type, item_id)
  ), tree AS (
    SELECT id, parent_id FROM tasks WHERE id IN (SELECT item_id FROM items WHERE item_type = 'task')
    UNION
    SELECT p.id, p.parent_id FROM tasks p JOIN tree ON p.id = tree.parent_id
  ), shown AS (
    SELECT 'task'::text AS item_type, id AS item_id FROM tree
    UNION SELECT item_type, item_id FROM items WHERE item_type <> 'task'
  )
  SELECT coalesce(array_agg(DISTINCT u::text), '{}') FROM (
    SELECT unit_id AS u FROM task_units WHERE task_id IN (SELECT id FROM tree)
    UNION SELECT data_unit_id FROM targets WHERE id IN (SELECT item_id FROM items WHERE item_type = 'target')
    UNION SELECT responsible_unit_id FROM projects WHERE id IN (SELECT item_id FROM items WHERE item_type = 'project')
    UNION SELECT r.unit_id FROM reports r JOIN shown s ON r.item_type = s.item_type AND r.item_id = s.item_id WHERE r.status = 'returned'
  ) x WHERE u IS NOT NULL
$$ LANGUAGE sql STABLE;
