-- Schema version 3: entry templates. The three built-ins are inserted here, frozen; the
-- app keeps the same shipped texts in services/templates.py to reset them. Their times are
-- the release's, fixed, so two journals made from the same data are identical.
CREATE TABLE "template" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "title" TEXT NOT NULL, "body" TEXT NOT NULL, "builtin" INTEGER NOT NULL, "builtin_key" TEXT, "position" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL);
CREATE UNIQUE INDEX "template_name" ON "template" ("name");
CREATE UNIQUE INDEX "template_builtin_key" ON "template" ("builtin_key");
INSERT INTO "template" ("name", "title", "body", "builtin", "builtin_key", "position", "created_at", "updated_at") VALUES
  ('Daily log', '{{series}} #{{number}}',
'## Plan
- [ ]

## What I did
*Deep work yesterday: {{yesterday_hours}} h · sleep last night: {{yesterday_sleep}} h*

-

## Learned
-

## Blockers
-

## Tomorrow
- [ ]
',
   1, 'daily', 0, '2026-11-25 00:00:00', '2026-11-25 00:00:00'),
  ('Weekly review', '{{series}} #{{number}} — Weekly review',
'*Week ending {{weekday}} {{long_date}} · sprint: {{sprint}}*

| Deep work | Average sleep |
|---|---|
| {{week_hours}} h | {{week_sleep_avg}} h |

## Wins
-

## Produced
Explainers, code, posts, threads: what did I make, not only consume?

-

## Consumed
Courses, papers, videos, books:

-

## What got in the way
-

## Consistency
- Days with deep work:
- Sleep and energy:

## Next week
- [ ]
',
   1, 'weekly', 1, '2026-11-25 00:00:00', '2026-11-25 00:00:00'),
  ('Sprint review', '{{series}} #{{number}} — {{sprint}} review',
'## Goal
What was {{sprint}} for, and how does it move me toward the career goal?

## Done
- [x]

## Not done, and why
- [ ]

## Output
Explainers, posts, code and projects shipped this sprint:

-

## Hours and sleep
Last seven days: {{week_hours}} h of deep work, {{week_sleep_avg}} h of sleep a night.

## What worked
-

## What to change
-

## Next sprint
Goal:

- [ ]
',
   1, 'sprint', 2, '2026-11-25 00:00:00', '2026-11-25 00:00:00');
