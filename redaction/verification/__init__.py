"""Independent checks on a redacted output (see :mod:`redaction.verify` for the table of checks).

Nothing here imports the engine (``redaction.pdf``, ``redaction.extract``): the checks have their own
matcher, call their text readers directly, read the input themselves and decode every stream. The one
exception is :mod:`.detection`, which runs the service's detector again on purpose.
"""
