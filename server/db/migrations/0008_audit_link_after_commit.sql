-- The deferred trigger of 0006 linked each audit record at its transaction's COMMIT, holding the
-- audit head's row lock until that commit's WAL flush: every audited write in the system queued
-- behind the one before it (at 400 submissions/s, three connections on average waited on it).
-- Now a write commits its staged record in audit_pending without touching the head, and the
-- server links what is staged right after, before it answers: one linker transaction takes the
-- head once for every record committed meanwhile (audit_link_pending, called by server/auditLinker.ts).
-- Same chain: SHA-256 over the previous hash, a newline and the record's canonical JSON, split
-- around the id; ids follow link order, without gaps. A record committed by a process that died
-- before linking stays staged and is linked by the next call, from any process.
DROP TRIGGER IF EXISTS audit_pending_link ON audit_pending;
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_link_pending();
--> statement-breakpoint
DROP FUNCTION IF EXISTS audit_append(timestamptz, uuid, text, text, text, text, text, text, jsonb, jsonb, text, text);
--> statement-breakpoint
CREATE FUNCTION audit_link_pending(p_max integer) RETURNS integer AS $$
DECLARE
  h audit_head%ROWTYPE;
  r audit_pending%ROWTYPE;
  v_id bigint;
  v_hash text;
  v_prev text;
  n integer := 0;
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
      DELETE FROM audit_pending WHERE seq IN (SELECT seq FROM audit_pending ORDER BY seq LIMIT p_max) RETURNING *
    )
    SELECT * FROM taken ORDER BY seq
  LOOP
    v_prev := v_hash;
    v_id := v_id + 1;
    v_hash := encode(sha256(convert_to(v_prev || E'\n' || r.body_head || v_id::text || r.body_tail, 'UTF8')), 'hex');
    INSERT INTO audit_log (id, at, actor_id, actor_account, ip, request_id, action, entity, entity_id, before, after, prev_hash, hash)
      VALUES (v_id, r.at, r.actor_id, r.actor_account, r.ip, r.request_id, r.action, r.entity, r.entity_id, r.before, r.after, v_prev, v_hash);
    n := n + 1;
  END LOOP;
  IF n > 0 THEN
    UPDATE audit_head SET last_id = v_id, last_hash = v_hash WHERE id = 1;
  END IF;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
