-- Every write appends one audit record, and the chain must follow commit order without gaps, so
-- appending locks the single audit_head row until the transaction ends. The server used to append
-- with four statements (lock, insert, move the head, commit) and a trip through Node between each;
-- under load the lock holder mostly waited for a busy Node process, and so did every other writer.
-- Now the application stages the record in audit_pending, and this deferred trigger links it at
-- COMMIT, inside the database: the lock is held for the link and the commit's WAL flush only.
-- Same chain as before: SHA-256 over the previous hash, a newline and the record's canonical JSON,
-- which the application passes split around the id (the id is the head's next number).
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_account text, p_ip text, p_request_id text,
  p_action text, p_entity text, p_entity_id text, p_before jsonb, p_after jsonb,
  p_body_head text, p_body_tail text
) RETURNS bigint AS $$
DECLARE
  h audit_head%ROWTYPE;
  v_id bigint;
  v_hash text;
BEGIN
  SELECT * INTO h FROM audit_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head is missing: the database was not migrated';
  END IF;
  v_id := h.last_id + 1;
  v_hash := encode(sha256(convert_to(h.last_hash || E'\n' || p_body_head || v_id::text || p_body_tail, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, at, actor_id, actor_account, ip, request_id, action, entity, entity_id, before, after, prev_hash, hash)
    VALUES (v_id, p_at, p_actor_id, p_actor_account, p_ip, p_request_id, p_action, p_entity, p_entity_id, p_before, p_after, h.last_hash, v_hash);
  UPDATE audit_head SET last_id = v_id, last_hash = v_hash WHERE id = 1;
  RETURN v_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_link_pending() RETURNS trigger AS $$
BEGIN
  PERFORM audit_append(NEW.at, NEW.actor_id, NEW.actor_account, NEW.ip, NEW.request_id, NEW.action, NEW.entity,
                       NEW.entity_id, NEW.before, NEW.after, NEW.body_head, NEW.body_tail);
  DELETE FROM audit_pending WHERE seq = NEW.seq;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_link AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_link_pending();
