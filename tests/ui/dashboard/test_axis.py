"""The charts' axis: its label is set only when shown, and then as it stands."""

from __future__ import annotations

from journal_app.ui.dashboard.axis import ChartAxis


def test_a_label_changed_while_hidden_is_current_once_shown(qtbot):
    axis = ChartAxis("left")
    axis.setLabel("hours", color="#123456")
    assert "hours" in axis.label.toPlainText()
    axis.showLabel(False)
    axis.setLabel("minutes", color="#abcdef")  # shows it again, with the new text
    assert "minutes" in axis.label.toPlainText()
    assert "abcdef" in axis.label.toHtml().lower()
    axis.showLabel(False)
    axis.labelText = "sessions"
    axis.setTextPen("#fedcba")  # redraws the label while it is hidden
    axis.showLabel(True)
    assert "sessions" in axis.label.toPlainText()


def test_a_hidden_label_is_not_laid_out_as_text(qtbot):
    axis = ChartAxis("bottom")
    axis.labelText = "days"
    axis.setTextPen("#fedcba")  # a pen change redraws the label: hidden, it is left as it was
    assert "days" not in axis.label.toPlainText()
    axis.showLabel(True)
    assert "days" in axis.label.toPlainText()
