-- Schema version 10: more of the journal travels through the sync folder (issue 15,
-- docs/SYNC.md "More tables"): work sessions, day logs, resources, tasks and the board's
-- cards (checklist lines, links, label colours), outputs, templates and the personal
-- dictionary get a global id ("uid", NULL until first sent), and tasks a "rank": the
-- board order that travels, a text key between its neighbours' (NULL until first sent;
-- "position" stays the local order, rebuilt from the ranks when others' moves arrive).
-- Their checksum triggers are remade over the new columns (db/checksums.py trigger_sql)
-- and every row's checksum is rewritten; the dirty triggers mark their rows as v9's
-- do (a tag on a task marks the task), 'gone:' || uid on delete.
ALTER TABLE "resource" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "resource_uid" ON "resource" ("uid");
ALTER TABLE "task" ADD COLUMN "uid" TEXT;
ALTER TABLE "task" ADD COLUMN "rank" TEXT;
CREATE UNIQUE INDEX "task_uid" ON "task" ("uid");
ALTER TABLE "task_check_item" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "task_check_item_uid" ON "task_check_item" ("uid");
ALTER TABLE "task_link" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "task_link_uid" ON "task_link" ("uid");
ALTER TABLE "tag_color" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "tag_color_uid" ON "tag_color" ("uid");
ALTER TABLE "work_session" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "work_session_uid" ON "work_session" ("uid");
ALTER TABLE "day_log" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "day_log_uid" ON "day_log" ("uid");
ALTER TABLE "output" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "output_uid" ON "output" ("uid");
ALTER TABLE "template" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "template_uid" ON "template" ("uid");
ALTER TABLE "personal_word" ADD COLUMN "uid" TEXT;
CREATE UNIQUE INDEX "personal_word_uid" ON "personal_word" ("uid");
DROP TRIGGER "resource_row_checksum_ai";
DROP TRIGGER "resource_row_checksum_au";
DROP TRIGGER "resource_row_checksum_ad";
CREATE TRIGGER "resource_row_checksum_ai" AFTER INSERT ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('resource', +new."id",
    journal_row_checksum('resource', new."id", new."title", new."kind", new."url", new."status", new."progress", new."notes", new."skill_id", new."created_at", new."uid"));
END;
CREATE TRIGGER "resource_row_checksum_au" AFTER UPDATE ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('resource', +new."id",
    journal_row_checksum('resource', new."id", new."title", new."kind", new."url", new."status", new."progress", new."notes", new."skill_id", new."created_at", new."uid"));
END;
CREATE TRIGGER "resource_row_checksum_ad" AFTER DELETE ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" = +old."id" AND journal_row_checksum('resource') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'resource', +t."id", journal_row_checksum('resource', t."id", t."title", t."kind", t."url", t."status", t."progress", t."notes", t."skill_id", t."created_at", t."uid")
  FROM "resource" t;
DROP TRIGGER "task_row_checksum_ai";
DROP TRIGGER "task_row_checksum_au";
DROP TRIGGER "task_row_checksum_ad";
CREATE TRIGGER "task_row_checksum_ai" AFTER INSERT ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at", new."due", new."priority", new."uid", new."rank"));
END;
CREATE TRIGGER "task_row_checksum_au" AFTER UPDATE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at", new."due", new."priority", new."uid", new."rank"));
END;
CREATE TRIGGER "task_row_checksum_ad" AFTER DELETE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +old."id" AND journal_row_checksum('task') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task', +t."id", journal_row_checksum('task', t."id", t."title", t."notes", t."sprint_id", t."status", t."position", t."estimate_hours", t."skill_id", t."resource_id", t."done_at", t."created_at", t."due", t."priority", t."uid", t."rank")
  FROM "task" t;
DROP TRIGGER "task_check_item_row_checksum_ai";
DROP TRIGGER "task_check_item_row_checksum_au";
DROP TRIGGER "task_check_item_row_checksum_ad";
CREATE TRIGGER "task_check_item_row_checksum_ai" AFTER INSERT ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task_check_item', +new."id",
    journal_row_checksum('task_check_item', new."id", new."task_id", new."text", new."done", new."position", new."uid"));
END;
CREATE TRIGGER "task_check_item_row_checksum_au" AFTER UPDATE ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task_check_item', +new."id",
    journal_row_checksum('task_check_item', new."id", new."task_id", new."text", new."done", new."position", new."uid"));
