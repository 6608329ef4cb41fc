"""Screens reach one another by name through this table, never by importing each other.

A screen says ``stack.replace(screen("results", spec, records, trace))``; which module draws
"results" is decided here alone, so screens can be added, split or renamed in one place and no
screen module depends on another screen module (a menu's base class is a widget, not a route).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from balance_game.game.scenes import Scene

# name -> (module in game/screens, class)
ROUTES: Final[dict[str, tuple[str, str]]] = {
    "title": ("title", "TitleScene"),
    "safety": ("first_run", "SafetyScene"),
    "connect": ("first_run", "ConnectScene"),
    "player_select": ("player_select", "PlayerSelectScene"),
    "pain": ("pain", "PainScene"),
    "calibrate": ("calibrate", "CalibrateScene"),
    "assess": ("assess", "AssessScene"),
    "stance": ("stance", "StanceScene"),
    "level_select": ("level_select", "LevelSelectScene"),
    "intro": ("intro", "IntroScene"),
    "play": ("play", "PlayScene"),
    "pause": ("pause", "PauseOverlay"),
    "results": ("results", "ResultsScene"),
    "farewell": ("farewell", "FarewellScene"),
    "help": ("help", "HelpOverlay"),
    "confirm_stop": ("confirm_stop", "ConfirmStopScene"),
    "text_entry": ("text_entry", "TextEntryScene"),
    "sensor_check": ("sensor_check", "SensorCheckScene"),
    "routine": ("routine", "RoutineScene"),
    "calendar": ("calendar", "CalendarScene"),
    "family": ("family", "FamilyScene"),
    "settings": ("settings", "SettingsScene"),
    "setting_choice": ("settings", "SettingChoiceScene"),
}


def screen(name: str, *args: Any, **kwargs: Any) -> Scene:
    """A new scene for the screen called ``name``, built with the given arguments."""
    try:
        module_name, class_name = ROUTES[name]
    except KeyError:
        raise ValueError(f"no screen is called {name!r} (known: {', '.join(ROUTES)})") from None
    module = importlib.import_module(f"{__package__}.{module_name}")
    scene: Scene = getattr(module, class_name)(*args, **kwargs)
    return scene
