"""`balance-game devices pair` against python-dbusmock's BlueZ template on a private system bus.

The mock adds the board only once discovery has started (the moment a person presses SYNC); the
test then reads back from the mock which BlueZ calls the assistant made, and in what order.
"""

import subprocess
import threading
import time

import pytest

dbusmock = pytest.importorskip("dbusmock", reason="python-dbusmock (test extra) is not installed")
dbus = pytest.importorskip("dbus")

from balance_game.devices.bluez_pairing import (  # noqa: E402
    BOARD_NAME,
    BlueZ,
    PairingError,
    pair_board,
    switch_off,
)
from balance_game.devices.pairing_help import manual_instructions  # noqa: E402

ADDRESS = "00:19:1D:FA:CE:02"
BOARD_PATH = "/org/bluez/hci0/dev_00_19_1D_FA_CE_02"


@pytest.fixture
def bluez(monkeypatch):
    """A private system bus with the BlueZ mock on it (adapter hci0, powered, no devices yet)."""
    with dbusmock.PrivateDBus(dbusmock.BusType.SYSTEM) as bus:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
        server = dbusmock.SpawnedMock.spawn_with_template("bluez5", {},
                                                          stdout=subprocess.DEVNULL)
        mock = dbus.Interface(server.obj, "org.bluez.Mock")
        mock.AddAdapter("hci0", "therapy-laptop")
        try:
            yield bus, mock
        finally:
            server.terminate()


def _press_sync_when_searching(bus, mock):
    """Like a person: press SYNC once the computer is searching (the adapter is Discovering)."""
    def run():
        adapter = dbusmock.BusType.SYSTEM.get_connection().get_object("org.bluez", "/org/bluez/hci0")
        props = dbus.Interface(adapter, dbus.PROPERTIES_IFACE)
        for _ in range(500):
            if props.Get("org.bluez.Adapter1", "Discovering"):
                mock.AddDevice("hci0", ADDRESS, BOARD_NAME)
                return
            time.sleep(0.01)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _calls(bus, path):
    obj = dbusmock.BusType.SYSTEM.get_connection().get_object("org.bluez", path)
    return [str(c[1]) for c in dbus.Interface(obj, dbusmock.MOCK_IFACE).GetCalls()]


def _device_props(bus):
    obj = dbusmock.BusType.SYSTEM.get_connection().get_object("org.bluez", BOARD_PATH)
    return dbus.Interface(obj, dbus.PROPERTIES_IFACE).GetAll("org.bluez.Device1")


def test_discover_pair_trust_connect_then_switch_off(bluez):
    bus, mock = bluez
    words: list[str] = []
    thread = _press_sync_when_searching(bus, mock)
    board = pair_board(words.append, timeout_s=10)
    thread.join()
    assert (board.address, board.path) == (ADDRESS, BOARD_PATH)
    assert _calls(bus, "/org/bluez/hci0") == ["SetDiscoveryFilter", "StartDiscovery", "StopDiscovery"]
    assert _calls(bus, BOARD_PATH) == ["Pair", "Connect"]
    props = _device_props(bus)
    assert props["Paired"] and props["Trusted"]
    assert words[0] == "Looking for the balance board."
    assert "press the small red SYNC button" in words[1]
    assert words[-1] == "The board is paired and connected."
    assert switch_off(ADDRESS) is True
    assert _calls(bus, BOARD_PATH)[-1] == "Disconnect"
    assert switch_off("11:22:33:44:55:66") is False  # not a board we know


def test_a_board_already_paired_is_only_connected(bluez):
    bus, mock = bluez
    mock.AddDevice("hci0", ADDRESS, BOARD_NAME)
    mock.PairDevice("hci0", ADDRESS)
    pair_board(lambda _: None, timeout_s=5)
    assert _calls(bus, "/org/bluez/hci0") == []  # no search needed
    assert "Pair" not in _calls(bus, BOARD_PATH)


@pytest.mark.realtime
def test_nobody_presses_sync(bluez):
    bus, _ = bluez
    with pytest.raises(PairingError, match="no balance board found in 1 s"):
        pair_board(lambda _: None, timeout_s=1)
    assert _calls(bus, "/org/bluez/hci0") == ["SetDiscoveryFilter", "StartDiscovery", "StopDiscovery"]


