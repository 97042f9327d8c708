"""Row checksums: SQLite's own checks miss damage inside a stored value.

Schema v6 keeps one checksum per row of every table that holds what the user wrote or
logged (``COVERED``) in ``row_checksum``, written by triggers that call
``journal_row_checksum(…)``, a function every journal connection registers through
``register``. So no write path (editor, CLI, import, restore of a revision) can forget
it, and a connection without the function cannot insert, change or delete those rows at
all. `verify` recomputes them with the same SQL expressions (``checksum_sql``), so a
flipped byte in any column (a title, a day, a tag link, a sleep time, a setting) names
its table and row. (Schema v5 had ``entry_checksum``: titles and bodies only; old
backups are still verified that way.)

The triggers are frozen in schema_v6.sql (written by ``schema_script``); a migration that
adds a column to a covered table must recreate that table's triggers, since `verify`
hashes every column the table has now.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from typing import Any, NamedTuple

from journal_app.db.cipher_basics import sql_errors

FUNCTION_NAME = "journal_row_checksum"
TABLE = "row_checksum"
# Schema v5: titles and bodies of entries only.
ENTRY_FUNCTION_NAME = "journal_checksum"
ENTRY_TABLE = "entry_checksum"

# Every table holding the user's words and figures, with the columns naming a row.
COVERED: dict[str, tuple[str, ...]] = {
    "skill": ("id",),
    "category": ("id",),
    "sprint": ("id",),
    "resource": ("id",),
    "task": ("id",),
    "entry": ("id",),
    "entry_revision": ("id",),
    "tag": ("id",),
    "entry_tag": ("entry_id", "tag_id"),
    "task_tag": ("task_id", "tag_id"),
    "attachment": ("id",),
    "day_log": ("id",),
    "work_session": ("id",),
    "output": ("id",),
    "template": ("id",),
    "setting": ("key",),
    # Schema v7 (the board's cards).
    "tag_color": ("tag_id",),
    "task_check_item": ("id",),
    "task_link": ("id",),
    # Schema v8 (spell check).
    "personal_word": ("word",),
}


# ---------------------------------------------------------------------- the function


def _utf8(value: object) -> bytes:
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass")


def entry_checksum(title: object, body: object) -> str:
    """Schema v5's digest of an entry's title and body (length-prefixed, so the split is
    part of the hash)."""
    t, b = _utf8(title), _utf8(body)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(len(t).to_bytes(8, "little"))
    digest.update(t)
    digest.update(b)
    return digest.hexdigest()


def row_checksum(table: str, *values: object) -> bytes:
    """The SQL function: 16 bytes from the table's name and the row's values in column
    order, each tagged with its storage class, so 1, 1.0, '1' and NULL all differ:
    texts length-prefixed, integers in decimal, reals bit for bit (float.hex)."""
    parts = [table]
    add = parts.append
    for value in values:
        kind = type(value)
        if kind is str:
            add(f"t{len(value)}:{value}")  # type: ignore[arg-type]
        elif kind is int:
            add(f"i{value};")
        elif value is None:
            add("n")
        elif kind is float:
            add(f"r{value.hex()};")  # type: ignore[attr-defined]
        else:
            add(f"b{bytes(value).hex()};")  # type: ignore[call-overload]
    text = "".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


def register(conn: Any) -> None:
    """Give a connection (stdlib sqlite3 or SQLCipher's) the checksum functions its
    triggers call; every journal connection gets them here and nowhere else."""
    conn.create_function(FUNCTION_NAME, -1, row_checksum, deterministic=True)
    conn.create_function(ENTRY_FUNCTION_NAME, 2, entry_checksum, deterministic=True)


# ---------------------------------------------------------------------- the SQL


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def key_sql(table: str, alias: str) -> str:
    """The row's key as stored in ``row_checksum``: the id, or the key columns joined
    with '/'. Without affinity (the unary +): compared with ``row_key`` (which has none),
    a column's affinity would keep SQLite from using row_checksum's primary key."""
    parts = [f"{alias}.{_q(c)}" for c in COVERED[table]]
    if len(parts) == 1:
        return "+" + parts[0]
    return " || '/' || ".join(parts)


def checksum_sql(table: str, columns: list[str], alias: str) -> str:
    """The call computing the checksum of the row ``alias`` (a table alias, or new)."""
    return f"{FUNCTION_NAME}('{table}', " + ", ".join(f"{alias}.{_q(c)}" for c in columns) + ")"


def trigger_sql(table: str, columns: list[str]) -> list[str]:
    """The three triggers keeping ``table``'s checksums. No OR REPLACE inside them: a
    trigger takes the conflict handling of the statement that fired it (an upsert's
    turns it into ABORT, an OR IGNORE would skip it), so they delete, then insert. The
    delete trigger calls the function too: a connection without it cannot delete rows."""
    t, store = _q(table), _q(TABLE)
    new_key, old_key = key_sql(table, "new"), key_sql(table, "old")
    rows = f'DELETE FROM {store} WHERE "tbl" = \'{table}\' AND "row_key"'
    insert = (
        f"  INSERT INTO {store} VALUES ('{table}', {new_key},\n"
        f"    {checksum_sql(table, columns, 'new')});\n"
    )
    name = _q(table + "_row_checksum_")[:-1]
    return [
        f'CREATE TRIGGER {name}ai" AFTER INSERT ON {t} BEGIN\n  {rows} = {new_key};\n{insert}END;',
        f'CREATE TRIGGER {name}au" AFTER UPDATE ON {t} BEGIN\n'
        f"  {rows} IN ({old_key}, {new_key});\n{insert}END;",
        f'CREATE TRIGGER {name}ad" AFTER DELETE ON {t} BEGIN\n'
        f"  {rows} = {old_key} AND {FUNCTION_NAME}('{table}') IS NOT NULL;\nEND;",
    ]


# The tables whose insert triggers an import of many new entries may defer.
DEFERRABLE = ("entry", "entry_tag")


@contextlib.contextmanager
def insert_sums_deferred(database: Any, tables: tuple[str, ...] = DEFERRABLE) -> Iterator[None]:
    """Call inside a transaction whose block adds rows to ``tables`` only with rowids
    SQLite picks (an import's new entries and their tags), so each is above the largest
    before it. Their AFTER INSERT triggers are dropped for the block; at its end the rows
    added get their checksums in one statement per table, with the expression the
    trigger uses, and the triggers come back with the SQL they were created with (OR
    REPLACE: a row changed in the block already has one, from its update trigger, which
    stays). DDL is transactional: when the block raises, the caller's rollback restores
    the triggers. ``database`` is a peewee database (``execute_sql``)."""
    held: list[tuple[str, str, str, int]] = []
    for table in tables:
        name = f"{table}_row_checksum_ai"
        found = database.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).fetchone()
        if found is None:
            continue
        last = database.execute_sql(f"SELECT max(rowid) FROM {_q(table)}").fetchone()[0]
        held.append((table, name, str(found[0]), -(2**63) if last is None else int(last)))
    for _table, name, _sql, _last in held:
        database.execute_sql(f"DROP TRIGGER {_q(name)}")
    yield
    for table, _name, sql, last in held:
        info = database.execute_sql(f"PRAGMA table_info({_q(table)})").fetchall()
        columns = [str(row[1]) for row in info]
        database.execute_sql(
            f"INSERT OR REPLACE INTO {_q(TABLE)} SELECT '{table}', {key_sql(table, 't')}, "
            f"{checksum_sql(table, columns, 't')} FROM {_q(table)} t WHERE t.rowid > ?",
            (last,),
        )
        database.execute_sql(sql)


def columns_of(conn: Any, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({_q(table)})")]


def schema_script(conn: Any) -> str:
    """The SQL of schema v6 for the tables ``conn`` holds (how schema_v6.sql was made)."""
    lines = [f"DROP TRIGGER {_q(f'{ENTRY_TABLE}_{k}')};" for k in ("ai", "au", "ad")]
    lines += [
        f"DROP TABLE {_q(ENTRY_TABLE)};",
        f'CREATE TABLE {_q(TABLE)} ("tbl" TEXT NOT NULL, "row_key" NOT NULL, '
        '"checksum" BLOB NOT NULL, PRIMARY KEY ("tbl", "row_key")) WITHOUT ROWID;',
    ]
    for table in COVERED:
        columns = columns_of(conn, table)
        lines.append(
            f'INSERT INTO {_q(TABLE)} ("tbl", "row_key", "checksum")\n'
            f"  SELECT '{table}', {key_sql(table, 't')}, {checksum_sql(table, columns, 't')}\n"
            f"  FROM {_q(table)} t;"
        )
        lines.extend(trigger_sql(table, columns))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------- verifying


class RowRef(NamedTuple):
    """One row of a covered table: ``key`` is its id (or key columns joined by '/')."""

    table: str
    key: str


class ChecksumReport(NamedTuple):
    checked: int  # rows whose checksum was compared
    damaged: tuple[RowRef, ...]  # rows whose values no longer match their checksum
    missing: tuple[RowRef, ...]  # rows without a checksum
    supported: bool  # False for journals older than schema v5
    gone: tuple[RowRef, ...] = ()  # checksums whose row is no longer there

    @property
    def ok(self) -> bool:
        return not self.damaged and not self.missing and not self.gone

    @property
    def damaged_entries(self) -> tuple[int, ...]:
        return tuple(int(r.key) for r in self.damaged if r.table == "entry")


def _has_table(conn: Any, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def has_checksums(conn: Any) -> bool:
    return _has_table(conn, TABLE) or _has_table(conn, ENTRY_TABLE)


def stored(conn: Any) -> list[tuple[Any, ...]]:
    """Every stored checksum, in key order (to compare two copies of a journal)."""
    if _has_table(conn, TABLE):
        sql = f'SELECT "tbl", "row_key", "checksum" FROM {_q(TABLE)} ORDER BY 1, 2'
    elif _has_table(conn, ENTRY_TABLE):
        sql = f'SELECT "entry_id", "checksum" FROM {_q(ENTRY_TABLE)} ORDER BY 1'
    else:
        return []
    return [tuple(row) for row in conn.execute(sql)]


def _key(raw: bytes) -> str:
    return bytes(raw).decode("utf-8", "replace")


def _failing_rows(conn: Any, table: str, columns: list[str]) -> list[tuple[bytes, bool]]:
    """(key, has no checksum) of the rows that fail: the hashing runs inside SQLite's
    loop, so only those come back."""
    key = key_sql(table, "t")
    return conn.execute(
        f'SELECT CAST(({key}) AS BLOB), c."checksum" IS NULL FROM {_q(table)} t '
        f'LEFT JOIN {_q(TABLE)} c ON c."tbl" = ? AND c."row_key" = ({key}) '
        f'WHERE c."checksum" IS NULL OR c."checksum" IS NOT {checksum_sql(table, columns, "t")}',
        (table,),
    ).fetchall()


def _failing_rows_from_bytes(conn: Any, table: str, columns: list[str]) -> list[tuple[bytes, bool]]:
    """The same, hashed here from the raw bytes: a damaged text that is no longer valid
    UTF-8 cannot even be handed to the function."""
    key = key_sql(table, "t")
    raw_values = ", ".join(
        f"typeof(t.{c}), CASE typeof(t.{c}) WHEN 'text' THEN CAST(t.{c} AS BLOB) ELSE t.{c} END"
        for c in map(_q, columns)
    )
    cursor = conn.execute(
        f'SELECT CAST(({key}) AS BLOB), c."checksum", {raw_values} FROM {_q(table)} t '
        f'LEFT JOIN {_q(TABLE)} c ON c."tbl" = ? AND c."row_key" = ({key})',
        (table,),
    )
    out: list[tuple[bytes, bool]] = []
    for row in cursor:
        kept = row[1]
        values = [
            bytes(raw).decode("utf-8", "surrogateescape") if kind == "text" else raw
            for kind, raw in zip(row[2::2], row[3::2], strict=True)
        ]
        if kept is None or kept != row_checksum(table, *values):
            out.append((row[0], kept is None))
    return out


def _verify_table(conn: Any, table: str) -> tuple[int, list[RowRef], list[RowRef], list[RowRef]]:
    columns = columns_of(conn, table)
    key = key_sql(table, "t")
    try:
        failing = _failing_rows(conn, table, columns)
    except sql_errors():  # "user-defined function raised exception": not UTF-8
        failing = _failing_rows_from_bytes(conn, table, columns)
    damaged = [RowRef(table, _key(k)) for k, absent in failing if not absent]
    missing = [RowRef(table, _key(k)) for k, absent in failing if absent]
    rows = int(conn.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0])
    sums = int(
        conn.execute(f'SELECT count(*) FROM {_q(TABLE)} WHERE "tbl" = ?', (table,)).fetchone()[0]
    )
    gone: list[RowRef] = []
    if sums != rows - len(missing):  # rare: find the checksums left without a row
        present = {
            bytes(r[0]) for r in conn.execute(f"SELECT CAST(({key}) AS BLOB) FROM {_q(table)} t")
        }
        gone = [
            RowRef(table, _key(r[0]))
            for r in conn.execute(
                f'SELECT CAST("row_key" AS BLOB) FROM {_q(TABLE)} WHERE "tbl" = ? ORDER BY 1',
                (table,),
            )
            if bytes(r[0]) not in present
        ]
    return rows - len(missing), damaged, missing, gone


def _verify_entries_v5(conn: Any) -> ChecksumReport:
    """Schema v5 (old backups): every entry's title and body, from the raw bytes."""
    cursor = conn.execute(
        f'SELECT e."id", CAST(e."title" AS BLOB), CAST(e."body" AS BLOB), c."checksum" '
        f'FROM "entry" e LEFT JOIN {_q(ENTRY_TABLE)} c ON c."entry_id" = e."id"'
    )
    damaged: list[RowRef] = []
    missing: list[RowRef] = []
    checked = 0
    for entry_id, title, body, kept in cursor:
        if kept is None:
            missing.append(RowRef("entry", str(entry_id)))
            continue
        checked += 1
        if entry_checksum(title, body) != kept:
            damaged.append(RowRef("entry", str(entry_id)))
    return ChecksumReport(checked, tuple(damaged), tuple(missing), supported=True)


def verify(conn: Any) -> ChecksumReport:
    """Recompute the checksum of every row of every covered table (``conn``
    may be any connection: it is given the functions here)."""
    register(conn)
    if not _has_table(conn, TABLE):
        if _has_table(conn, ENTRY_TABLE):
            return _verify_entries_v5(conn)
        return ChecksumReport(0, (), (), supported=False)
    checked = 0
    damaged: list[RowRef] = []
    missing: list[RowRef] = []
    gone: list[RowRef] = []
    for table in COVERED:
        if not _has_table(conn, table):
            continue
        n, d, m, g = _verify_table(conn, table)
        checked += n
        damaged += d
        missing += m
        gone += g
    return ChecksumReport(checked, tuple(damaged), tuple(missing), True, tuple(gone))


def _rows(refs: tuple[RowRef, ...], limit: int) -> list[tuple[str, str]]:
    """Per table, '<n> row(s)' and the keys named (at most ``limit``)."""
    by_table: dict[str, list[str]] = {}
    for ref in refs:
        by_table.setdefault(ref.table, []).append(ref.key)
    out = []
    for table, keys in by_table.items():
        label = "/".join(COVERED.get(table, ("id",)))
        shown = ", ".join(keys[:limit]) + (
            f" and {len(keys) - limit} more" if len(keys) > limit else ""
        )
        count = f"{len(keys)} row{'' if len(keys) == 1 else 's'}"
        out.append((table, f"{count} ({label} {shown})"))
    return out


def describe(report: ChecksumReport, limit: int = 10) -> list[str]:
    """One line per table and kind of problem, naming the rows (at most ``limit``)."""
    lines = [f"table {t}: {rows} damaged" for t, rows in _rows(report.damaged, limit)]
    lines += [f"table {t}: {rows} without a checksum" for t, rows in _rows(report.missing, limit)]
    lines += [
        f"table {t}: {rows} gone (their checksums remain)" for t, rows in _rows(report.gone, limit)
    ]
    return lines
