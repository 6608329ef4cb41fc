"""The pain check at the start and the end of a session (0 = none, 10 = worst imaginable).

A treatment note wants it, and it is a safety gate: with strong pain before training the game
suggests resting today instead of playing.
"""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.i18n import N_, _
from balance_game.storage.sessions import set_session_pain

STOP_AT = 7  # pain this strong before training: rest today and tell the therapist
WORDS = {0: N_("0: no pain"), 1: N_("1: very little"), 2: N_("2: a little"), 3: N_("3: mild"),
         4: N_("4: uncomfortable"), 5: N_("5: moderate"), 6: N_("6: distracting"),
         7: N_("7: strong"), 8: N_("8: very strong"), 9: N_("9: severe"),
         10: N_("10: worst imaginable")}


class PainScene(MenuScene):
    """The 0-10 scale laid out as a row: leaning sideways moves along it, standing still answers;
    "Skip" sits at its right end and every number's meaning is shown large below the row."""

    back_item = False  # "Skip" is the way past it
    layout = "horizontal"

    def __init__(self, when: str, then: str | None = None) -> None:
        super().__init__()
        self.when = when
        self.then = then  # the screen to go on to by name (default: the one the title chose)

    def build(self, ctx: GameContext) -> list[MenuItem]:
        if self.when == "before":
            self.title = _("Any pain right now?")
            self.subtitle = _("Stop at once if anything hurts while you train.")
        else:
            self.title = _("How is your pain now?")
            self.subtitle = _("Thank you for training today.")
        items = [MenuItem(str(value), self._chooser(value), _(WORDS[value])) for value in range(11)]
        return [*items, MenuItem(_("Skip"), self._chooser(None), _("Skip this question"))]

    def _chooser(self, value: int | None):
        def choose(ctx: GameContext, stack: SceneStack) -> None:
            session = ctx.current_session
            if session is not None:
                set_session_pain(ctx.db, session.recorder.session_id, self.when, value)
                session.recorder.add_event(ctx.t_s, "pain", self.when, {"value": value})
            self.after(ctx, stack, value)

        return choose

    def on_back(self, ctx: GameContext, stack: SceneStack) -> None:
        self.after(ctx, stack, None)

    def after(self, ctx: GameContext, stack: SceneStack, value: int | None) -> None:
        if self.when == "after":
            stack.replace(screen("farewell", _("See you next time!"), _("Your training is saved.")))
        elif value is not None and value >= STOP_AT:
            ctx.end_session()
            stack.replace(screen("farewell", _("Please rest today"),
                                 _("With this much pain, training can wait. "
                                   "Tell your therapist how you feel.")))
        else:
            stack.replace(screen(self.then or ctx.training_screen))
