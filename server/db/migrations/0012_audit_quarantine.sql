-- One staged audit record whose body PostgreSQL could not parse as JSON (a lone surrogate, \u0000)
-- made audit_link_pending fail for good: every later write answered 500 while its data committed,
-- and the server could not start. Three defences:
-- 1. audit_pending refuses such a body in the write's own transaction, so the write rolls back and
--    is never acknowledged (NOT VALID: rows staged before this migration are left to 3).
-- 2. The application never stages one (its canonical JSON replaces such characters, and input
--    carrying them is refused).
-- 3. audit_quarantine_pending() sets aside what the linker cannot parse, under the head's lock, so
--    linking goes on; the server then links an `audit.quarantined` record naming them.
CREATE TABLE "audit_quarantine" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"body_head" text NOT NULL,
	"body_tail" text NOT NULL,
	"reason" text NOT NULL,
	"quarantined_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
-- NULL when the body parses as JSON, else PostgreSQL's message. (pg_input_error_info needs 16.)
CREATE FUNCTION audit_body_error(p_body text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_detail text;
BEGIN
  PERFORM p_body::jsonb;
  RETURN NULL;
EXCEPTION WHEN others THEN
  GET STACKED DIAGNOSTICS v_detail = PG_EXCEPTION_DETAIL;
  RETURN SQLERRM || coalesce(': ' || nullif(v_detail, ''), '');
END;
$$;--> statement-breakpoint
ALTER TABLE "audit_pending" ADD CONSTRAINT "audit_body_valid" CHECK (audit_body_error(body_head || '0' || body_tail) IS NULL) NOT VALID;--> statement-breakpoint
CREATE FUNCTION audit_quarantine_pending(OUT moved integer, OUT seqs bigint[]) AS $$
BEGIN
  -- The head's lock: no linker is between taking rows and linking them while these move.
  PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
  WITH bad AS (
    DELETE FROM audit_pending p WHERE audit_body_error(p.body_head || '0' || p.body_tail) IS NOT NULL
    RETURNING p.seq, p.body_head, p.body_tail, audit_body_error(p.body_head || '0' || p.body_tail) AS reason
  ), kept AS (
    INSERT INTO audit_quarantine (seq, body_head, body_tail, reason) SELECT seq, body_head, body_tail, reason FROM bad RETURNING seq
  )
  SELECT count(*)::int, coalesce(array_agg(seq ORDER BY seq), '{}') INTO moved, seqs FROM kept;
END;
$$ LANGUAGE plpgsql;
