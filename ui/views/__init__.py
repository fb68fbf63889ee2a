"""Widgets of the main window: editors, result views, dialogs."""
