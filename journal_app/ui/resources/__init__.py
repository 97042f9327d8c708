"""The Resources area (the "library"): learning resources, the skill ledger, outputs and
categories, one module per tab, model and dialog. Imported only when the page is built."""
