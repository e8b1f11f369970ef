"""A browser tab without the browser: Streamlit's own websocket protocol, spoken from Python.

The classroom benchmarks use it to put 30 students on one server without
running 30 Chromium renderers on the same two cores. It sends the requests
the Streamlit frontend sends and nothing more:

- it connects to /_stcore/stream and asks for a page (`rerun_script` with the
  page's URL name and query string), as a browser does when it opens a URL;
- a button click is a rerun carrying that button's trigger, found by its key;
- every `auto_rerun` the server asks for (an `st.fragment(run_every=...)`)
  becomes a timer that reruns that fragment, as the frontend's timers do; a
  full run that no longer registers it, or a `stop_auto_rerun`, cancels it.

It keeps the page's elements, so a caller can read the texts a student would
see, and it times every request from the moment it is sent to the server's
`script_finished`: the page response a browser would get, less its drawing.
Requests go one at a time, as they do from a tab that waits for the last run.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
_LAST_MESSAGE_OF_A_REQUEST = {
    FINISHED.FINISHED_SUCCESSFULLY,
    FINISHED.FINISHED_WITH_COMPILE_ERROR,
    FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
_TEXT_FIELDS = ("body", "text", "label")


@dataclass
class Response:
    """One request and the server's answer to it."""

    kind: str  # "open", "click" or "fragment"
    sent_at: float  # time.time()
    seconds: float  # from sending the request to the script_finished that ended it


