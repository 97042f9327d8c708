"""Peewee models for the whole domain. Instants are stored as naive UTC datetimes.

Models are bound to `database_proxy`, which `db.connection.open_database` initialises.
Schema changes never come from these classes directly: `db.migrations` holds the frozen
SQL of every version, and a test checks the models agree with the migrated schema.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


def utcnow() -> dt.datetime:
    """Naive UTC 'now' (the storage convention); services inject clocks where it matters."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Skill(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v9)
    name = TextField(unique=True)
    target_hours = FloatField(default=10_000.0)
    baseline_hours = FloatField(default=0.0)
    created_at = DateTimeField(default=utcnow)


class Category(BaseModel):
    """A kind of deep work; `side` is 'production' or 'consumption'."""

    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v9)
    name = TextField(unique=True)
    side = TextField()
    position = IntegerField(default=0)


class Sprint(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v9)
    name = TextField()
    goal = TextField(default="")
    career_goal = TextField(default="")
    start = DateField()
    end = DateField()
    capacity_hours = FloatField(null=True)
    status = TextField(default="planned")  # planned / active / closed
    created_at = DateTimeField(default=utcnow)


class Resource(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    title = TextField()
    kind = TextField(default="course")  # course / book / paper / video / curriculum
    url = TextField(default="")
    status = TextField(default="planned")  # planned / active / done / dropped
    progress = FloatField(default=0.0)  # percent
    notes = TextField(default="")
    skill = ForeignKeyField(Skill, null=True, on_delete="SET NULL", backref="resources")
    created_at = DateTimeField(default=utcnow)


class Task(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    title = TextField()
    notes = TextField(default="")
    sprint = ForeignKeyField(Sprint, null=True, on_delete="SET NULL", backref="tasks")
    status = TextField(default="todo")  # todo / doing / done
    position = IntegerField(default=0)
    estimate_hours = FloatField(null=True)
    skill = ForeignKeyField(Skill, null=True, on_delete="SET NULL", backref="tasks")
    resource = ForeignKeyField(Resource, null=True, on_delete="SET NULL", backref="tasks")
    done_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)
    due = DateField(null=True)  # schema v7
    priority = IntegerField(default=0)  # 0 none, 1 low, 2 medium, 3 high (schema v7)
    # The board order that syncs (schema v10): a text key between its neighbours', set
    # when the task is sent; `position` stays the local order (services/sync/board.py).
    rank = TextField(null=True)


class Entry(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v9)
    day = DateField(index=True)  # the date the entry is about, not when it was typed
    title = TextField(default="")
    body = TextField(default="")
    series = TextField(null=True)
    number = IntegerField(null=True)
    visibility = TextField(default="private")  # private / public
    published_url = TextField(default="")
    sprint = ForeignKeyField(Sprint, null=True, on_delete="SET NULL", backref="entries")
    rev = IntegerField(default=1)  # bumped on every save; stale editors cannot overwrite
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    deleted_at = DateTimeField(null=True, index=True)  # in the trash when set


class EntryRevision(BaseModel):
    id = AutoField()
    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="revisions")
    rev = IntegerField()
    title = TextField()
    body = TextField()
    reason = TextField(default="autosave")
    created_at = DateTimeField(default=utcnow)


class Tag(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v9)
    name = TextField(unique=True)


class EntryTag(BaseModel):
    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="entry_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="entry_tags")

    class Meta:
        primary_key = CompositeKey("entry", "tag")


class TaskTag(BaseModel):
    """Tags on a task (schema v4); the names are shared with entries' tags."""

    task = ForeignKeyField(Task, on_delete="CASCADE", backref="task_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="task_tags")

    class Meta:
        primary_key = CompositeKey("task", "tag")


class TagColor(BaseModel):
    """A tag's colour where it labels a task card (schema v7); "#rrggbb"."""

    tag = ForeignKeyField(Tag, primary_key=True, on_delete="CASCADE", backref="colors")
    color = TextField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)

    class Meta:
        table_name = "tag_color"


class TaskCheckItem(BaseModel):
    """One line of a task's checklist (schema v7)."""

    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    task = ForeignKeyField(Task, on_delete="CASCADE", backref="check_items")
    text = TextField()
    done = BooleanField(default=False)
    position = IntegerField(default=0)

    class Meta:
        table_name = "task_check_item"


class TaskLink(BaseModel):
    """A task's link to a journal entry or a resource, one of the two (schema v7)."""

    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    task = ForeignKeyField(Task, on_delete="CASCADE", backref="links")
    entry = ForeignKeyField(Entry, null=True, on_delete="CASCADE", backref="task_links")
    resource = ForeignKeyField(Resource, null=True, on_delete="CASCADE", backref="task_links")

    class Meta:
        table_name = "task_link"


