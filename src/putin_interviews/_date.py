"""The date type of the records, without the pure-Python :mod:`datetime`.

On Python 3.10 and 3.11, ``import datetime`` runs the module's pure-Python version, then
replaces its classes with those of CPython's C module ``_datetime``: more than a millisecond of a
first use of the bundled data. ``date`` here is taken from that C module where there is one,
and so is the very class ``datetime.date`` (as the example shows); elsewhere, from
:mod:`datetime`.

>>> import datetime
>>> date is datetime.date
True
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date
else:
    try:
        from _datetime import date
    except ImportError:  # a Python without the C module
        from datetime import date

__all__ = ["date"]
