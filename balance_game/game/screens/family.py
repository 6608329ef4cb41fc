"""Family play: two to four players take turns on one board, each playing the same level, and a
scoreboard at the end.

Every turn is the player's own session, started with their own calibration, caps and settings
(``start_session``), so each turn lands in that player's profile, progress and exports. The turns
of one family game are tied together by a ``family_turn`` event naming the first turn's session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from balance_game.core.lean_navigation import LeanNavigator
from balance_game.core.levels import LevelSpec, load_levels
from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.game.start import start_session
from balance_game.i18n import _
from balance_game.render.text import blit_text, fitting_font
from balance_game.render.theme import ACCENT, PANEL, TEXT
from balance_game.storage.players import Player, add_player, find_player, list_players
from balance_game.storage.progress import is_unlocked, player_progress

if TYPE_CHECKING:
    import pygame

MIN_PLAYERS, MAX_PLAYERS = 2, 4
MAX_PLAYERS_SHOWN = 50


@dataclass(frozen=True)
class Score:
    player: str
    mean_score: float | None  # None: the turn was not finished
    stars: int


def scoreboard(scores: list[Score]) -> list[Score]:
    """Best first; an unfinished turn last; equal scores keep the order of play."""
    return sorted(scores, key=lambda s: -1.0 if s.mean_score is None else -s.mean_score)


def shared_levels(players: list[Player], progress_of) -> list[LevelSpec]:
    """Levels every chosen player has unlocked (the first world always is)."""
    books = [progress_of(p) for p in players]
    return [s for s in load_levels() if all(is_unlocked(s.requires, b) for b in books)]


class FamilyScene(MenuScene):
    back_item = False  # each stage has its own way back

    def __init__(self, players: tuple[str, ...] = (), spec: LevelSpec | None = None) -> None:
        super().__init__()
        self.names = list(players)  # chosen players, in turn order
        self.spec = spec
        self.turn = -1  # index into names of the turn being played; -1 before the first
        self.playing = False  # a turn's screens are above this one
        self.scores: list[Score] = []
        self.first_session: int | None = None
        # players -> level -> turns -> scores; the command line comes with both chosen
        self.stage = "turns" if spec is not None and len(players) >= MIN_PLAYERS else "players"

    def enter(self, ctx: GameContext) -> None:
        if self.playing:
            self._turn_done(ctx)
        self.arm_on_enter = self.stage == "turns"  # the next player starts by standing still
        super().enter(ctx)

    def _to_stage(self, ctx: GameContext, stage: str) -> None:
        self.stage = stage
        self.index = 0
        self.items = self.build(ctx)
        self.nav = LeanNavigator(self.layout, armed=stage == "turns")

    def build(self, ctx: GameContext) -> list[MenuItem]:
        builders = {"players": self._build_players, "level": self._build_level,
                     "turns": self._build_turns, "scores": self._build_scores}
        return builders[self.stage](ctx)

    # --- choosing who plays and what -----------------------------------------------------
    def _build_players(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Family play")
        self.subtitle = _("Choose 2 to 4 players. Each plays the same game in turn.")
        items = [MenuItem(p.name, self._toggle(p.name),
                          _("playing, turn {n}").format(n=self.names.index(p.name) + 1)
                          if p.name in self.names else "")
                 for p in list_players(ctx.db)[:MAX_PLAYERS_SHOWN]]
        items.append(MenuItem(_("New player"), self._new_player))
        if MIN_PLAYERS <= len(self.names) <= MAX_PLAYERS:
            items.insert(0, MenuItem(_("Choose the game"), self._confirm_players))
        items.append(MenuItem(_("Back"), lambda c, s: s.pop()))
        return items

    def _toggle(self, name: str):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            if name in self.names:
                self.names.remove(name)
            elif len(self.names) < MAX_PLAYERS:
                self.names.append(name)
            self.items = self.build(ctx)
            # the highlight stays on the player, though "Choose the game" may have come first
            self.index = next(i for i, item in enumerate(self.items) if item.label == name)

        return choose

    def _new_player(self, ctx: GameContext, stack: SceneStack) -> None:
        def named(ctx: GameContext, stack: SceneStack, name: str) -> None:
            player = find_player(ctx.db, name) or add_player(ctx.db, name)
            if player.name not in self.names and len(self.names) < MAX_PLAYERS:
                self.names.append(player.name)

        stack.push(screen("text_entry", _("Your name"), named))

    def _confirm_players(self, ctx: GameContext, stack: SceneStack) -> None:
        self._to_stage(ctx, "level")

    def _build_level(self, ctx: GameContext) -> list[MenuItem]:
        self.title = _("Choose a game for everyone")
        self.subtitle = ", ".join(self.names)
        players = [find_player(ctx.db, n) for n in self.names]
        specs = shared_levels([p for p in players if p], lambda p: player_progress(ctx.db, p.id))
        items = [MenuItem(_(s.title), self._pick(s), _("World {n}").format(n=s.world))
                 for s in specs]
        return [*items, MenuItem(_("Back"), self._unconfirm)]

    def _unconfirm(self, ctx: GameContext, stack: SceneStack) -> None:
        self._to_stage(ctx, "players")

    def _pick(self, spec: LevelSpec):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            # a short demonstration (--trials) plays fewer trials, as on the command line
            self.spec = replace(spec, trials=ctx.options.trials) if ctx.options.trials else spec
            self._to_stage(ctx, "turns")

        return choose

    # --- the turns -----------------------------------------------------------------------
    @property
    def level(self) -> LevelSpec:
        """The level everyone plays (chosen before the turns begin)."""
        if self.spec is None:
            raise RuntimeError("family play's level is chosen before the turns")
        return self.spec

    def _build_turns(self, ctx: GameContext) -> list[MenuItem]:
        upcoming = self.turn + 1
        name = self.names[upcoming]
        self.title = _("{name}'s turn").format(name=name)
        self.subtitle = _("Turn {n} of {total}: {level}. Step on the board when you are ready.") \
            .format(n=upcoming + 1, total=len(self.names), level=_(self.level.title))
        return [MenuItem(_("Go on"), self._start_turn),
                MenuItem(_("Show the scores"), self._stop_turns)]

    def fixed_update(self, ctx: GameContext, dt_s: float, stack: SceneStack) -> None:
        if ctx.options.headless:
            if self.stage == "turns":
                self._start_turn(ctx, stack)
            elif self.stage == "scores":
                ctx.end_session()
                ctx.quit_requested = True
            return
        super().fixed_update(ctx, dt_s, stack)

    def _start_turn(self, ctx: GameContext, stack: SceneStack) -> None:
        self.turn += 1
        name = self.names[self.turn]
        player = find_player(ctx.db, name) or add_player(ctx.db, name)
        session = start_session(ctx, player)  # ends the turn before: each turn its own session
        if self.first_session is None:
            self.first_session = session.recorder.session_id
        session.recorder.add_event(ctx.t_s, "family_turn", None, {
            "family_session": self.first_session, "turn": self.turn + 1,
            "players": len(self.names), "level": self.level.id})
        self.playing = True
        stack.push(screen("play", self.level, part=True) if ctx.options.headless
                   else screen("intro", self.level, part=True))

    def _turn_done(self, ctx: GameContext) -> None:
        self.playing = False
        results = ctx.current_session.results if ctx.current_session else []
        last = results[-1] if results else None
        self.scores.append(Score(self.names[self.turn], last.mean_score if last else None,
                                 last.stars if last else 0))
        if len(self.scores) == len(self.names):
            self.stage = "scores"

    def _stop_turns(self, ctx: GameContext, stack: SceneStack) -> None:
        """Leave the remaining turns out and go to the scores of those who played."""
        if not self.scores:
            _leave(ctx, stack)
            return
        self.names = self.names[:len(self.scores)]
        self._to_stage(ctx, "scores")

    # --- the scoreboard ------------------------------------------------------------------
    def _build_scores(self, ctx: GameContext) -> list[MenuItem]:
        ctx.end_session()
        self.title = _("Scoreboard")
        self.subtitle = _(self.level.title)
        return [MenuItem(_("Play again"), self._again), MenuItem(_("Finish"), _leave)]

    def _again(self, ctx: GameContext, stack: SceneStack) -> None:
        self.turn, self.scores, self.first_session = -1, [], None
        self._to_stage(ctx, "turns")

    def extra_height(self, ctx: GameContext, size: tuple[int, int]) -> int:
        if self.stage != "scores":
            return 0
        return len(self.scores) * int(ctx.theme.font("body", bold=True).get_linesize() * 1.3)

    def draw_extra(self, ctx: GameContext, surface: pygame.Surface, area: pygame.Rect) -> None:
        """One row per player, best first: place, name, score and stars."""
        import pygame

        theme = ctx.theme
        rows = scoreboard(self.scores)
        row_h = area.height // max(1, len(rows))
        for place, score in enumerate(rows, start=1):
            box = pygame.Rect(area.left, area.top + (place - 1) * row_h, area.width,
                              row_h - theme.px(0.008))
            pygame.draw.rect(surface, ACCENT if place == 1 else PANEL, box,
                             border_radius=theme.px(0.01))
            if score.mean_score is None:
                text = _("{place}. {name}: turn not finished").format(place=place,
                                                                     name=score.player)
            else:
                text = _("{place}. {name}: {points} points, {stars} of 3 stars").format(
                    place=place, name=score.player, points=f"{score.mean_score:.0f}",
                    stars=score.stars)
            room = box.width - theme.px(0.02)
            font = fitting_font(theme, text, room, "body", bold=True)
            if font.size(text)[0] > room:  # the name alone, then, where the line is too long
                text = f"{place}. {score.player}"
                font = fitting_font(theme, text, room, "body", bold=True)
            if font.size(text)[0] <= room and font.get_linesize() <= box.height:
                blit_text(surface, theme, text, font, PANEL if place == 1 else TEXT,
                          center=box.center)


def _leave(ctx: GameContext, stack: SceneStack) -> None:
    ctx.end_session()
    stack.clear_to(screen("farewell", _("See you next time!"), _("Your training is saved.")))
