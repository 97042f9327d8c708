-- Schema version 9: sync through a folder (issue 15, docs/SYNC.md). Rows that travel
-- get a global id ("uid", 32 hex digits) beside their local integer key, NULL until the
-- row is first sent (services/sync); the checksum triggers of those tables are remade to
-- cover it (their column list after v7/v8, which added no column to them, plus uid;
-- db/checksums.py trigger_sql). The sync_* tables are bookkeeping that can be rebuilt
-- from the folder, not the user's words, so no checksums: sync_state (this device: id,
-- name, folder, clock), sync_field (the last-writer-wins register of every synced field,
-- with its clock stamp), sync_text (the CRDT state of entry bodies), sync_dirty (rows
-- changed since the last export, kept by the triggers below on every write path),
-- sync_applied (the segments applied, per device). The board's tables (v7: tag_color,
-- task_check_item, task_link) and the personal dictionary (v8) do not sync yet: no uid,
-- no dirty marks (docs/SYNC.md, "Left").
ALTER TABLE "skill" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "skill_uid" ON "skill" ("uid");
ALTER TABLE "category" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "category_uid" ON "category" ("uid");
ALTER TABLE "sprint" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "sprint_uid" ON "sprint" ("uid");
ALTER TABLE "entry" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "entry_uid" ON "entry" ("uid");
ALTER TABLE "tag" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "tag_uid" ON "tag" ("uid");
DROP TRIGGER "skill_row_checksum_ai";
DROP TRIGGER "skill_row_checksum_au";
DROP TRIGGER "skill_row_checksum_ad";
CREATE TRIGGER "skill_row_checksum_ai" AFTER INSERT ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('skill', +new."id",
    journal_row_checksum('skill', new."id", new."name", new."target_hours", new."baseline_hours", new."created_at", new."uid"));
END;
CREATE TRIGGER "skill_row_checksum_au" AFTER UPDATE ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('skill', +new."id",
    journal_row_checksum('skill', new."id", new."name", new."target_hours", new."baseline_hours", new."created_at", new."uid"));
END;
CREATE TRIGGER "skill_row_checksum_ad" AFTER DELETE ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" = +old."id" AND journal_row_checksum('skill') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'skill', +t."id", journal_row_checksum('skill', t."id", t."name", t."target_hours", t."baseline_hours", t."created_at", t."uid")
  FROM "skill" t;
DROP TRIGGER "category_row_checksum_ai";
DROP TRIGGER "category_row_checksum_au";
DROP TRIGGER "category_row_checksum_ad";
CREATE TRIGGER "category_row_checksum_ai" AFTER INSERT ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('category', +new."id",
    journal_row_checksum('category', new."id", new."name", new."side", new."position", new."uid"));
END;
CREATE TRIGGER "category_row_checksum_au" AFTER UPDATE ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('category', +new."id",
    journal_row_checksum('category', new."id", new."name", new."side", new."position", new."uid"));
END;
CREATE TRIGGER "category_row_checksum_ad" AFTER DELETE ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" = +old."id" AND journal_row_checksum('category') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'category', +t."id", journal_row_checksum('category', t."id", t."name", t."side", t."position", t."uid")
  FROM "category" t;
DROP TRIGGER "sprint_row_checksum_ai";
DROP TRIGGER "sprint_row_checksum_au";
DROP TRIGGER "sprint_row_checksum_ad";
CREATE TRIGGER "sprint_row_checksum_ai" AFTER INSERT ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('sprint', +new."id",
    journal_row_checksum('sprint', new."id", new."name", new."goal", new."career_goal", new."start", new."end", new."capacity_hours", new."status", new."created_at", new."uid"));
END;
CREATE TRIGGER "sprint_row_checksum_au" AFTER UPDATE ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('sprint', +new."id",
    journal_row_checksum('sprint', new."id", new."name", new."goal", new."career_goal", new."start", new."end", new."capacity_hours", new."status", new."created_at", new."uid"));
END;
CREATE TRIGGER "sprint_row_checksum_ad" AFTER DELETE ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" = +old."id" AND journal_row_checksum('sprint') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'sprint', +t."id", journal_row_checksum('sprint', t."id", t."name", t."goal", t."career_goal", t."start", t."end", t."capacity_hours", t."status", t."created_at", t."uid")
  FROM "sprint" t;
DROP TRIGGER "entry_row_checksum_ai";
DROP TRIGGER "entry_row_checksum_au";
DROP TRIGGER "entry_row_checksum_ad";
CREATE TRIGGER "entry_row_checksum_ai" AFTER INSERT ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('entry', +new."id",
    journal_row_checksum('entry', new."id", new."day", new."title", new."body", new."series", new."number", new."visibility", new."published_url", new."sprint_id", new."rev", new."created_at", new."updated_at", new."deleted_at", new."uid"));
