"""Work outside a request: the PDF child processes, the background thread pool, the mail sweep, the
release clock's wiring and the clean stop on SIGTERM."""
