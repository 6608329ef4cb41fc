"""The pain check at the start and the end of a session (0 = none, 10 = worst imaginable).

A treatment note wants it, and it is a safety gate: with strong pain before training the game
suggests resting today instead of playing.
"""

from __future__ import annotations

from balance_game.game.scenes import GameContext, SceneStack
from balance_game.game.screens.menu import MenuItem, MenuScene
from balance_game.game.screens.navigation import screen
from balance_game.storage.sessions import set_session_pain

STOP_AT = 7  # pain this strong before training: rest today and tell the therapist
WORDS = {0: "no pain", 2: "a little", 5: "moderate", 7: "strong", 10: "worst imaginable"}


class PainScene(MenuScene):
    back_item = False  # "Skip this question" is the way past it
    def __init__(self, when: str, then: str | None = None) -> None:
        super().__init__()
        self.when = when
        self.then = then  # the screen to go on to by name (default: choosing a game)
        if when == "before":
            self.title = "Any pain right now?"
            self.subtitle = "Stop at once if anything hurts while you train."
        else:
            self.title = "How is your pain now?"
            self.subtitle = "Thank you for training today."

    def build(self, ctx: GameContext) -> list[MenuItem]:
        items = [MenuItem(f"{value}", self._chooser(value), WORDS.get(value, ""))
                 for value in range(11)]
        return [*items, MenuItem("Skip this question", self._chooser(None))]

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
            stack.replace(screen("farewell", "See you next time!", "Your training is saved."))
        elif value is not None and value >= STOP_AT:
            ctx.end_session()
            stack.replace(screen("farewell", "Please rest today",
                                        "With this much pain, training can wait. "
                                        "Tell your therapist how you feel."))
        else:
            stack.replace(screen(self.then or "level_select"))
