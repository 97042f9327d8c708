-- Schema version 6: a checksum for every row of every table holding what the user wrote
-- or logged (entries with their day, series and tags, revisions, sessions, nights,
-- outputs, sprints, tasks, skills, resources, templates, settings …), replacing v5's
-- titles-and-bodies-only entry_checksum. Kept by triggers that call
-- journal_row_checksum(), a function every journal connection registers; written by
-- db/checksums.py schema_script() and frozen here (verify recomputes the same SQL).
DROP TRIGGER "entry_checksum_ai";
DROP TRIGGER "entry_checksum_au";
DROP TRIGGER "entry_checksum_ad";
DROP TABLE "entry_checksum";
CREATE TABLE "row_checksum" ("tbl" TEXT NOT NULL, "row_key" NOT NULL, "checksum" BLOB NOT NULL, PRIMARY KEY ("tbl", "row_key")) WITHOUT ROWID;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'skill', +t."id", journal_row_checksum('skill', t."id", t."name", t."target_hours", t."baseline_hours", t."created_at")
  FROM "skill" t;
CREATE TRIGGER "skill_row_checksum_ai" AFTER INSERT ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('skill', +new."id",
    journal_row_checksum('skill', new."id", new."name", new."target_hours", new."baseline_hours", new."created_at"));
END;
CREATE TRIGGER "skill_row_checksum_au" AFTER UPDATE ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('skill', +new."id",
    journal_row_checksum('skill', new."id", new."name", new."target_hours", new."baseline_hours", new."created_at"));
END;
CREATE TRIGGER "skill_row_checksum_ad" AFTER DELETE ON "skill" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'skill' AND "row_key" = +old."id" AND journal_row_checksum('skill') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'category', +t."id", journal_row_checksum('category', t."id", t."name", t."side", t."position")
  FROM "category" t;
CREATE TRIGGER "category_row_checksum_ai" AFTER INSERT ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('category', +new."id",
    journal_row_checksum('category', new."id", new."name", new."side", new."position"));
END;
CREATE TRIGGER "category_row_checksum_au" AFTER UPDATE ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('category', +new."id",
    journal_row_checksum('category', new."id", new."name", new."side", new."position"));
END;
CREATE TRIGGER "category_row_checksum_ad" AFTER DELETE ON "category" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'category' AND "row_key" = +old."id" AND journal_row_checksum('category') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'sprint', +t."id", journal_row_checksum('sprint', t."id", t."name", t."goal", t."career_goal", t."start", t."end", t."capacity_hours", t."status", t."created_at")
  FROM "sprint" t;
CREATE TRIGGER "sprint_row_checksum_ai" AFTER INSERT ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('sprint', +new."id",
    journal_row_checksum('sprint', new."id", new."name", new."goal", new."career_goal", new."start", new."end", new."capacity_hours", new."status", new."created_at"));
END;
CREATE TRIGGER "sprint_row_checksum_au" AFTER UPDATE ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('sprint', +new."id",
    journal_row_checksum('sprint', new."id", new."name", new."goal", new."career_goal", new."start", new."end", new."capacity_hours", new."status", new."created_at"));
END;
CREATE TRIGGER "sprint_row_checksum_ad" AFTER DELETE ON "sprint" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'sprint' AND "row_key" = +old."id" AND journal_row_checksum('sprint') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'resource', +t."id", journal_row_checksum('resource', t."id", t."title", t."kind", t."url", t."status", t."progress", t."notes", t."skill_id", t."created_at")
  FROM "resource" t;
CREATE TRIGGER "resource_row_checksum_ai" AFTER INSERT ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('resource', +new."id",
    journal_row_checksum('resource', new."id", new."title", new."kind", new."url", new."status", new."progress", new."notes", new."skill_id", new."created_at"));
END;
CREATE TRIGGER "resource_row_checksum_au" AFTER UPDATE ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('resource', +new."id",
    journal_row_checksum('resource', new."id", new."title", new."kind", new."url", new."status", new."progress", new."notes", new."skill_id", new."created_at"));
