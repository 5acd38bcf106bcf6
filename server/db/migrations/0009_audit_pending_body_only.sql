-- Staged audit rows carried every field twice: as columns (before and after as jsonb) and inside
-- the canonical JSON the chain hashes. Each audited write logged its before and after twice to the
-- WAL, and the linker a third time into audit_log. Now only the canonical JSON is staged; the
-- linker parses it once to fill audit_log's columns, and inserts the batch in one statement.
-- The chain is the same: SHA-256 over the previous hash, a newline and the canonical JSON.
-- The linker also says which kinds of entity it linked, so that a server process can forget what
-- it caches of them (server/security/sessionCache.ts: sessions, after a user or session changed).
ALTER TABLE "audit_pending" DROP COLUMN "at";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "actor_id";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "actor_account";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "ip";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "request_id";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "action";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "entity";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "entity_id";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "before";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP COLUMN "after";--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_link_pending(integer);--> statement-breakpoint
CREATE FUNCTION audit_link_pending(p_max integer, OUT linked integer, OUT entities text[]) AS $$
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
      DELETE FROM audit_pending WHERE seq IN (SELECT seq FROM audit_pending ORDER BY seq LIMIT p_max) RETURNING seq, body_head, body_tail
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
  END LOOP;
  linked := cardinality(ids);
  IF linked = 0 THEN
    entities := '{}';
    RETURN;
  END IF;
  -- The canonical JSON's keys are the record's fields (server/audit.ts); JSON null before or after
  -- is stored as SQL NULL, as the writers stored it before.
  INSERT INTO audit_log (id, at, actor_id, actor_account, ip, request_id, action, entity, entity_id, before, after, prev_hash, hash)
    SELECT t.id, (b->>'at')::timestamptz, (b->>'actorId')::uuid, b->>'actorAccount', b->>'ip', b->>'requestId', b->>'action', b->>'entity',
           b->>'entityId', nullif(b->'before', 'null'::jsonb), nullif(b->'after', 'null'::jsonb), t.prev, t.hash
      FROM unnest(ids, docs, prevs, hashes) AS t(id, b, prev, hash);
  UPDATE audit_head SET last_id = v_id, last_hash = v_hash WHERE id = 1;
  SELECT array_agg(DISTINCT d->>'entity') INTO entities FROM unnest(docs) AS d;
END;
$$ LANGUAGE plpgsql;
