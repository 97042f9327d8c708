-- Schema version 4: tags on tasks (the sprint planner filters its board by them). Tasks
-- share the `tag` table with entries, so one name means one thing everywhere; the link
-- table is separate, so entry search (schema v2) is untouched.
CREATE TABLE "task_tag" ("task_id" INTEGER NOT NULL, "tag_id" INTEGER NOT NULL, PRIMARY KEY ("task_id", "tag_id"), FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE CASCADE, FOREIGN KEY ("tag_id") REFERENCES "tag" ("id") ON DELETE CASCADE);
CREATE INDEX "task_tag_task_id" ON "task_tag" ("task_id");
CREATE INDEX "task_tag_tag_id" ON "task_tag" ("tag_id");
-- A board column is read as (sprint, status) in position order.
CREATE INDEX "task_sprint_id_status_position" ON "task" ("sprint_id", "status", "position");
