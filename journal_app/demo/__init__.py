"""The demo journal (`journal-app demo`, the window's --demo): a client of the Services
facade like the UI and the CLI. generate.py writes it; text.py is its small corpus."""
