"""A player's own settings, changed standing on the board: text size, language, music and effects
volume, calm, and spoken instructions.

The settings are a list (lean forward or back, stand still); standing still on one opens its
choices as a row, like the pain scale (lean sideways, stand still). A choice is saved with
``storage.players.update_settings``, the same write that ``balance-game players set`` makes, and
put into force at once with ``game.start.apply_settings``, the same step that starts a session:
the next frame is drawn in the new size and language. Nothing here starts or ends anything; the
settings are left only by "Back" (or Esc, or B).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene, draw_dwell_ring
from balance_game.game.screens.navigation import screen
from balance_game.game.start import apply_settings
from balance_game.i18n import LANGUAGES, N_, _, active_language, available_languages
from balance_game.render.speech import voice_name
from balance_game.render.text import blit_text, draw_text, fitting_font
from balance_game.render.theme import ACCENT, BACKGROUND, OUTLINE, PANEL, TEXT, TEXT_DIM
from balance_game.storage.players import (
    Player,
    PlayerSettings,
    get_settings,
    list_players,
    update_settings,
)

if TYPE_CHECKING:
    import pygame

SAMPLE_CUE = "success"  # played at the new effects volume, so the player hears what they chose
VOLUME_STEPS = tuple(round(step / 10, 1) for step in range(11))  # off, 10 % ... 100 %
TEXT_SIZES = {1.0: N_("Normal"), 1.5: N_("Large"), 2.0: N_("Largest")}


@dataclass(frozen=True)
class Choice:
    """One value a setting can take: its short label in the row and the words shown under it."""

    value: Any
    label: str
    words: str


@dataclass(frozen=True)
class Option:
    """A setting of ``PlayerSettings`` as the screen offers it."""

    key: str
    name: str  # N_: translated where shown
    about: str  # N_: one line on what it changes
    choices: Callable[[], list[Choice]]  # built when shown, in the language then in force
    shown: Callable[[Any], str]  # the value as the list shows it
    level: bool = False  # a volume: drawn as a bar as well as in words
    # what the player hears once a value is chosen, so a change is heard as well as seen
    sample: Callable[[GameContext, Choice], None] | None = None


def _volume_words(value: float) -> str:
    return _("Off") if value <= 0 else _("{percent} %").format(percent=round(value * 100))


def _volume_choices() -> list[Choice]:
    return [Choice(v, str(round(v * 100)), _volume_words(v)) for v in VOLUME_STEPS]


def _text_size_words(value: float) -> str:
    return _(TEXT_SIZES[value]) if value in TEXT_SIZES else _("Size {size}").format(
        size=f"{value:g}")


def _text_size_choices() -> list[Choice]:
    return [Choice(v, _(name), _("{name}: size {size}").format(name=_(name), size=f"{v:g}"))
            for v, name in TEXT_SIZES.items()]


def _language_shown(code: str) -> str:
    """The language by its own name; "" (the computer's language) shows the one in force."""
    return LANGUAGES.get(code or active_language(), code)


def _language_choices() -> list[Choice]:
    return [Choice(code, LANGUAGES[code], LANGUAGES[code]) for code in available_languages()]


def _play_cue(ctx: GameContext, choice: Choice) -> None:
    ctx.cue(SAMPLE_CUE)


def _speak(ctx: GameContext, choice: Choice) -> None:
    """The chosen words in the voice now in force (nothing when speech is off or unavailable)."""
    ctx.say(choice.words)


def _on_off(value: bool) -> str:
    return _("On") if value else _("Off")


def _calm_choices() -> list[Choice]:
    return [Choice(False, _("Off"), _("Clouds drift, snow sprays, confetti flies")),
            Choice(True, _("On"), _("Only what the game needs moves"))]


def _speech_choices() -> list[Choice]:
    return [Choice(False, _("Off"), _("Instructions are shown, not spoken")),
            Choice(True, _("On"), _("Instructions are shown and spoken"))]


OPTIONS: tuple[Option, ...] = (
    Option("text_scale", N_("Text size"), N_("Larger letters on every screen."),
           _text_size_choices, _text_size_words),
    Option("language", N_("Language"), N_("The language of every screen and of the voice."),
           _language_choices, _language_shown, sample=_speak),
    Option("music_volume", N_("Music volume"), N_("The music that plays during the games."),
           _volume_choices, _volume_words, level=True),
    Option("volume", N_("Effects volume"), N_("The short sounds for hits, misses and the beat."),
           _volume_choices, _volume_words, level=True, sample=_play_cue),
    Option("calm", N_("Calm"), N_("Calm keeps still what is only decoration: clouds, spray, "
                                  "confetti."), _calm_choices, _on_off),
    Option("speech", N_("Spoken instructions"), N_("Instructions are read aloud as well as "
                                                   "shown."), _speech_choices, _on_off,
           sample=_speak),
)
BY_KEY = {option.key: option for option in OPTIONS}


@dataclass(frozen=True)
class SettingItem(MenuItem):
    """A row of the settings list: the setting's name, its value, and what it is for."""

    about: str = ""
    level: float | None = None  # a volume's value, drawn as a bar
    enabled: bool = True


class SettingsScene(MenuScene):
    """The list of the player's settings, each with its value beside it."""

    def __init__(self, player: Player) -> None:
        super().__init__()
        self.player = player

    def enter(self, ctx: GameContext) -> None:
        apply_settings(ctx, get_settings(ctx.db, self.player))  # seen as this player sees it
        super().enter(ctx)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Settings")
        # whose settings, where that is a question; at the largest text the list needs the room
        self.subtitle = self.player.name if len(list_players(ctx.db)) > 1 else ""
        settings = get_settings(ctx.db, self.player)
        return [self._item(ctx, option, settings) for option in OPTIONS]

    def _item(self, ctx: GameContext, option: Option, settings: PlayerSettings) -> SettingItem:
        value = getattr(settings, option.key)
        if option.key == "speech" and not ctx.sound.can_speak:
            return SettingItem(_(option.name), _unavailable, _("Unavailable"),
                               about=_("Speech unavailable on this computer. Install {voice} "
                                       "to hear the instructions.").format(voice=voice_name()),
                               enabled=False)
        return SettingItem(_(option.name), self._opener(option.key), option.shown(value),
                           about=_(option.about), level=value if option.level else None)

    def _opener(self, key: str) -> Callable[[GameContext, SceneStack], None]:
        def open_choices(ctx: GameContext, stack: SceneStack) -> None:
            stack.push(screen("setting_choice", self.player, key))

        return open_choices

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return 2 * ctx.theme.font("small").get_linesize()

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """What the highlighted setting changes (or why it cannot be changed here)."""
        item = self.items[self.index] if self.items else None
        if isinstance(item, SettingItem) and item.about:
            draw_text(surface, ctx.theme, item.about, area.centerx, area.top, "small", TEXT_DIM,
                      width_px=area.width, max_height=area.height)

    def _draw_item(self, surface: pygame.Surface, ctx: GameContext, item: MenuItem,
                   rect: pygame.Rect, selected: bool) -> None:
        """The name on the left, the value on the right (a volume with its bar), both large."""
        if not isinstance(item, SettingItem):
            super()._draw_item(surface, ctx, item, rect, selected)
            return
        import pygame

        theme = ctx.theme
        pad = theme.px(0.02)
        pygame.draw.rect(surface, ACCENT if selected else PANEL, rect,
                         border_radius=theme.px(0.015))
        colour = BACKGROUND if selected else TEXT
        ring_r = rect.height * 3 // 8
        left = rect.left + pad
        if selected:
            draw_dwell_ring(surface, (left + ring_r, rect.centery), ring_r,
                            self.nav.dwell_fraction, colour)
            left += 2 * ring_r + pad
        room = rect.right - pad - left
        value_font = fitting_font(theme, item.detail, room * 2 // 5, "body", bold=item.enabled)
        value_colour = colour if item.enabled else (BACKGROUND if selected else TEXT_DIM)
        value = blit_text(surface, theme, item.detail, value_font, value_colour,
                          midright=(rect.right - pad, rect.centery))
        right = value.left - pad
        label_w = theme.font("body", bold=True).size(item.label)[0]
        bar = pygame.Rect(0, 0, rect.height * 2, rect.height * 3 // 5)
        if item.level is not None and right - left - label_w >= bar.width + pad:
            bar.midright = (right, rect.centery)  # the bar only where the name keeps its size
            draw_level_bar(surface, bar, item.level, colour)
            right = bar.left - pad
        font = fitting_font(theme, item.label, right - left, "body", bold=True)
        blit_text(surface, theme, item.label, font, colour, midleft=(left, rect.centery))


def _unavailable(ctx: GameContext, stack: SceneStack) -> None:
    """Speech cannot be switched on where the computer has no voice; the line below says why."""


class SettingChoiceScene(MenuScene):
    """One setting's values in a row; the value chosen is saved, put into force, and the list of
    settings comes back with the highlight where it was."""

    layout = "horizontal"

    def __init__(self, player: Player, key: str) -> None:
        super().__init__()
        self.player = player
        self.option = BY_KEY[key]
        self.choices: list[Choice] = []

    def build(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _(self.option.name)  # what it changes was said on the list: room for the row
        self.choices = self.option.choices()
        current = getattr(get_settings(ctx.db, self.player), self.option.key)
        self.index = _nearest(self.choices, current)
        return [MenuItem(c.label, self._chooser(c), c.words) for c in self.choices]

    def _chooser(self, choice: Choice) -> Callable[[GameContext, SceneStack], None]:
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            changes = {self.option.key: choice.value}
            apply_settings(ctx, update_settings(ctx.db, self.player, **changes))
            if self.option.sample is not None:
                self.option.sample(ctx, choice)
            stack.pop()

        return choose

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        return ctx.theme.font("heading").get_linesize() * 3 // 2 if self.option.level else 0

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """A volume as a bar, filled to the highlighted value."""
        import pygame

        if self.index >= len(self.choices):  # on "Back": the bar would mean nothing
            return
        bar = pygame.Rect(0, 0, min(area.width, area.height * 8), area.height)
        bar.center = area.center
        draw_level_bar(surface, bar, self.choices[self.index].value, ACCENT)


def _nearest(choices: list[Choice], current: Any) -> int:
    """Where the highlight starts: the value in force, or the closest one offered (a text size of
    1.8 set at the terminal starts on 2; the computer's language starts on that language)."""
    if isinstance(current, str):
        current = current or active_language()
    if isinstance(current, (bool, str)):
        return next((i for i, c in enumerate(choices) if c.value == current), 0)
    return min(range(len(choices)), key=lambda i: abs(choices[i].value - current))


def draw_level_bar(surface: pygame.Surface, area: pygame.Rect, fraction: float,
                   colour: tuple[int, int, int]) -> None:
    """Ten steps rising left to right, filled up to ``fraction``: a volume seen at a glance."""
    import pygame

    steps = len(VOLUME_STEPS) - 1
    gap = max(1, area.width // (steps * 5))
    step_w = max(1, (area.width - gap * (steps - 1)) // steps)
    for i in range(steps):
        height = max(2, area.height * (i + 1) // steps)
        step = pygame.Rect(area.left + i * (step_w + gap), area.bottom - height, step_w, height)
        filled = fraction >= (i + 1) / steps - 1e-9
        if filled:
            pygame.draw.rect(surface, colour, step)
        else:
            pygame.draw.rect(surface, OUTLINE, step, 1)