END;
CREATE TRIGGER "resource_row_checksum_ad" AFTER DELETE ON "resource" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'resource' AND "row_key" = +old."id" AND journal_row_checksum('resource') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task', +t."id", journal_row_checksum('task', t."id", t."title", t."notes", t."sprint_id", t."status", t."position", t."estimate_hours", t."skill_id", t."resource_id", t."done_at", t."created_at")
  FROM "task" t;
CREATE TRIGGER "task_row_checksum_ai" AFTER INSERT ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at"));
END;
CREATE TRIGGER "task_row_checksum_au" AFTER UPDATE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('task', +new."id",
    journal_row_checksum('task', new."id", new."title", new."notes", new."sprint_id", new."status", new."position", new."estimate_hours", new."skill_id", new."resource_id", new."done_at", new."created_at"));
END;
CREATE TRIGGER "task_row_checksum_ad" AFTER DELETE ON "task" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task' AND "row_key" = +old."id" AND journal_row_checksum('task') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'entry', +t."id", journal_row_checksum('entry', t."id", t."day", t."title", t."body", t."series", t."number", t."visibility", t."published_url", t."sprint_id", t."rev", t."created_at", t."updated_at", t."deleted_at")
  FROM "entry" t;
CREATE TRIGGER "entry_row_checksum_ai" AFTER INSERT ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('entry', +new."id",
    journal_row_checksum('entry', new."id", new."day", new."title", new."body", new."series", new."number", new."visibility", new."published_url", new."sprint_id", new."rev", new."created_at", new."updated_at", new."deleted_at"));
END;
CREATE TRIGGER "entry_row_checksum_au" AFTER UPDATE ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('entry', +new."id",
    journal_row_checksum('entry', new."id", new."day", new."title", new."body", new."series", new."number", new."visibility", new."published_url", new."sprint_id", new."rev", new."created_at", new."updated_at", new."deleted_at"));
END;
CREATE TRIGGER "entry_row_checksum_ad" AFTER DELETE ON "entry" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry' AND "row_key" = +old."id" AND journal_row_checksum('entry') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'entry_revision', +t."id", journal_row_checksum('entry_revision', t."id", t."entry_id", t."rev", t."title", t."body", t."reason", t."created_at")
  FROM "entry_revision" t;
CREATE TRIGGER "entry_revision_row_checksum_ai" AFTER INSERT ON "entry_revision" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_revision' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('entry_revision', +new."id",
    journal_row_checksum('entry_revision', new."id", new."entry_id", new."rev", new."title", new."body", new."reason", new."created_at"));
END;
CREATE TRIGGER "entry_revision_row_checksum_au" AFTER UPDATE ON "entry_revision" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_revision' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('entry_revision', +new."id",
    journal_row_checksum('entry_revision', new."id", new."entry_id", new."rev", new."title", new."body", new."reason", new."created_at"));
END;
CREATE TRIGGER "entry_revision_row_checksum_ad" AFTER DELETE ON "entry_revision" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_revision' AND "row_key" = +old."id" AND journal_row_checksum('entry_revision') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'tag', +t."id", journal_row_checksum('tag', t."id", t."name")
  FROM "tag" t;
CREATE TRIGGER "tag_row_checksum_ai" AFTER INSERT ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('tag', +new."id",
    journal_row_checksum('tag', new."id", new."name"));
END;
CREATE TRIGGER "tag_row_checksum_au" AFTER UPDATE ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('tag', +new."id",
    journal_row_checksum('tag', new."id", new."name"));
END;
CREATE TRIGGER "tag_row_checksum_ad" AFTER DELETE ON "tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'tag' AND "row_key" = +old."id" AND journal_row_checksum('tag') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'entry_tag', t."entry_id" || '/' || t."tag_id", journal_row_checksum('entry_tag', t."entry_id", t."tag_id")
  FROM "entry_tag" t;
