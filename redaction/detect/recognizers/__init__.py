"""Presidio recognizers for UK decision papers, one per file, each with a table-driven test."""