END;
CREATE TRIGGER "task_check_item_row_checksum_ad" AFTER DELETE ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" = +old."id" AND journal_row_checksum('task_check_item') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task_check_item', +t."id", journal_row_checksum('task_check_item', t."id", t."task_id", t."text", t."done", t."position", t."uid")
  FROM "task_check_item" t;
DROP TRIGGER "task_link_row_checksum_ai";
DROP TRIGGER "task_link_row_checksum_au";
DROP TRIGGER "task_link_row_checksum_ad";
CREATE TRIGGER "task_link_row_checksum_ai" AFTER INSERT ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task_link', +new."id",
    journal_row_checksum('task_link', new."id", new."task_id", new."entry_id", new."resource_id", new."uid"));
END;
CREATE TRIGGER "task_link_row_checksum_au" AFTER UPDATE ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task_link', +new."id",
    journal_row_checksum('task_link', new."id", new."task_id", new."entry_id", new."resource_id", new."uid"));
END;
CREATE TRIGGER "task_link_row_checksum_ad" AFTER DELETE ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" = +old."id" AND journal_row_checksum('task_link') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task_link', +t."id", journal_row_checksum('task_link', t."id", t."task_id", t."entry_id", t."resource_id", t."uid")
  FROM "task_link" t;
DROP TRIGGER "tag_color_row_checksum_ai";
DROP TRIGGER "tag_color_row_checksum_au";
DROP TRIGGER "tag_color_row_checksum_ad";
CREATE TRIGGER "tag_color_row_checksum_ai" AFTER INSERT ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" = +new."tag_id";
  INSERT INTO "row_checksum" VALUES ('tag_color', +new."tag_id",
    journal_row_checksum('tag_color', new."tag_id", new."color", new."uid"));
END;
CREATE TRIGGER "tag_color_row_checksum_au" AFTER UPDATE ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" IN (+old."tag_id", +new."tag_id");
  INSERT INTO "row_checksum" VALUES ('tag_color', +new."tag_id",
    journal_row_checksum('tag_color', new."tag_id", new."color", new."uid"));
END;
CREATE TRIGGER "tag_color_row_checksum_ad" AFTER DELETE ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" = +old."tag_id" AND journal_row_checksum('tag_color') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'tag_color', +t."tag_id", journal_row_checksum('tag_color', t."tag_id", t."color", t."uid")
  FROM "tag_color" t;
DROP TRIGGER "work_session_row_checksum_ai";
DROP TRIGGER "work_session_row_checksum_au";
DROP TRIGGER "work_session_row_checksum_ad";
CREATE TRIGGER "work_session_row_checksum_ai" AFTER INSERT ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('work_session', +new."id",
    journal_row_checksum('work_session', new."id", new."start", new."end", new."category_id", new."skill_id", new."resource_id", new."task_id", new."note", new."source", new."uid"));
END;
CREATE TRIGGER "work_session_row_checksum_au" AFTER UPDATE ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('work_session', +new."id",
    journal_row_checksum('work_session', new."id", new."start", new."end", new."category_id", new."skill_id", new."resource_id", new."task_id", new."note", new."source", new."uid"));
END;
CREATE TRIGGER "work_session_row_checksum_ad" AFTER DELETE ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" = +old."id" AND journal_row_checksum('work_session') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'work_session', +t."id", journal_row_checksum('work_session', t."id", t."start", t."end", t."category_id", t."skill_id", t."resource_id", t."task_id", t."note", t."source", t."uid")
  FROM "work_session" t;
DROP TRIGGER "day_log_row_checksum_ai";
DROP TRIGGER "day_log_row_checksum_au";
DROP TRIGGER "day_log_row_checksum_ad";
CREATE TRIGGER "day_log_row_checksum_ai" AFTER INSERT ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('day_log', +new."id",
    journal_row_checksum('day_log', new."id", new."day", new."sleep_start", new."sleep_end", new."sleep_hours", new."sleep_quality", new."energy", new."note", new."uid"));
END;
CREATE TRIGGER "day_log_row_checksum_au" AFTER UPDATE ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('day_log', +new."id",
    journal_row_checksum('day_log', new."id", new."day", new."sleep_start", new."sleep_end", new."sleep_hours", new."sleep_quality", new."energy", new."note", new."uid"));
