"""Widgets shared by the tracking screens (Today, the focus timer, the Library)."""
