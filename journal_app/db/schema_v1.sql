-- Schema version 1, frozen: migrations never read the live models.
CREATE TABLE "skill" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "target_hours" REAL NOT NULL, "baseline_hours" REAL NOT NULL, "created_at" DATETIME NOT NULL);
CREATE UNIQUE INDEX "skill_name" ON "skill" ("name");
CREATE TABLE "category" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "side" TEXT NOT NULL, "position" INTEGER NOT NULL);
CREATE UNIQUE INDEX "category_name" ON "category" ("name");
CREATE TABLE "sprint" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "goal" TEXT NOT NULL, "career_goal" TEXT NOT NULL, "start" DATE NOT NULL, "end" DATE NOT NULL, "capacity_hours" REAL, "status" TEXT NOT NULL, "created_at" DATETIME NOT NULL);
CREATE TABLE "resource" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, "kind" TEXT NOT NULL, "url" TEXT NOT NULL, "status" TEXT NOT NULL, "progress" REAL NOT NULL, "notes" TEXT NOT NULL, "skill_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("skill_id") REFERENCES "skill" ("id") ON DELETE SET NULL);
CREATE INDEX "resource_skill_id" ON "resource" ("skill_id");
CREATE TABLE "task" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, "notes" TEXT NOT NULL, "sprint_id" INTEGER, "status" TEXT NOT NULL, "position" INTEGER NOT NULL, "estimate_hours" REAL, "skill_id" INTEGER, "resource_id" INTEGER, "done_at" DATETIME, "created_at" DATETIME NOT NULL, FOREIGN KEY ("sprint_id") REFERENCES "sprint" ("id") ON DELETE SET NULL, FOREIGN KEY ("skill_id") REFERENCES "skill" ("id") ON DELETE SET NULL, FOREIGN KEY ("resource_id") REFERENCES "resource" ("id") ON DELETE SET NULL);
CREATE INDEX "task_sprint_id" ON "task" ("sprint_id");
CREATE INDEX "task_skill_id" ON "task" ("skill_id");
CREATE INDEX "task_resource_id" ON "task" ("resource_id");
CREATE TABLE "entry" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL, "series" TEXT, "number" INTEGER, "visibility" TEXT NOT NULL, "published_url" TEXT NOT NULL, "sprint_id" INTEGER, "rev" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, FOREIGN KEY ("sprint_id") REFERENCES "sprint" ("id") ON DELETE SET NULL);
CREATE INDEX "entry_day" ON "entry" ("day");
CREATE INDEX "entry_sprint_id" ON "entry" ("sprint_id");
CREATE INDEX "entry_deleted_at" ON "entry" ("deleted_at");
CREATE TABLE "entry_revision" ("id" INTEGER NOT NULL PRIMARY KEY, "entry_id" INTEGER NOT NULL, "rev" INTEGER NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL, "reason" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("entry_id") REFERENCES "entry" ("id") ON DELETE CASCADE);
CREATE INDEX "entry_revision_entry_id" ON "entry_revision" ("entry_id");
CREATE TABLE "tag" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE UNIQUE INDEX "tag_name" ON "tag" ("name");
CREATE TABLE "entry_tag" ("entry_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, PRIMARY KEY ("entry_id", "tag_id"), FOREIGN KEY ("entry_id") REFERENCES "entry" ("id") ON DELETE CASCADE, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);
CREATE INDEX "entry_tag_entry_id" ON "entry_tag" ("entry_id");
CREATE INDEX "entry_tag_tag_id" ON "entry_tag" ("tag_id");
CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "entry_id" INTEGER NOT NULL, "filename" TEXT NOT NULL, "mime" TEXT NOT NULL, "size" INTEGER NOT NULL, "sha256" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("entry_id") REFERENCES "entry" ("id") ON DELETE CASCADE);
CREATE INDEX "attachment_entry_id" ON "attachment" ("entry_id");
CREATE TABLE "day_log" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "sleep_start" DATETIME, "sleep_end" DATETIME, "sleep_hours" REAL, "sleep_quality" INTEGER, "energy" INTEGER, "note" TEXT NOT NULL);
CREATE UNIQUE INDEX "day_log_day" ON "day_log" ("day");
CREATE TABLE "work_session" ("id" INTEGER NOT NULL PRIMARY KEY, "start" DATETIME NOT NULL, "end" DATETIME, "category_id" INTEGER, "skill_id" INTEGER, "resource_id" INTEGER, "task_id" INTEGER, "note" TEXT NOT NULL, "source" TEXT NOT NULL, FOREIGN KEY ("category_id") REFERENCES "category" ("id") ON DELETE SET NULL, FOREIGN KEY ("skill_id") REFERENCES "skill" ("id") ON DELETE SET NULL, FOREIGN KEY ("resource_id") REFERENCES "resource" ("id") ON DELETE SET NULL, FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE SET NULL);
CREATE INDEX "work_session_start" ON "work_session" ("start");
CREATE INDEX "work_session_category_id" ON "work_session" ("category_id");
CREATE INDEX "work_session_skill_id" ON "work_session" ("skill_id");
CREATE INDEX "work_session_resource_id" ON "work_session" ("resource_id");
CREATE INDEX "work_session_task_id" ON "work_session" ("task_id");
CREATE TABLE "output" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" TEXT NOT NULL, "title" TEXT NOT NULL, "status" TEXT NOT NULL, "url" TEXT NOT NULL, "words" INTEGER, "day" DATE NOT NULL, "entry_id" INTEGER, "sprint_id" INTEGER, "skill_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("entry_id") REFERENCES "entry" ("id") ON DELETE SET NULL, FOREIGN KEY ("sprint_id") REFERENCES "sprint" ("id") ON DELETE SET NULL, FOREIGN KEY ("skill_id") REFERENCES "skill" ("id") ON DELETE SET NULL);
CREATE INDEX "output_day" ON "output" ("day");
CREATE INDEX "output_entry_id" ON "output" ("entry_id");
CREATE INDEX "output_sprint_id" ON "output" ("sprint_id");
CREATE INDEX "output_skill_id" ON "output" ("skill_id");
CREATE TABLE "setting" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
INSERT INTO "category" ("name", "side", "position") VALUES
  ('Writing', 'production', 0), ('Coding', 'production', 1), ('Teaching', 'production', 2),
  ('Explaining', 'production', 3), ('Reading', 'consumption', 4), ('Watching', 'consumption', 5),
  ('Courses', 'consumption', 6);
