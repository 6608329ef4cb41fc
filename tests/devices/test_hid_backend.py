"""The hidapi wrapper, with a stand-in for the cython-hidapi module."""

import pytest

from balance_game.demo import FAKE_BOARD_ENV, demo_backend
from balance_game.demo.fake_wii_board import FakeBackend
from balance_game.devices import hid_backend
from balance_game.devices.hid_backend import (
    DeviceGone,
    DeviceInfo,
    HidapiBackend,
    default_backend,
    udev_rule,
)
from balance_game.errors import UserError

ENUMERATED = {
    "path": b"/dev/hidraw3", "vendor_id": 0x057E, "product_id": 0x0306,
    "serial_number": "00:19:1d:aa:bb:cc", "release_number": 0, "manufacturer_string": "",
    "product_string": "Nintendo RVL-WBC-01", "usage_page": 1, "usage": 5,
    "interface_number": -1, "bus_type": 2,
}


class _Device:
    def __init__(self, module):
        self.module = module

    def open_path(self, path):
        if self.module.open_fails:
            raise OSError("open failed")
        self.module.opened.append(path)

    def write(self, buf):
        self.module.written.append(buf)
        return self.module.write_result

    def read(self, max_length, timeout_ms=0):
        self.module.read_args.append((max_length, timeout_ms))
        if self.module.read_fails:
            raise OSError("read error")
        return [0x20, 0, 0, 0x12, 0, 0, 0xC0]

    def error(self):
        return "Success? no: broken pipe"

    def close(self):
        self.module.closed = True


class _Hid:
    def __init__(self, open_fails=False, write_result=3, read_fails=False):
        self.open_fails, self.write_result, self.read_fails = open_fails, write_result, read_fails
        self.opened, self.written, self.read_args, self.closed = [], [], [], False

    def enumerate(self, vendor_id=0, product_id=0):
        return [ENUMERATED]

    def device(self):
        return _Device(self)


def test_enumerate_gives_device_infos():
    (info,) = HidapiBackend(_Hid()).enumerate(0x057E, 0x0306)
    assert info == DeviceInfo(b"/dev/hidraw3", 0x057E, 0x0306, "Nintendo RVL-WBC-01", "",
                              "00:19:1d:aa:bb:cc", -1, 2)
    assert info.is_bluetooth and info.path_text == "/dev/hidraw3"


def test_open_write_read_close():
    hid = _Hid()
    backend = HidapiBackend(hid)
    device = backend.open(backend.enumerate()[0])
    device.write(bytes([0x12, 0x04, 0x34]))
    assert device.read(0) == bytes([0x20, 0, 0, 0x12, 0, 0, 0xC0])
    assert hid.read_args == [(64, 1)]  # timeout 0 would block forever in cython-hidapi
    device.close()
    assert hid.opened == [b"/dev/hidraw3"] and hid.written == [b"\x12\x04\x34"] and hid.closed


def test_write_returning_minus_one_and_read_errors_are_device_gone():
    backend = HidapiBackend(_Hid(write_result=-1, read_fails=True))
    device = backend.open(backend.enumerate()[0])
    with pytest.raises(DeviceGone, match=r"write failed: .*broken pipe"):
        device.write(b"\x15\x00")
    with pytest.raises(DeviceGone, match="read failed"):
        device.read(10)


def test_permission_denied_on_hidraw_prints_the_fix(monkeypatch):
    monkeypatch.setattr(hid_backend, "_is_permission_problem", lambda path: True)
    backend = HidapiBackend(_Hid(open_fails=True))
    with pytest.raises(UserError) as err:
        backend.open(backend.enumerate()[0])
    message = str(err.value)
    assert "no permission to open /dev/hidraw3" in message
    assert "balance-game devices udev-rules" in message
    assert 'KERNELS=="*057E:0306*"' in message and "\n" not in message


def test_permission_check_looks_at_the_node(tmp_path, monkeypatch):
    node = tmp_path / "hidraw0"
    node.write_text("")
    monkeypatch.setattr(hid_backend.os, "access", lambda path, mode: False)
    assert not hid_backend._is_permission_problem(str(node))  # not under /dev
    assert not hid_backend._is_permission_problem("/dev/hidraw-does-not-exist")


def test_other_open_failures_are_device_gone(monkeypatch):
    monkeypatch.setattr(hid_backend, "_is_permission_problem", lambda path: False)
    backend = HidapiBackend(_Hid(open_fails=True))
    with pytest.raises(DeviceGone, match="cannot open /dev/hidraw3"):
        backend.open(backend.enumerate()[0])


def test_missing_hidapi_is_a_user_error(monkeypatch):
    def fail(name):
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(hid_backend.importlib, "import_module", fail)
    with pytest.raises(UserError, match=r"cannot load hidapi .*pip install hidapi"):
        HidapiBackend()


def test_linux_uses_the_hidraw_module(monkeypatch):
    monkeypatch.setattr(hid_backend.sys, "platform", "linux")
    assert hid_backend._hidapi_module_name() == "hidraw"
    monkeypatch.setattr(hid_backend.sys, "platform", "win32")
    assert hid_backend._hidapi_module_name() == "hid"


def test_fake_board_hook_is_the_demo_entry_not_the_hid_backend(monkeypatch):
    monkeypatch.setenv(FAKE_BOARD_ENV, "steady@250")
    backend = demo_backend()
    assert isinstance(backend, FakeBackend) and backend.script.rate_hz == 250
    monkeypatch.setattr(hid_backend, "HidapiBackend", lambda: "hidapi")
    assert default_backend() == "hidapi"  # the HID backend never looks at the demo hook
    monkeypatch.setenv(FAKE_BOARD_ENV, "bogus")
    with pytest.raises(UserError, match="unknown fake board scenario 'bogus'"):
        demo_backend()
    monkeypatch.delenv(FAKE_BOARD_ENV)
    assert demo_backend() is None


def test_udev_rules():
    assert udev_rule(0x057E, 0x0306, bluetooth=True) == (
        'KERNEL=="hidraw*", KERNELS=="*057E:0306*", MODE="0660", TAG+="uaccess"')
    assert udev_rule(0x1209, 0x0001, bluetooth=False) == (
        'KERNEL=="hidraw*", ATTRS{idVendor}=="1209", ATTRS{idProduct}=="0001", '
        'MODE="0660", TAG+="uaccess"')