END;
CREATE TRIGGER "day_log_row_checksum_ad" AFTER DELETE ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" = +old."id" AND journal_row_checksum('day_log') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'day_log', +t."id", journal_row_checksum('day_log', t."id", t."day", t."sleep_start", t."sleep_end", t."sleep_hours", t."sleep_quality", t."energy", t."note", t."uid")
  FROM "day_log" t;
DROP TRIGGER "output_row_checksum_ai";
DROP TRIGGER "output_row_checksum_au";
DROP TRIGGER "output_row_checksum_ad";
CREATE TRIGGER "output_row_checksum_ai" AFTER INSERT ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('output', +new."id",
    journal_row_checksum('output', new."id", new."kind", new."title", new."status", new."url", new."words", new."day", new."entry_id", new."sprint_id", new."skill_id", new."created_at", new."uid"));
END;
CREATE TRIGGER "output_row_checksum_au" AFTER UPDATE ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('output', +new."id",
    journal_row_checksum('output', new."id", new."kind", new."title", new."status", new."url", new."words", new."day", new."entry_id", new."sprint_id", new."skill_id", new."created_at", new."uid"));
END;
CREATE TRIGGER "output_row_checksum_ad" AFTER DELETE ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" = +old."id" AND journal_row_checksum('output') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'output', +t."id", journal_row_checksum('output', t."id", t."kind", t."title", t."status", t."url", t."words", t."day", t."entry_id", t."sprint_id", t."skill_id", t."created_at", t."uid")
  FROM "output" t;
DROP TRIGGER "template_row_checksum_ai";
DROP TRIGGER "template_row_checksum_au";
DROP TRIGGER "template_row_checksum_ad";
CREATE TRIGGER "template_row_checksum_ai" AFTER INSERT ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('template', +new."id",
    journal_row_checksum('template', new."id", new."name", new."title", new."body", new."builtin", new."builtin_key", new."position", new."created_at", new."updated_at", new."uid"));
END;
CREATE TRIGGER "template_row_checksum_au" AFTER UPDATE ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('template', +new."id",
    journal_row_checksum('template', new."id", new."name", new."title", new."body", new."builtin", new."builtin_key", new."position", new."created_at", new."updated_at", new."uid"));
END;
CREATE TRIGGER "template_row_checksum_ad" AFTER DELETE ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" = +old."id" AND journal_row_checksum('template') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'template', +t."id", journal_row_checksum('template', t."id", t."name", t."title", t."body", t."builtin", t."builtin_key", t."position", t."created_at", t."updated_at", t."uid")
  FROM "template" t;
DROP TRIGGER "personal_word_row_checksum_ai";
DROP TRIGGER "personal_word_row_checksum_au";
DROP TRIGGER "personal_word_row_checksum_ad";
CREATE TRIGGER "personal_word_row_checksum_ai" AFTER INSERT ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" = +new."word";
  INSERT INTO "row_checksum" VALUES ('personal_word', +new."word",
    journal_row_checksum('personal_word', new."word", new."created_at", new."uid"));
END;
CREATE TRIGGER "personal_word_row_checksum_au" AFTER UPDATE ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" IN (+old."word", +new."word");
  INSERT INTO "row_checksum" VALUES ('personal_word', +new."word",
    journal_row_checksum('personal_word', new."word", new."created_at", new."uid"));
END;
CREATE TRIGGER "personal_word_row_checksum_ad" AFTER DELETE ON "personal_word" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'personal_word' AND "row_key" = +old."word" AND journal_row_checksum('personal_word') IS NOT NULL;
END;
INSERT OR REPLACE INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'personal_word', +t."word", journal_row_checksum('personal_word', t."word", t."created_at", t."uid")
  FROM "personal_word" t;
CREATE TRIGGER "resource_sync_dirty_i" AFTER INSERT ON "resource" BEGIN
  INSERT INTO "sync_dirty" SELECT 'resource', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'resource' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "resource_sync_dirty_u" AFTER UPDATE ON "resource" BEGIN
  INSERT INTO "sync_dirty" SELECT 'resource', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'resource' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "resource_sync_dirty_d" AFTER DELETE ON "resource" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'resource', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'resource' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "task_sync_dirty_i" AFTER INSERT ON "task" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_sync_dirty_u" AFTER UPDATE ON "task" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_sync_dirty_d" AFTER DELETE ON "task" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'task', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "task_check_item_sync_dirty_i" AFTER INSERT ON "task_check_item" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_check_item', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_check_item' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_check_item_sync_dirty_u" AFTER UPDATE ON "task_check_item" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_check_item', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_check_item' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_check_item_sync_dirty_d" AFTER DELETE ON "task_check_item" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_check_item', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_check_item' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "task_link_sync_dirty_i" AFTER INSERT ON "task_link" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_link', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_link' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_link_sync_dirty_u" AFTER UPDATE ON "task_link" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_link', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_link' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "task_link_sync_dirty_d" AFTER DELETE ON "task_link" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'task_link', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task_link' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "tag_color_sync_dirty_i" AFTER INSERT ON "tag_color" BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag_color', CAST(new."tag_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag_color' AND "row_key" = CAST(new."tag_id" AS TEXT));