CREATE TRIGGER "entry_tag_row_checksum_ai" AFTER INSERT ON "entry_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_tag' AND "row_key" = new."entry_id" || '/' || new."tag_id";
  INSERT INTO "row_checksum" VALUES ('entry_tag', new."entry_id" || '/' || new."tag_id",
    journal_row_checksum('entry_tag', new."entry_id", new."tag_id"));
END;
CREATE TRIGGER "entry_tag_row_checksum_au" AFTER UPDATE ON "entry_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_tag' AND "row_key" IN (old."entry_id" || '/' || old."tag_id", new."entry_id" || '/' || new."tag_id");
  INSERT INTO "row_checksum" VALUES ('entry_tag', new."entry_id" || '/' || new."tag_id",
    journal_row_checksum('entry_tag', new."entry_id", new."tag_id"));
END;
CREATE TRIGGER "entry_tag_row_checksum_ad" AFTER DELETE ON "entry_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'entry_tag' AND "row_key" = old."entry_id" || '/' || old."tag_id" AND journal_row_checksum('entry_tag') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'task_tag', t."task_id" || '/' || t."tag_id", journal_row_checksum('task_tag', t."task_id", t."tag_id")
  FROM "task_tag" t;
CREATE TRIGGER "task_tag_row_checksum_ai" AFTER INSERT ON "task_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_tag' AND "row_key" = new."task_id" || '/' || new."tag_id";
  INSERT INTO "row_checksum" VALUES ('task_tag', new."task_id" || '/' || new."tag_id",
    journal_row_checksum('task_tag', new."task_id", new."tag_id"));
END;
CREATE TRIGGER "task_tag_row_checksum_au" AFTER UPDATE ON "task_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_tag' AND "row_key" IN (old."task_id" || '/' || old."tag_id", new."task_id" || '/' || new."tag_id");
  INSERT INTO "row_checksum" VALUES ('task_tag', new."task_id" || '/' || new."tag_id",
    journal_row_checksum('task_tag', new."task_id", new."tag_id"));
END;
CREATE TRIGGER "task_tag_row_checksum_ad" AFTER DELETE ON "task_tag" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'task_tag' AND "row_key" = old."task_id" || '/' || old."tag_id" AND journal_row_checksum('task_tag') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'attachment', +t."id", journal_row_checksum('attachment', t."id", t."entry_id", t."filename", t."mime", t."size", t."sha256", t."created_at")
  FROM "attachment" t;
CREATE TRIGGER "attachment_row_checksum_ai" AFTER INSERT ON "attachment" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'attachment' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('attachment', +new."id",
    journal_row_checksum('attachment', new."id", new."entry_id", new."filename", new."mime", new."size", new."sha256", new."created_at"));
END;
CREATE TRIGGER "attachment_row_checksum_au" AFTER UPDATE ON "attachment" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'attachment' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('attachment', +new."id",
    journal_row_checksum('attachment', new."id", new."entry_id", new."filename", new."mime", new."size", new."sha256", new."created_at"));
END;
CREATE TRIGGER "attachment_row_checksum_ad" AFTER DELETE ON "attachment" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'attachment' AND "row_key" = +old."id" AND journal_row_checksum('attachment') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'day_log', +t."id", journal_row_checksum('day_log', t."id", t."day", t."sleep_start", t."sleep_end", t."sleep_hours", t."sleep_quality", t."energy", t."note")
  FROM "day_log" t;
CREATE TRIGGER "day_log_row_checksum_ai" AFTER INSERT ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('day_log', +new."id",
    journal_row_checksum('day_log', new."id", new."day", new."sleep_start", new."sleep_end", new."sleep_hours", new."sleep_quality", new."energy", new."note"));
END;
CREATE TRIGGER "day_log_row_checksum_au" AFTER UPDATE ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('day_log', +new."id",
    journal_row_checksum('day_log', new."id", new."day", new."sleep_start", new."sleep_end", new."sleep_hours", new."sleep_quality", new."energy", new."note"));
END;
CREATE TRIGGER "day_log_row_checksum_ad" AFTER DELETE ON "day_log" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'day_log' AND "row_key" = +old."id" AND journal_row_checksum('day_log') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'work_session', +t."id", journal_row_checksum('work_session', t."id", t."start", t."end", t."category_id", t."skill_id", t."resource_id", t."task_id", t."note", t."source")
  FROM "work_session" t;
