"""Team mode: plans on a shared PostgreSQL server, the audit log, conflicts."""
