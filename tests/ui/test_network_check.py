"""The start-up network check against real HTTP servers on loopback, and its prompt."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from artreview_desktop.core.appcontext import AppContext
from artreview_desktop.core.network import NetworkState, check_platform
from artreview_desktop.ui.main_window import MainWindow


class _Health(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        code = self.status if self.path.endswith("/health") else 404
        body = b'{"status": "ok"}'
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


def _serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def healthy_platform() -> Iterator[str]:
    yield from _serve(_Health)


@pytest.fixture
def failing_platform() -> Iterator[str]:
    yield from _serve(type("Failing", (_Health,), {"status": 503}))


@pytest.fixture
def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


def test_core_check_reports_each_state(healthy_platform: str, failing_platform: str, closed_port_url: str) -> None:
    assert check_platform(healthy_platform).state is NetworkState.ONLINE
    assert check_platform(failing_platform).state is NetworkState.SERVER_ERROR
    assert check_platform(closed_port_url).state is NetworkState.UNREACHABLE


def _window(qtbot: QtBot, context: AppContext, url: str) -> MainWindow:
    window = MainWindow(context, network_check=partial(check_platform, url, timeout_s=5.0))
    qtbot.addWidget(window)
    window.show()
    return window


def test_online_platform_shows_no_prompt(qtbot: QtBot, context: AppContext, healthy_platform: str) -> None:
    window = _window(qtbot, context, healthy_platform)
    assert window.network_checker is not None
    with qtbot.waitSignal(window.network_checker.checked, timeout=10_000) as blocker:
        window.start()
    assert blocker.args[0].online
    assert not window.network_prompt.isVisible()
    assert window.network_label.text() == "● 已连接考试平台"


def test_unreachable_platform_prompts_and_retry_recovers(
    qtbot: QtBot, context: AppContext, closed_port_url: str, healthy_platform: str
) -> None:
    target = {"url": closed_port_url}
    window = MainWindow(context, network_check=lambda: check_platform(target["url"], timeout_s=5.0))
    qtbot.addWidget(window)
    window.show()
    assert window.network_checker is not None
    with qtbot.waitSignal(window.network_checker.checked, timeout=10_000):
        window.start()
    assert window.network_prompt.isVisible()
    assert "无法连接到考试平台" in window.network_prompt.text()
    assert "离线" in window.network_label.text()

    target["url"] = healthy_platform  # the network comes back; the user presses Retry
    with qtbot.waitSignal(window.network_checker.checked, timeout=10_000) as blocker:
        window.network_prompt.retry_button.click()
    assert blocker.args[0].online
    assert not window.network_prompt.isVisible()


def test_work_offline_closes_the_prompt_and_keeps_the_app_usable(
    qtbot: QtBot, context: AppContext, failing_platform: str
) -> None:
    window = _window(qtbot, context, failing_platform)
    assert window.network_checker is not None
    with qtbot.waitSignal(window.network_checker.checked, timeout=10_000):
        window.start()
    assert "暂时无法提供服务" in window.network_prompt.text()
    window.network_prompt.offline_button.click()
    assert not window.network_prompt.isVisible()
    window.show_page(3)
    assert window.current_page() is window.equipment_page


def test_disabled_check_makes_no_request(qtbot: QtBot, context: AppContext) -> None:
    calls: list[int] = []
    context.settings.general.check_network_at_start = False
    window = MainWindow(context, network_check=lambda: calls.append(1))  # type: ignore[arg-type,return-value]
    qtbot.addWidget(window)
    window.start()
    assert calls == []
    assert window.network_label.text() == "网络：未检测"
