"""The limits of the dataset format, in one place.

The loader, the JSON Schema, the integrity rules and the documentation read them from here.
"""

from __future__ import annotations

__all__ = [
    "EPISODE_NUMBERS",
    "EXPORT_FORMATS",
    "INTEGER_RANGE",
    "MAX_BYTES",
    "MAX_ID_LENGTH",
    "MAX_PROBLEMS",
    "MAX_STRING",
    "SCHEMA_VERSION",
]

#: The schema version this release reads and writes.
SCHEMA_VERSION = 2

#: The largest dataset file :func:`putin_interviews.load` reads, in bytes, unless told
#: otherwise: a larger file is refused before it is read.
MAX_BYTES = 2 * 1024**3

#: The longest id a dataset may hold (characters).
MAX_ID_LENGTH = 200

#: The longest string value a dataset may hold (characters).
MAX_STRING = 100_000

#: The integers a dataset may hold: those of 64 bits, as SQLite and most readers store them.
INTEGER_RANGE = range(-(2**63), 2**63)

#: The most problems a DatasetError lists; it counts the others.
MAX_PROBLEMS = 100

#: The parts of the documentary: Part 1 to Part 4.
EPISODE_NUMBERS = range(1, 5)

#: The export formats (``Dataset.export``, ``putin-interviews export``), and whether each
#: writes one file or a directory of files.
EXPORT_FORMATS = {
    "json": "file",
    "jsonl": "directory",
    "csv": "directory",
    "sqlite": "file",
    "datapackage": "directory",
    "annotations": "file",
    "croissant": "directory",
}
