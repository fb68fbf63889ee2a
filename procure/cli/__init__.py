"""The ``procure`` command line."""
