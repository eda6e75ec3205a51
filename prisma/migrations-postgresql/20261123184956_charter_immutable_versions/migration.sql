-- A published charter version is a record: its text, number, hash and date never change,
-- and it is never deleted. A signature, once made, is never rewritten.
-- (Triggers are not part of the Prisma schema: this migration is written by hand, the
-- counterpart of the SQLite migration of the same name.)
CREATE FUNCTION "charter_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "CharterVersion_published_no_update"
BEFORE UPDATE ON "CharterVersion"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL)
EXECUTE FUNCTION "charter_refuse_change"('Une version publiée de la charte ne peut pas être modifiée.');

CREATE TRIGGER "CharterVersion_published_no_delete"
BEFORE DELETE ON "CharterVersion"
FOR EACH ROW WHEN (OLD."publishedAt" IS NOT NULL)
EXECUTE FUNCTION "charter_refuse_change"('Une version publiée de la charte ne peut pas être supprimée.');

CREATE TRIGGER "CharterSignature_no_update"
BEFORE UPDATE ON "CharterSignature"
FOR EACH ROW
EXECUTE FUNCTION "charter_refuse_change"('Une signature de la charte ne peut pas être modifiée.');
