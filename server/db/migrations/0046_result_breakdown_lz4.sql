-- The breakdowns (~18 MB for a year's scoring of the bench district) compressed with lz4 where the
-- server has it: pglz took about twice PostgreSQL's time of the whole write. The embedded database
-- is built without lz4 and keeps pglz (a dump or backup carries the text, not its compression).
DO $$
BEGIN
  ALTER TABLE "assessment_result_units" ALTER COLUMN "breakdown" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;