def test_cli_pair_reports_each_step_and_switches_the_board_off_at_exit(bluez, run_cli):
    bus, mock = bluez
    thread = _press_sync_when_searching(bus, mock)
    result = run_cli("devices", "pair", "--timeout", "20")
    thread.join()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["Looking for the balance board.",
                         "Open the battery cover of the board and press the small red SYNC "
                         "button."]
    assert "Pairing with the board." in lines and "Connecting." in lines
    assert lines[-1].startswith("Switched the board off")
    assert _calls(bus, BOARD_PATH) == ["Pair", "Connect", "Disconnect"]
    assert _device_props(bus)["Trusted"]  # (Properties.Set is not in the mock's call log)


def test_no_bluez_is_one_clear_line(monkeypatch, tmp_path, run_cli):
    missing = f"unix:path={tmp_path}/nobody-here"
    result = run_cli("devices", "pair", env={"DBUS_SYSTEM_BUS_ADDRESS": missing})
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cannot reach Bluetooth" in result.stderr
    with pytest.raises(PairingError):
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", missing)
        BlueZ.open()


def test_windows_and_macos_get_precise_steps():
    assert "red SYNC button" in manual_instructions("win32")
    assert "Devices and Printers" in manual_instructions("win32")
    assert "WiimotePair" in manual_instructions("darwin")
    assert manual_instructions("linux") is None


def test_the_game_switches_the_wii_board_off_when_it_ends(bluez):
    from balance_game.demo.fake_wii_board import FAKE_SERIAL, FakeBackend
    from balance_game.devices.board_source import open_board

    bus, mock = bluez
    address = FAKE_SERIAL.upper()
    mock.AddDevice("hci0", address, BOARD_NAME)
    mock.PairDevice("hci0", address)
    path = "/org/bluez/hci0/dev_" + address.replace(":", "_")
    obj = dbusmock.BusType.SYSTEM.get_connection().get_object("org.bluez", path)
    dbus.Interface(obj, "org.bluez.Device1").Connect()
    source = open_board("wbb", backend=FakeBackend(), use_tare=False)
    source.close()
    assert source.switch_off() is True
    assert _calls(bus, path) == ["Connect", "Disconnect"]


def test_switching_off_without_bluez_on_the_bus_is_quietly_nothing(monkeypatch):
    with dbusmock.PrivateDBus(dbusmock.BusType.SYSTEM) as bus:  # a bus, but nobody is org.bluez
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
        assert switch_off(ADDRESS) is False


@pytest.mark.realtime
def test_the_connect_screens_search_pairs_an_unpaired_board_and_says_each_step(bluez):
    from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
    from balance_game.devices.bluez_pairing import pair_in_background
    from balance_game.game.board_finder import BoardFinder

    bus, mock = bluez
    backend = FakeBackend(FakeScript(present=False))  # no HID device until BlueZ connects it
    said: list[str] = []

    def pair(say):
        result = pair_in_background(lambda words: (said.append(words), say(words)), timeout_s=10)
        if "The board is paired and connected." in said:
            backend.script.present = True  # what the system does on connect: a HID device
        return result

    thread = _press_sync_when_searching(bus, mock)
    finder = BoardFinder(backend, pair)
    board = None
    for _ in range(3000):  # bounded by count
        board = finder.take()
        if board is not None:
            break
        time.sleep(0.01)
    finder.stop()
    thread.join()
    assert board is not None
    board.close()
    assert said[:2] == ["Looking for the balance board.",
                        "Open the battery cover of the board and press the small red SYNC "
                        "button."]
    assert said[-1] == "The board is paired and connected."
    assert _calls(bus, BOARD_PATH) == ["Pair", "Connect"]


def test_without_bluetooth_the_search_just_keeps_looking(monkeypatch, tmp_path):
    from balance_game.demo.fake_wii_board import FakeBackend, FakeScript
    from balance_game.devices.bluez_pairing import pair_in_background
    from balance_game.game.board_finder import BoardFinder

    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/nobody")
    said: list[str] = []
    assert pair_in_background(said.append) is False and said == []
    finder = BoardFinder(FakeBackend(FakeScript(present=False)), pair_in_background)
    time.sleep(0.3)
    assert finder.status() == "Looking for the board…"
    finder.stop()
