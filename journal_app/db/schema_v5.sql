-- Schema version 5: a content checksum for every entry's title and body, so damage
-- inside a text value (which SQLite's own checks cannot see) is found. Kept by triggers
-- that call journal_checksum(), a function every journal connection registers
-- (db/checksums.py); the raw UTF-8 bytes are hashed, as the check recomputes them.
CREATE TABLE "entry_checksum" ("entry_id" INTEGER NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL);
INSERT INTO "entry_checksum" ("entry_id", "checksum")
  SELECT "id", journal_checksum(CAST("title" AS BLOB), CAST("body" AS BLOB)) FROM "entry";
CREATE TRIGGER "entry_checksum_ai" AFTER INSERT ON "entry" BEGIN
  INSERT OR REPLACE INTO "entry_checksum" ("entry_id", "checksum")
    VALUES (new."id", journal_checksum(CAST(new."title" AS BLOB), CAST(new."body" AS BLOB)));
END;
CREATE TRIGGER "entry_checksum_au" AFTER UPDATE OF "title", "body" ON "entry" BEGIN
  INSERT OR REPLACE INTO "entry_checksum" ("entry_id", "checksum")
    VALUES (new."id", journal_checksum(CAST(new."title" AS BLOB), CAST(new."body" AS BLOB)));
END;
CREATE TRIGGER "entry_checksum_ad" AFTER DELETE ON "entry" BEGIN
  DELETE FROM "entry_checksum" WHERE "entry_id" = old."id";
END;
