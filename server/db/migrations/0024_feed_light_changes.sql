-- 工作动态 shows the light changes a step made on the step's own feed event: both the staged audit
-- record and each light change keep the transaction that wrote them (txid_current()), and the
-- linker carries it into audit_log. It stays out of the record's canonical JSON, so the hash chain
-- and its verification are unchanged. Rows written before this migration get 0 (never a transaction
-- id), which the linker stores as NULL: they belong to no feed event.
ALTER TABLE "audit_log" ADD COLUMN "tx" bigint;--> statement-breakpoint
ALTER TABLE "audit_pending" ADD COLUMN "tx" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_pending" ALTER COLUMN "tx" SET DEFAULT txid_current();--> statement-breakpoint
ALTER TABLE "light_changes" ADD COLUMN "tx" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "light_changes" ALTER COLUMN "tx" SET DEFAULT txid_current();--> statement-breakpoint
CREATE INDEX "audit_log_tx" ON "audit_log" USING btree ("tx");--> statement-breakpoint
CREATE INDEX "light_changes_tx" ON "light_changes" USING btree ("tx");--> statement-breakpoint
-- As in 0009, and each record's transaction carried over.
CREATE OR REPLACE FUNCTION audit_link_pending(p_max integer, OUT linked integer, OUT entities text[]) AS $$
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
      DELETE FROM audit_pending WHERE seq IN (SELECT seq FROM audit_pending ORDER BY seq LIMIT p_max) RETURNING seq, body_head, body_tail, tx
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
  END LOOP;
  linked := cardinality(ids);
  IF linked = 0 THEN
    entities := '{}';
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
END;
$$ LANGUAGE plpgsql;
