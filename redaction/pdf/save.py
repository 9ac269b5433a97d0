"""Write an output as one fresh, full file: a single revision, only the objects still reachable, streams
recompressed, a new document ID. Nothing from an earlier incremental update can survive this."""

from __future__ import annotations

from io import BytesIO

import pikepdf


def save(pdf: pikepdf.Pdf) -> bytes:
    buf = BytesIO()
    pdf.save(buf, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate,
             fix_metadata_version=False, deterministic_id=True, linearize=False)
    return buf.getvalue()