class StreamlitClient:
    """One browser session on a running `streamlit run`; use with `async with`."""

    def __init__(self, server_url: str, request_timeout: float = 60.0):
        self.server_url = server_url.rstrip("/")
        self.request_timeout = request_timeout
        self.responses: list[Response] = []
        self.failures: list[str] = []  # timed reruns that got no answer
        self.page_name = ""
        self.query_string = ""
        self._elements: dict[
            tuple[int, ...], tuple[str, object]
        ] = {}  # path -> (fragment, element)
        self._touched: set[tuple[int, ...]] = set()  # paths written by the run in progress
        self._page_hash = ""
        self._websocket = None
        self._reader: asyncio.Task | None = None
        self._request_lock = asyncio.Lock()
        self._finished: asyncio.Future | None = None
        self._auto_reruns: dict[
            str, tuple[float, asyncio.Task]
        ] = {}  # fragment -> (interval, timer)
        self._auto_reruns_this_run: set[str] = set()

    async def __aenter__(self) -> StreamlitClient:
        return await self.connect()

    async def connect(self) -> StreamlitClient:
        """Opens the websocket, as a new browser tab does before it asks for a page."""
        url = urlparse(self.server_url)
        self._websocket = await websockets.connect(
            f"ws://{url.netloc}/_stcore/stream",
            subprotocols=["streamlit"],
            origin=self.server_url,
            max_size=None,
            open_timeout=self.request_timeout,
        )
        self._reader = asyncio.create_task(self._read_forever())
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes the tab: the server keeps the session for its disconnectedSessionTTL."""
        self._cancel_auto_reruns(list(self._auto_reruns))
        if self._websocket is not None:
            await self._websocket.close()
        if self._reader is not None:
            self._reader.cancel()

    # ---------------------------------------------------------------- requests
    async def open(self, page_name: str, query_string: str = "") -> Response:
        """Opens a page as typing its URL would: /<page_name>?<query_string>."""
        self.page_name, self.query_string, self._page_hash = page_name, query_string, ""
        return await self._request("open", ClientState())

    async def click(self, button_key: str) -> Response:
        """Clicks the button created with `key=button_key`."""
        widget_id = self.button_id(button_key)
        if widget_id is None:
            raise LookupError(
                f"no button with key {button_key!r} on the page; it shows {self.texts()}"
            )
        state = ClientState()
        trigger = state.widget_states.widgets.add()
        trigger.id, trigger.trigger_value = widget_id, True
        return await self._request("click", state)

    async def _request(self, kind: str, state: ClientState, fragment_id: str = "") -> Response:
        async with self._request_lock:
            state.query_string = self.query_string
            state.page_name = self.page_name
            state.page_script_hash = self._page_hash
            state.fragment_id = fragment_id
            state.is_auto_rerun = bool(fragment_id)
            message = BackMsg()
            message.rerun_script.CopyFrom(state)
            self._finished = asyncio.get_running_loop().create_future()
            sent_at, started = time.time(), time.perf_counter()
            await self._websocket.send(message.SerializeToString())
            await asyncio.wait_for(self._finished, self.request_timeout)
            response = Response(kind, sent_at, time.perf_counter() - started)
            self.responses.append(response)
            return response

    async def _rerun_fragment_every(self, fragment_id: str, interval: float) -> None:
        # Checked as well as cancelled: Python 3.11's wait_for can swallow a cancellation.
        while self._auto_reruns.get(fragment_id, (None, None))[1] is asyncio.current_task():
            await asyncio.sleep(interval)
            try:
                await self._request("fragment", ClientState(), fragment_id)
            except (TimeoutError, ConnectionError, websockets.ConnectionClosed) as err:
                self.failures.append(f"fragment rerun: {type(err).__name__} {err}")
                return

    # ---------------------------------------------------------------- the page
    def texts(self) -> list[str]:
        """The texts of the elements on the page, top to bottom."""
        texts = []
        for _, (_, element) in sorted(self._elements.items()):
            kind = element.WhichOneof("type")
            content = getattr(element, kind) if kind else None
            texts += [
                getattr(content, name)
                for name in _TEXT_FIELDS
                if content is not None
                and name in content.DESCRIPTOR.fields_by_name
                and isinstance(getattr(content, name), str)
                and getattr(content, name)
            ]
        return texts

    def element_kinds(self) -> list[str]:
        """The kinds of the elements on the page ("markdown", "exception", ...), top to bottom."""
        return [element.WhichOneof("type") for _, (_, element) in sorted(self._elements.items())]

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.texts())

    def button_id(self, key: str) -> str | None:
        for _, element in self._elements.values():
            if element.WhichOneof("type") == "button" and element.button.id.endswith(f"-{key}"):
                return element.button.id
        return None

    async def wait_until_shown(self, text: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not self.shows(text):
            if time.monotonic() > deadline or self._reader.done():
                return False
            await asyncio.sleep(0.1)
        return True

    # ---------------------------------------------------------------- messages
    async def _read_forever(self) -> None:
        try:
            async for data in self._websocket:
                message = ForwardMsg()
                message.ParseFromString(data)
                self._handle(message)
        finally:
            if self._finished is not None and not self._finished.done():
                self._finished.set_exception(ConnectionError("the server closed the connection"))

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session":
            self._page_hash = message.new_session.page_script_hash
        elif kind == "navigation":  # st.navigation names the page it ran: later requests ask for it
            self._page_hash = message.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            path = tuple(message.metadata.delta_path)
            self._elements[path] = (message.delta.fragment_id, message.delta.new_element)
            self._touched.add(path)
        elif kind == "auto_rerun":
            rerun = message.auto_rerun
            self._auto_reruns_this_run.add(rerun.fragment_id)
            if self._auto_reruns.get(rerun.fragment_id, (None,))[0] != rerun.interval:
                self._cancel_auto_reruns([rerun.fragment_id])
                self._auto_reruns[rerun.fragment_id] = (
                    rerun.interval,
                    asyncio.create_task(
                        self._rerun_fragment_every(rerun.fragment_id, rerun.interval)
                    ),
                )
        elif kind == "stop_auto_rerun":
            self._cancel_auto_reruns(message.stop_auto_rerun.fragment_ids)
        elif kind == "script_finished":
            self._drop_stale_elements(message.script_finished)
            if message.script_finished == FINISHED.FINISHED_SUCCESSFULLY:
                self._cancel_auto_reruns(set(self._auto_reruns) - self._auto_reruns_this_run)
            self._auto_reruns_this_run.clear()
            if (
                message.script_finished in _LAST_MESSAGE_OF_A_REQUEST
                and self._finished is not None
                and not self._finished.done()
            ):
                self._finished.set_result(message.script_finished)

    def _cancel_auto_reruns(self, fragment_ids) -> None:
        for fragment_id in fragment_ids:
            _, timer = self._auto_reruns.pop(fragment_id, (None, None))
            if timer is not None:
                timer.cancel()

    def _drop_stale_elements(self, status: int) -> None:
        """What a run did not write again disappears, as in the browser."""
        if status == FINISHED.FINISHED_SUCCESSFULLY:
            self._elements = {
                path: value for path, value in self._elements.items() if path in self._touched
            }
        elif status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            rerun_fragments = {self._elements[path][0] for path in self._touched}
            self._elements = {
                path: (fragment, element)
                for path, (fragment, element) in self._elements.items()
                if path in self._touched or fragment not in rerun_fragments
            }
        self._touched.clear()