class Attachment(BaseModel):
    id = AutoField()
    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="attachments")
    filename = TextField()  # relative to the data dir's attachments folder
    mime = TextField(default="application/octet-stream")
    size = IntegerField(default=0)
    sha256 = TextField(default="")
    created_at = DateTimeField(default=utcnow)


class DayLog(BaseModel):
    """One per date: the night that ended that morning, energy and a note."""

    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    day = DateField(unique=True)
    sleep_start = DateTimeField(null=True)  # UTC
    sleep_end = DateTimeField(null=True)  # UTC
    sleep_hours = FloatField(null=True)  # when only a duration is known
    sleep_quality = IntegerField(null=True)  # 1-5
    energy = IntegerField(null=True)  # 1-5
    note = TextField(default="")


class WorkSession(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    start = DateTimeField(index=True)  # UTC
    end = DateTimeField(null=True)  # UTC; null while a timer runs
    category = ForeignKeyField(Category, null=True, on_delete="SET NULL", backref="sessions")
    skill = ForeignKeyField(Skill, null=True, on_delete="SET NULL", backref="sessions")
    resource = ForeignKeyField(Resource, null=True, on_delete="SET NULL", backref="sessions")
    task = ForeignKeyField(Task, null=True, on_delete="SET NULL", backref="sessions")
    note = TextField(default="")
    source = TextField(default="manual")  # timer / manual


class Output(BaseModel):
    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    kind = TextField()  # explainer / blog_post / forum_post / comment / x_thread / code / summary
    title = TextField()
    status = TextField(default="idea")  # idea / draft / published
    url = TextField(default="")
    words = IntegerField(null=True)
    day = DateField(index=True)
    entry = ForeignKeyField(Entry, null=True, on_delete="SET NULL", backref="outputs")
    sprint = ForeignKeyField(Sprint, null=True, on_delete="SET NULL", backref="outputs")
    skill = ForeignKeyField(Skill, null=True, on_delete="SET NULL", backref="outputs")
    created_at = DateTimeField(default=utcnow)


class Template(BaseModel):
    """An entry template; the built-ins (schema v3) carry a `builtin_key` and can be reset."""

    id = AutoField()
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)
    name = TextField(unique=True)
    title = TextField(default="")
    body = TextField(default="")
    builtin = BooleanField(default=False)
    builtin_key = TextField(null=True, unique=True)  # "daily" / "weekly" / "sprint"
    position = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Setting(BaseModel):
    """Per-journal settings (targets, thresholds) that travel with the data."""

    key = TextField(primary_key=True)
    value = TextField()


class PersonalWord(BaseModel):
    """A word the user added to the journal's spelling dictionary (schema v8)."""

    word = TextField(primary_key=True)
    created_at = DateTimeField(default=utcnow)
    uid = TextField(null=True, unique=True)  # global id for sync (schema v10)

    class Meta:
        without_rowid = True


class SyncState(BaseModel):
    """This device's sync settings and clock (schema v9): key → text."""

    key = TextField(primary_key=True)
    value = TextField()


class SyncField(BaseModel):
    """The last-writer-wins register of one synced field: its value (JSON) and stamp."""

    tbl = TextField()
    uid = TextField()
    field = TextField()
    value = TextField()
    stamp = TextField()

    class Meta:
        primary_key = CompositeKey("tbl", "uid", "field")
        without_rowid = True


class SyncText(BaseModel):
    """The CRDT (Yjs) state of an entry body; `gen` is the generation it belongs to."""

    uid = TextField()
    gen = TextField()
    state = BlobField()

    class Meta:
        primary_key = CompositeKey("uid", "gen")
        without_rowid = True


class SyncDirty(BaseModel):
    """Rows changed since the last export; written by triggers only (schema_v9.sql)."""

    tbl = TextField()
    row_key = TextField()

    class Meta:
        primary_key = CompositeKey("tbl", "row_key")
        without_rowid = True


class SyncApplied(BaseModel):
    """The highest segment of each device applied here (they are applied in order)."""

    device = TextField(primary_key=True)
    seq = IntegerField()


SYNC_MODELS: tuple[type[BaseModel], ...] = (SyncState, SyncField, SyncText, SyncDirty, SyncApplied)

ALL_MODELS: tuple[type[BaseModel], ...] = (
    Skill,
    Category,
    Sprint,
    Resource,
    Task,
    Entry,
    EntryRevision,
    Tag,
    EntryTag,
    TaskTag,
    TagColor,
    TaskCheckItem,
    TaskLink,
    Attachment,
    DayLog,
    WorkSession,
    Output,
    Template,
    Setting,
    PersonalWord,
)
