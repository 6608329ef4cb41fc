"""The window's choice of presentation path (direct pixels vs an OpenGL texture)."""

import pytest

from balance_game.render.window import (
    FRAMEBUFFER_HINT,
    Presentation,
    choose_presentation,
    is_software_renderer,
)


def never(*_args):
    raise AssertionError("the OpenGL probe should not run")


@pytest.mark.parametrize("renderer, software", [
    ("llvmpipe (LLVM 15.0.6, 256 bits)", True),
    ("softpipe", True),
    ("Software Rasterizer", True),
    ("GDI Generic", True),
    ("Google SwiftShader", True),
    ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", False),
    ("NVIDIA GeForce GTX 1050/PCIe/SSE2", False),
    ("AMD Radeon Graphics (renoir, LLVM 15.0.7, DRM 3.49, 6.1.0)", False),
])
def test_software_renderers_are_recognised(renderer, software):
    assert is_software_renderer(renderer) is software


def test_a_persons_own_setting_wins_and_nothing_is_probed():
    choice = choose_presentation("x11", {FRAMEBUFFER_HINT: "1"}, True, never)
    assert choice.accelerated is None and "set by the user" in choice.reason


@pytest.mark.parametrize("driver", ["windows", "wayland", "cocoa", "dummy"])
def test_other_video_drivers_keep_sdls_default(driver):
    assert choose_presentation(driver, {}, True, never).accelerated is None


def test_no_gpu_means_direct_without_probing():
    assert choose_presentation("x11", {}, False, never).accelerated is False
    assert choose_presentation("x11", {"LIBGL_ALWAYS_SOFTWARE": "1"}, True, never).accelerated is False


@pytest.mark.parametrize("renderer, accelerated", [
    ("llvmpipe (LLVM 15.0.6, 256 bits)", False),
    ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", True),
    (None, False),
])
def test_the_probed_renderer_decides(renderer, accelerated):
    choice = choose_presentation("x11", {}, True, lambda: renderer)
    assert choice == Presentation(accelerated, choice.reason) and choice.reason


def test_a_real_window_under_xvfb_presents_directly():
    """Xvfb has no GPU: OpenGL there is Mesa's software renderer, so the window must choose the
    direct path (whether it knows from /dev/dri or from probing the renderer's name)."""
    import os
    import shutil
    import subprocess
    import sys

    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    from balance_game.bench.display import display

    code = ("from balance_game.render.window import Window\n"
            "w = Window(False, (320, 240))\n"
            "w.surface.fill((1, 2, 3)); w.flip()\n"
            "print(w.presentation.accelerated, w.presentation.reason); w.close()")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "SDL_FRAMEBUFFER_ACCELERATION")}
    with display() as shown:
        assert shown is not None
        env.update(DISPLAY=shown.name, SDL_VIDEODRIVER="x11")
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, timeout=60, check=True).stdout
    assert out.startswith("False direct: "), out
