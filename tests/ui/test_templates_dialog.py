"""Editing templates: change a built-in and reset it, add and delete one's own."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from journal_app.ui.journal.templates_dialog import TemplatesDialog


def _names(dialog: TemplatesDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_builtins_are_listed_first_and_can_be_edited_then_reset(qtbot, services):
    answers: list[str] = []
    dialog = TemplatesDialog(services.templates, ask=lambda _p, t, _x: answers.append(t) or True)
    qtbot.addWidget(dialog)
    assert [n.split("  ·")[0] for n in _names(dialog)[:3]] == [
        "Daily log",
        "Weekly review",
        "Sprint review",
    ]
    shipped = dialog.body_edit.toPlainText()
    dialog.body_edit.selectAll()
    qtbot.keyClicks(dialog.body_edit, "My own daily {{date}}")
    dialog.list.setCurrentRow(1)  # moving on writes the edit
    daily = services.templates.list()[0]
    assert daily.body == "My own daily {{date}}"

    dialog.list.setCurrentRow(0)
    assert dialog.reset_button.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.reset_button.click()
    assert answers == ["Reset template"]
    assert services.templates.list()[0].body == shipped


def test_add_rename_and_delete_a_template(qtbot, services):
    dialog = TemplatesDialog(services.templates, ask=lambda *_a: True)
    qtbot.addWidget(dialog)
    before = len(services.templates.list())
    dialog.add_button.click()
    assert len(services.templates.list()) == before + 1
    dialog.name_edit.setText("Paper notes")
    dialog.title_edit.setText("Paper: ")
    dialog.body_edit.setPlainText("## Claim\n\n## Method\n")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    mine = [t for t in services.templates.list() if t.name == "Paper notes"]
    assert len(mine) == 1 and mine[0].body == "## Claim\n\n## Method\n" and not mine[0].builtin

    dialog = TemplatesDialog(services.templates, ask=lambda *_a: True)
    qtbot.addWidget(dialog)
    row = [n.split("  ·")[0] for n in _names(dialog)].index("Paper notes")
    dialog.list.setCurrentRow(row)
    assert dialog.delete_button.isEnabled()
    dialog.delete_button.click()
    assert "Paper notes" not in [t.name for t in services.templates.list()]


def test_a_duplicate_name_is_refused_inline_and_nothing_is_lost(qtbot, services):
    dialog = TemplatesDialog(services.templates, ask=lambda *_a: True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_button.click()
    dialog.name_edit.setText("Daily log")
    dialog.body_edit.setPlainText("keep me")
    dialog.list.setCurrentRow(0)
    assert dialog.error_label.isVisible()
    assert dialog.body_edit.toPlainText() == "keep me"  # still on the edited template
    dialog.name_edit.setText("Daily log 2")
    dialog.accept()
    assert "Daily log 2" in [t.name for t in services.templates.list()]
