"""``--language de`` (or es) reaches every screen: each screen of the gallery is drawn in that
language, and no whole English sentence that has a translation is left on any of them."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from gallery import visit
from screen_driver import ScreenDriver

from balance_game.i18n import catalog_path, set_language
from balance_game.render.theme import TextBox

SIZE = (1280, 720)


def _texts_per_screen(tmp_path, code: str) -> dict[str, list[str]]:
    set_language(code)
    d = ScreenDriver(tmp_path / f"{code}.db", device="sim", size=SIZE)
    d.ctx.theme.layout_log = log = []
    frame: list = []
    d.window.on_flip = lambda: (frame.clear(), frame.extend(log), log.clear())
    shown = {}
    try:
        for name in visit(d, 1.0, play_steps=30):
            shown[name] = [b.text for b in frame
                          if isinstance(b, TextBox) and b.surface is d.window.surface]
    finally:
        d.close()
        set_language("en")
    return shown


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    return _texts_per_screen(tmp_path_factory.mktemp("en"), "en")


@pytest.mark.parametrize("code", ["de", "es"])
def test_every_screen_speaks_the_language(tmp_path, english, code):
    translated = _texts_per_screen(tmp_path, code)
    assert translated.keys() == english.keys()
    with catalog_path(code).open("rb") as po:
        catalog = read_po(po, locale=code)
    # whole English sentences (several words) whose translation reads differently
    english_only = {m.id for m in catalog if isinstance(m.id, str) and " " in m.id
                    and m.string and m.string != m.id}
    same, leaks = [], []
    for name, texts in translated.items():
        if sorted(texts) == sorted(english[name]):
            same.append(name)
        leaks += [f"{name}: {t!r}" for t in texts if t.strip() in english_only]
    assert not same, f"{code}: these screens look exactly as in English: {same}"
    assert not leaks, f"{code}: English left on screen:\n" + "\n".join(leaks)
