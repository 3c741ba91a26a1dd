"""One module per input format, each turning one export into RawMessage records.

Readers do no I/O beyond reading their input and know nothing of the database.
The public surface (kept stable; the CLI, the web upload and the importer use it):

- ``detect(path) -> str | None``: the format name by content, or None.
- ``read_path(path, accept=None) -> Iterator[RawMessage | ReadProblem | Passed]``:
  every record of every file under ``path`` (a file, a folder or a zip). When ``accept``
  is given, a reader may skip decoding the body of a record whose sender ``accept``
  rejects and yield ``Passed`` for it instead. ``progress`` (keyword) is called with the
  number of bytes read as reading goes; ``total_size(path)`` is the matching total.

Formats, limits and how to obtain each export: docs/formats.md.
"""

from nocontact.readers.base import Accept, Passed, ReadItem, detect, read_path, total_size

__all__ = ["Accept", "Passed", "ReadItem", "detect", "read_path", "total_size"]
