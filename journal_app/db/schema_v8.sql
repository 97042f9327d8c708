-- Schema version 8: the personal spelling dictionary (issue 18), kept with the journal so
-- it syncs and backs up with it: one row per word the user added, with its checksum
-- triggers (db/checksums.py).
CREATE TABLE "personal_word" ("word" TEXT NOT NULL PRIMARY KEY, "created_at" DATETIME NOT NULL) WITHOUT ROWID;
CREATE TRIGGER "personal_word_row_checksum_ai" AFTER INSERT ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" = +new."word";
  INSERT INTO "row_checksum" VALUES ('personal_word', +new."word",
    journal_row_checksum('personal_word', new."word", new."created_at"));
END;
CREATE TRIGGER "personal_word_row_checksum_au" AFTER UPDATE ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" IN (+old."word", +new."word");
  INSERT INTO "row_checksum" VALUES ('personal_word', +new."word",
    journal_row_checksum('personal_word', new."word", new."created_at"));
END;
CREATE TRIGGER "personal_word_row_checksum_ad" AFTER DELETE ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" = +old."word" AND journal_row_checksum('personal_word') IS NOT NULL;
END;
