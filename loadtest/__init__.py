"""`make loadtest`: the site in production mode on its own PostgreSQL, Redis and SMTP sink,
driven by logged-in members for a set time (docs/deployment.md, "Load test")."""
