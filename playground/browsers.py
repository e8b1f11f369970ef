"""Which tabs each browser has open, and what happens when its last tab has gone.

A browser (one cookie jar) owns its training runs; it may have several tabs
open, and a reload replaces a tab by a new one. Its runs must outlive a
reload, but not the browser: when none of its tabs has been connected for a
grace period, `on_gone(browser)` is called (the app then cancels the
browser's queued and running jobs).

Example:

```python
tabs = BrowserTabs(grace_s=60, is_connected=runtime.is_active_session,
                   on_gone=cancel_running_jobs)
tabs.opened("browser-id", "session-1")
tabs.closed("session-1")  # in 60 s: cancel, unless a tab of "browser-id" is connected
```
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BrowserTabs:
    """The tabs (Streamlit sessions) of every browser.

    Args:
        grace_s: seconds a browser keeps its jobs after one of its tabs closes.
        is_connected: whether a tab is connected right now; a tab that
            reconnects after a network blip counts as connected again.
        on_gone: called with a browser id, on a timer thread, when a grace
            period ends and none of that browser's tabs is connected.
    """

    def __init__(
        self, grace_s: float, is_connected: Callable[[str], bool], on_gone: Callable[[str], None]
    ):
        self.grace_s = grace_s
        self._is_connected = is_connected
        self._on_gone = on_gone
        self._browser_of: dict[str, str] = {}
        # Closed tabs that reconnected without a page run: Streamlit will not
        # report their next close, so their browser is checked again later.
        self._reconnected: set[str] = set()
        self._lock = threading.Lock()

    def opened(self, browser: str, tab: str) -> None:
        """Records that `tab` belongs to `browser` (again after a reconnect)."""
        with self._lock:
            self._browser_of[tab] = browser
            self._reconnected.discard(tab)

    def closed(self, tab: str) -> None:
        """Starts the grace period of the tab's browser."""
        with self._lock:
            browser = self._browser_of.get(tab)
            if browser is not None:
                self._reconnected.add(tab)
        if browser is not None:
            self._check_later(browser)

    def _check_later(self, browser: str) -> None:
        timer = threading.Timer(self.grace_s, self.check, args=(browser,))
        timer.daemon = True
        timer.start()

    def tabs_of(self, browser: str) -> list[str]:
        with self._lock:
            return [tab for tab, owner in self._browser_of.items() if owner == browser]

    def check(self, browser: str) -> bool:
        """Forgets the browser's disconnected tabs; calls `on_gone` if none is left.

        Returns:
            True if the browser has gone.
        """
        with self._lock:
            tabs = [tab for tab, owner in self._browser_of.items() if owner == browser]
            gone = [tab for tab in tabs if not self._is_connected(tab)]
            for tab in gone:
                del self._browser_of[tab]
                self._reconnected.discard(tab)
            watch = any(tab in self._reconnected for tab in tabs if tab not in gone)
        if len(gone) < len(tabs):
            if watch:
                self._check_later(browser)
            return False
        self._on_gone(browser)
        return True
