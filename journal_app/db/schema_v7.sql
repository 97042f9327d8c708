-- Schema version 7: the board's cards (issue 17): a due date and a priority on tasks,
-- colours for tags used as labels, a checklist per task and links from a task to journal
-- entries and resources. Task's checksum triggers are rebuilt over its new columns (verify
-- hashes every column a table has) and the new tables get theirs (db/checksums.py).
ALTER TABLE "task" ADD COLUMN "due" DATE;
ALTER TABLE "task" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "tag_color" ("tag_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "tag" ("id") ON DELETE CASCADE, "color" TEXT NOT NULL);
CREATE TABLE "task_check_item" ("id" INTEGER NOT NULL PRIMARY KEY, "task_id" INTEGER NOT NULL REFERENCES "task" ("id") ON DELETE CASCADE, "text" TEXT NOT NULL, "done" INTEGER NOT NULL DEFAULT 0, "position" INTEGER NOT NULL DEFAULT 0);
CREATE INDEX "task_check_item_task_id" ON "task_check_item" ("task_id", "position");
CREATE TABLE "task_link" ("id" INTEGER NOT NULL PRIMARY KEY, "task_id" INTEGER NOT NULL REFERENCES "task" ("id") ON DELETE CASCADE, "entry_id" INTEGER REFERENCES "entry" ("id") ON DELETE CASCADE, "resource_id" INTEGER REFERENCES "resource" ("id") ON DELETE CASCADE);
CREATE INDEX "task_link_task_id" ON "task_link" ("task_id");
CREATE UNIQUE INDEX "task_link_target" ON "task_link" ("task_id", COALESCE("entry_id", 0), COALESCE("resource_id", 0));
DROP TRIGGER "task_row_checksum_ai";
DROP TRIGGER "task_row_checksum_au";
DROP TRIGGER "task_row_checksum_ad";
DELETE FROM "row_checksum" WHERE "tbl" = 'task';
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task', +t."id", journal_row_checksum('task', t."id", t."title", t."notes", t."sprint_id", t."status", t."position", t."estimate_hours", t."skill_id", t."resource_id", t."done_at", t."created_at", t."due", t."priority")
  FROM "task" t;
CREATE TRIGGER "task_row_checksum_ai" AFTER INSERT ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at", new."due", new."priority"));
END;
CREATE TRIGGER "task_row_checksum_au" AFTER UPDATE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at", new."due", new."priority"));
END;
CREATE TRIGGER "task_row_checksum_ad" AFTER DELETE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +old."id" AND journal_row_checksum('task') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'tag_color', +t."tag_id", journal_row_checksum('tag_color', t."tag_id", t."color")
  FROM "tag_color" t;
CREATE TRIGGER "tag_color_row_checksum_ai" AFTER INSERT ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" = +new."tag_id";
  INSERT INTO "row_checksum" VALUES ('tag_color', +new."tag_id",
    journal_row_checksum('tag_color', new."tag_id", new."color"));
END;
CREATE TRIGGER "tag_color_row_checksum_au" AFTER UPDATE ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" IN (+old."tag_id", +new."tag_id");
  INSERT INTO "row_checksum" VALUES ('tag_color', +new."tag_id",
    journal_row_checksum('tag_color', new."tag_id", new."color"));
END;
CREATE TRIGGER "tag_color_row_checksum_ad" AFTER DELETE ON "tag_color" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag_color' AND "row_key" = +old."tag_id" AND journal_row_checksum('tag_color') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task_check_item', +t."id", journal_row_checksum('task_check_item', t."id", t."task_id", t."text", t."done", t."position")
  FROM "task_check_item" t;
CREATE TRIGGER "task_check_item_row_checksum_ai" AFTER INSERT ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task_check_item', +new."id",
    journal_row_checksum('task_check_item', new."id", new."task_id", new."text", new."done", new."position"));
END;
CREATE TRIGGER "task_check_item_row_checksum_au" AFTER UPDATE ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task_check_item', +new."id",
    journal_row_checksum('task_check_item', new."id", new."task_id", new."text", new."done", new."position"));
END;
CREATE TRIGGER "task_check_item_row_checksum_ad" AFTER DELETE ON "task_check_item" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_check_item' AND "row_key" = +old."id" AND journal_row_checksum('task_check_item') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task_link', +t."id", journal_row_checksum('task_link', t."id", t."task_id", t."entry_id", t."resource_id")
  FROM "task_link" t;
CREATE TRIGGER "task_link_row_checksum_ai" AFTER INSERT ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task_link', +new."id",
    journal_row_checksum('task_link', new."id", new."task_id", new."entry_id", new."resource_id"));
END;
CREATE TRIGGER "task_link_row_checksum_au" AFTER UPDATE ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task_link', +new."id",
    journal_row_checksum('task_link', new."id", new."task_id", new."entry_id", new."resource_id"));
END;
CREATE TRIGGER "task_link_row_checksum_ad" AFTER DELETE ON "task_link" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_link' AND "row_key" = +old."id" AND journal_row_checksum('task_link') IS NOT NULL;
END;
