"""One module per area of the main window; each page is a plain QWidget."""