END;
CREATE TRIGGER "tag_color_sync_dirty_u" AFTER UPDATE ON "tag_color" BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag_color', CAST(new."tag_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag_color' AND "row_key" = CAST(new."tag_id" AS TEXT));
END;
CREATE TRIGGER "tag_color_sync_dirty_d" AFTER DELETE ON "tag_color" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'tag_color', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'tag_color' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "work_session_sync_dirty_i" AFTER INSERT ON "work_session" BEGIN
  INSERT INTO "sync_dirty" SELECT 'work_session', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'work_session' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "work_session_sync_dirty_u" AFTER UPDATE ON "work_session" BEGIN
  INSERT INTO "sync_dirty" SELECT 'work_session', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'work_session' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "work_session_sync_dirty_d" AFTER DELETE ON "work_session" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'work_session', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'work_session' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "day_log_sync_dirty_i" AFTER INSERT ON "day_log" BEGIN
  INSERT INTO "sync_dirty" SELECT 'day_log', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'day_log' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "day_log_sync_dirty_u" AFTER UPDATE ON "day_log" BEGIN
  INSERT INTO "sync_dirty" SELECT 'day_log', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'day_log' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "day_log_sync_dirty_d" AFTER DELETE ON "day_log" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'day_log', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'day_log' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "output_sync_dirty_i" AFTER INSERT ON "output" BEGIN
  INSERT INTO "sync_dirty" SELECT 'output', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'output' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "output_sync_dirty_u" AFTER UPDATE ON "output" BEGIN
  INSERT INTO "sync_dirty" SELECT 'output', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'output' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "output_sync_dirty_d" AFTER DELETE ON "output" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'output', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'output' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "template_sync_dirty_i" AFTER INSERT ON "template" BEGIN
  INSERT INTO "sync_dirty" SELECT 'template', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'template' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "template_sync_dirty_u" AFTER UPDATE ON "template" BEGIN
  INSERT INTO "sync_dirty" SELECT 'template', CAST(new."id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'template' AND "row_key" = CAST(new."id" AS TEXT));
END;
CREATE TRIGGER "template_sync_dirty_d" AFTER DELETE ON "template" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'template', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'template' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "personal_word_sync_dirty_i" AFTER INSERT ON "personal_word" BEGIN
  INSERT INTO "sync_dirty" SELECT 'personal_word', CAST(new."word" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'personal_word' AND "row_key" = CAST(new."word" AS TEXT));
END;
CREATE TRIGGER "personal_word_sync_dirty_u" AFTER UPDATE ON "personal_word" BEGIN
  INSERT INTO "sync_dirty" SELECT 'personal_word', CAST(new."word" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'personal_word' AND "row_key" = CAST(new."word" AS TEXT));
END;
CREATE TRIGGER "personal_word_sync_dirty_d" AFTER DELETE ON "personal_word" WHEN old."uid" IS NOT NULL BEGIN
  INSERT INTO "sync_dirty" SELECT 'personal_word', 'gone:' || old."uid"
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'personal_word' AND "row_key" = 'gone:' || old."uid");
END;
CREATE TRIGGER "task_tag_sync_dirty_i" AFTER INSERT ON "task_tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task', CAST(new."task_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task' AND "row_key" = CAST(new."task_id" AS TEXT));
END;
CREATE TRIGGER "task_tag_sync_dirty_d" AFTER DELETE ON "task_tag" BEGIN
  INSERT INTO "sync_dirty" SELECT 'task', CAST(old."task_id" AS TEXT)
    WHERE NOT EXISTS (SELECT 1 FROM "sync_dirty" WHERE "tbl" = 'task' AND "row_key" = CAST(old."task_id" AS TEXT));
END;
