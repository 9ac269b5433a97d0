"""The PDF engine of redaction (pikepdf): split pages, remove glyphs, image pixels and paths under boxes,
draw labelled boxes, prune fonts, sanitise and save a fresh file. :mod:`redaction.redact` runs it."""
