-- A published charter version is a record: its text, number, hash and date never change,
-- and it is never deleted. A signature, once made, is never rewritten.
-- (Triggers are not part of the Prisma schema: this migration is written by hand.)
CREATE TRIGGER "CharterVersion_published_no_update"
BEFORE UPDATE ON "CharterVersion"
WHEN OLD."publishedAt" IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'Une version publiée de la charte ne peut pas être modifiée.');
END;

CREATE TRIGGER "CharterVersion_published_no_delete"
BEFORE DELETE ON "CharterVersion"
WHEN OLD."publishedAt" IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'Une version publiée de la charte ne peut pas être supprimée.');
END;

CREATE TRIGGER "CharterSignature_no_update"
BEFORE UPDATE ON "CharterSignature"
BEGIN
    SELECT RAISE(ABORT, 'Une signature de la charte ne peut pas être modifiée.');
END;
