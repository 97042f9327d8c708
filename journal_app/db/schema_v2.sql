-- Schema version 2: a full-text index over entries (title, body, tags), FTS5 with
-- external content read through a view, kept in sync by triggers. Every trigger reads
-- the view, so the 'delete' it issues always carries exactly the values once indexed.
CREATE VIEW "entry_search_source" AS
  SELECT e."id" AS "id", e."title" AS "title", e."body" AS "body",
         COALESCE((SELECT group_concat("name", ' ') FROM (
                     SELECT t."name" AS "name" FROM "entry_tag" et
                     JOIN "tag" t ON t."id" = et."tag_id"
                     WHERE et."entry_id" = e."id" ORDER BY t."name")), '') AS "tags"
  FROM "entry" e;
CREATE VIRTUAL TABLE "entry_fts" USING fts5(
  "title", "body", "tags",
  content='entry_search_source', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER "entry_fts_ai" AFTER INSERT ON "entry" BEGIN
  INSERT INTO "entry_fts"(rowid, "title", "body", "tags")
    SELECT "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = new."id";
END;
CREATE TRIGGER "entry_fts_bd" BEFORE DELETE ON "entry" BEGIN
  INSERT INTO "entry_fts"("entry_fts", rowid, "title", "body", "tags")
    SELECT 'delete', "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = old."id";
END;
CREATE TRIGGER "entry_fts_bu" BEFORE UPDATE OF "title", "body" ON "entry" BEGIN
  INSERT INTO "entry_fts"("entry_fts", rowid, "title", "body", "tags")
    SELECT 'delete', "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = old."id";
END;
CREATE TRIGGER "entry_fts_au" AFTER UPDATE OF "title", "body" ON "entry" BEGIN
  INSERT INTO "entry_fts"(rowid, "title", "body", "tags")
    SELECT "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = new."id";
END;
CREATE TRIGGER "entry_tag_fts_bi" BEFORE INSERT ON "entry_tag" BEGIN
  INSERT INTO "entry_fts"("entry_fts", rowid, "title", "body", "tags")
    SELECT 'delete', "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = new."entry_id";
END;
CREATE TRIGGER "entry_tag_fts_ai" AFTER INSERT ON "entry_tag" BEGIN
  INSERT INTO "entry_fts"(rowid, "title", "body", "tags")
    SELECT "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = new."entry_id";
END;
CREATE TRIGGER "entry_tag_fts_bd" BEFORE DELETE ON "entry_tag" BEGIN
  INSERT INTO "entry_fts"("entry_fts", rowid, "title", "body", "tags")
    SELECT 'delete', "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = old."entry_id";
END;
CREATE TRIGGER "entry_tag_fts_ad" AFTER DELETE ON "entry_tag" BEGIN
  INSERT INTO "entry_fts"(rowid, "title", "body", "tags")
    SELECT "id", "title", "body", "tags" FROM "entry_search_source" WHERE "id" = old."entry_id";
END;
CREATE TRIGGER "tag_fts_bu" BEFORE UPDATE OF "name" ON "tag" BEGIN
  INSERT INTO "entry_fts"("entry_fts", rowid, "title", "body", "tags")
    SELECT 'delete', s."id", s."title", s."body", s."tags" FROM "entry_search_source" s
    JOIN "entry_tag" et ON et."entry_id" = s."id" WHERE et."tag_id" = old."id";
END;
CREATE TRIGGER "tag_fts_au" AFTER UPDATE OF "name" ON "tag" BEGIN
  INSERT INTO "entry_fts"(rowid, "title", "body", "tags")
    SELECT s."id", s."title", s."body", s."tags" FROM "entry_search_source" s
    JOIN "entry_tag" et ON et."entry_id" = s."id" WHERE et."tag_id" = new."id";
END;
INSERT INTO "entry_fts"("entry_fts") VALUES ('rebuild');