END;
CREATE TRIGGER "entry_row_checksum_au" AFTER UPDATE ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('entry', +new."id",
    journal_row_checksum('entry', new."id", new."day", new."title", new."body", new."series", new."number", new."visibility", new."published_url", new."sprint_id", new."rev", new."created_at", new."updated_at", new."deleted_at", new."uid"));
END;
CREATE TRIGGER "entry_row_checksum_ad" AFTER DELETE ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" = +old."id" AND journal_row_checksum('entry') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'entry', +t."id", journal_row_checksum('entry', t."id", t."day", t."title", t."body", t."series", t."number", t."visibility", t."published_url", t."sprint_id", t."rev", t."created_at", t."updated_at", t."deleted_at", t."uid")
  FROM "entry" t;
DROP TRIGGER "tag_row_checksum_ai";
DROP TRIGGER "tag_row_checksum_au";
DROP TRIGGER "tag_row_checksum_ad";
CREATE TRIGGER "tag_row_checksum_ai" AFTER INSERT ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('tag', +new."id",
    journal_row_checksum('tag', new."id", new."name", new."uid"));
END;
CREATE TRIGGER "tag_row_checksum_au" AFTER UPDATE ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('tag', +new."id",
    journal_row_checksum('tag', new."id", new."name", new."uid"));
END;
CREATE TRIGGER "tag_row_checksum_ad" AFTER DELETE ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" = +old."id" AND journal_row_checksum('tag') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'tag', +t."id", journal_row_checksum('tag', t."id", t."name", t."uid")
  FROM "tag" t;
CREATE TABLE "sync_state" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "sync_field" ("tbl" TEXT NOT NULL, "uid" TEXT NOT NULL, "field" TEXT NOT NULL, "value" TEXT NOT NULL, "stamp" TEXT NOT NULL, PRIMARY KEY ("tbl", "uid", "field")) WITHOUT ROWID;
CREATE TABLE "sync_text" ("uid" TEXT NOT NULL, "gen" TEXT NOT NULL, "state" BLOB NOT NULL, PRIMARY KEY ("uid", "gen")) WITHOUT ROWID;
CREATE TABLE "sync_dirty" ("tbl" TEXT NOT NULL, "row_key" TEXT NOT NULL, PRIMARY KEY ("tbl", "row_key")) WITHOUT ROWID;
CREATE TABLE "sync_applied" ("device" TEXT NOT NULL PRIMARY KEY, "seq" INTEGER NOT NULL);
-- A row's key in sync_dirty: its id while it exists, 'gone:' and its uid once deleted.
-- No OR IGNORE: a trigger takes the conflict handling of the statement that fired it (an
-- upsert's makes it ABORT), so a mark is inserted only when it is not there.
CREATE TRIGGER "skill_sync_dirty_i" AFTER INSERT ON "skill" BEGIN
  INSERT INTO "sync_dirty" SELECT 'skill', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'skill' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "skill_sync_dirty_u" AFTER UPDATE ON "skill" BEGIN
  INSERT INTO "sync_dirty" SELECT 'skill', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'skill' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "skill_sync_dirty_d" AFTER DELETE ON "skill" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'skill', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'skill' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "category_sync_dirty_i" AFTER INSERT ON "category" BEGIN
  INSERT INTO "sync_dirty" SELECT 'category', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'category' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "category_sync_dirty_u" AFTER UPDATE ON "category" BEGIN
  INSERT INTO "sync_dirty" SELECT 'category', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'category' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "category_sync_dirty_d" AFTER DELETE ON "category" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'category', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'category' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "sprint_sync_dirty_i" AFTER INSERT ON "sprint" BEGIN
  INSERT INTO "sync_dirty" SELECT 'sprint', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'sprint' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "sprint_sync_dirty_u" AFTER UPDATE ON "sprint" BEGIN
  INSERT INTO "sync_dirty" SELECT 'sprint', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'sprint' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "sprint_sync_dirty_d" AFTER DELETE ON "sprint" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'sprint', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'sprint' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "entry_sync_dirty_i" AFTER INSERT ON "entry" BEGIN
  INSERT INTO "sync_dirty" SELECT 'entry', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'entry' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "entry_sync_dirty_u" AFTER UPDATE ON "entry" BEGIN
  INSERT INTO "sync_dirty" SELECT 'entry', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'entry' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "entry_sync_dirty_d" AFTER DELETE ON "entry" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'entry', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'entry' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "tag_sync_dirty_i" AFTER INSERT ON "tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "tag_sync_dirty_u" AFTER UPDATE ON "tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "tag_sync_dirty_d" AFTER DELETE ON "tag" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "entry_tag_sync_dirty_i" AFTER INSERT ON "entry_tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'entry', CAST(new."entry_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'entry' AND "row_key" = CAST(new."entry_id" AS TEXT));
END;
CREATE TRIGGER "entry_tag_sync_dirty_d" AFTER DELETE ON "entry_tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'entry', CAST(old."entry_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'entry' AND "row_key" = CAST(old."entry_id" AS TEXT));
END;