CREATE TRIGGER "work_session_row_checksum_ai" AFTER INSERT ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('work_session', +new."id",
    journal_row_checksum('work_session', new."id", new."start", new."end", new."category_id", new."skill_id", new."resource_id", new."task_id", new."note", new."source"));
END;
CREATE TRIGGER "work_session_row_checksum_au" AFTER UPDATE ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('work_session', +new."id",
    journal_row_checksum('work_session', new."id", new."start", new."end", new."category_id", new."skill_id", new."resource_id", new."task_id", new."note", new."source"));
END;
CREATE TRIGGER "work_session_row_checksum_ad" AFTER DELETE ON "work_session" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'work_session' AND "row_key" = +old."id" AND journal_row_checksum('work_session') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'output', +t."id", journal_row_checksum('output', t."id", t."kind", t."title", t."status", t."url", t."words", t."day", t."entry_id", t."sprint_id", t."skill_id", t."created_at")
  FROM "output" t;
CREATE TRIGGER "output_row_checksum_ai" AFTER INSERT ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('output', +new."id",
    journal_row_checksum('output', new."id", new."kind", new."title", new."status", new."url", new."words", new."day", new."entry_id", new."sprint_id", new."skill_id", new."created_at"));
END;
CREATE TRIGGER "output_row_checksum_au" AFTER UPDATE ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('output', +new."id",
    journal_row_checksum('output', new."id", new."kind", new."title", new."status", new."url", new."words", new."day", new."entry_id", new."sprint_id", new."skill_id", new."created_at"));
END;
CREATE TRIGGER "output_row_checksum_ad" AFTER DELETE ON "output" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'output' AND "row_key" = +old."id" AND journal_row_checksum('output') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'template', +t."id", journal_row_checksum('template', t."id", t."name", t."title", t."body", t."builtin", t."builtin_key", t."position", t."created_at", t."updated_at")
  FROM "template" t;
CREATE TRIGGER "template_row_checksum_ai" AFTER INSERT ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" = +new."id";
  INSERT INTO "row_checksum" VALUES ('template', +new."id",
    journal_row_checksum('template', new."id", new."name", new."title", new."body", new."builtin", new."builtin_key", new."position", new."created_at", new."updated_at"));
END;
CREATE TRIGGER "template_row_checksum_au" AFTER UPDATE ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" IN (+old."id", +new."id");
  INSERT INTO "row_checksum" VALUES ('template', +new."id",
    journal_row_checksum('template', new."id", new."name", new."title", new."body", new."builtin", new."builtin_key", new."position", new."created_at", new."updated_at"));
END;
CREATE TRIGGER "template_row_checksum_ad" AFTER DELETE ON "template" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'template' AND "row_key" = +old."id" AND journal_row_checksum('template') IS NOT NULL;
END;
INSERT INTO "row_checksum" ("tbl", "row_key", "checksum")
  SELECT 'setting', +t."key", journal_row_checksum('setting', t."key", t."value")
  FROM "setting" t;
CREATE TRIGGER "setting_row_checksum_ai" AFTER INSERT ON "setting" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'setting' AND "row_key" = +new."key";
  INSERT INTO "row_checksum" VALUES ('setting', +new."key",
    journal_row_checksum('setting', new."key", new."value"));
END;
CREATE TRIGGER "setting_row_checksum_au" AFTER UPDATE ON "setting" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'setting' AND "row_key" IN (+old."key", +new."key");
  INSERT INTO "row_checksum" VALUES ('setting', +new."key",
    journal_row_checksum('setting', new."key", new."value"));
END;
CREATE TRIGGER "setting_row_checksum_ad" AFTER DELETE ON "setting" BEGIN
  DELETE FROM "row_checksum" WHERE "tbl" = 'setting' AND "row_key" = +old."key" AND journal_row_checksum('setting') IS NOT NULL;
END;
