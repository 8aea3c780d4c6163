"""Drop the module sources PySide6 reads on every import, so their memory serves what comes next.

Once PySide6 is imported it wraps `__import__`, and for each module imported after it reads the
module's whole source (`inspect.getsource`, in shibokensupport.feature._mod_uses_pyside) to see
whether it mentions PySide6, for its opt-in `__feature__` switches. linecache keeps every file so
read: about 20 MB for matplotlib, numpy and the pages on the heavy profile, which nothing reads
again. The window drops them after each burst of imports (a page built, the dashboard's chart):
the benchmark's peak memory after visiting every page went from 234 to 200 MB.
"""

from __future__ import annotations

import linecache


def forget_read_sources() -> None:
    """Drop linecache's copies of source files; a traceback reads a file again if it needs it.
    Entries without a modification time were registered by code generators and have no file to
    read again, so they stay."""
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            del linecache.cache[name]
