"""Filling a review template: figures under the user's headings, never lost."""

from __future__ import annotations

from journal_app.services.planning.review import fill

FILLED = {
    "goal": ["**Goal:** ship"],
    "done": ["- [x] a", "- [x] b"],
    "not_done": ["- [ ] c — rolled over to the backlog"],
    "output": ["- Code: “x” (draft)"],
    "hours": ["| 1.0 h |"],
}


def test_each_section_replaces_its_placeholder_item_or_follows_its_heading():
    body = (
        "# Review\n\n## Goal\nWhy?\n\n## Completed\n- [x]\n\n## Unfinished\n* [ ]\n\n"
        "## Outputs\n-\n\n## Sleep and hours\nnotes\n\n```\n## Done\n```\n"
    )
    assert fill(body, FILLED) == (
        "# Review\n\n## Goal\n**Goal:** ship\n\nWhy?\n\n## Completed\n- [x] a\n- [x] b\n\n"
        "## Unfinished\n- [ ] c — rolled over to the backlog\n\n## Outputs\n- Code: “x” (draft)"
        "\n\n## Sleep and hours\n| 1.0 h |\n\nnotes\n\n```\n## Done\n```\n"
    )


def test_sections_missing_from_the_template_are_added_at_the_end():
    body = "My own review.\n\n## Done\n"
    filled = fill(body, FILLED)
    assert filled.startswith("My own review.\n\n## Done\n- [x] a\n- [x] b\n")
    for heading in (
        "## Goal\n**Goal:** ship",
        "## Not done\n- [ ] c",
        "## Output\n- Code",
        "## Hours and sleep\n| 1.0 h |",
    ):
        assert heading in filled
    assert filled.count("## Done") == 1
