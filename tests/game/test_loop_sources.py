"""The loop hands device buttons to the top scene: a board's front button confirms in menus."""

import pygame

from balance_game.core.control import ControlMap, Limits
from balance_game.core.records import Sample
from balance_game.devices.gamepad import GamepadSource
from balance_game.devices.profiles import get_profile
from balance_game.game.loop import GameLoop
from balance_game.game.scenes import GameContext, GameOptions, Scene, SceneStack
from balance_game.render.sound import Sound
from balance_game.render.theme import Theme


class ButtonBoard:
    kind = "board"
    name = "board with a button"

    def __init__(self, press_at_steps):
        self.press_at = set(press_at_steps)
        self.polls = 0

    def start(self, origin):
        pass

    def poll(self, t_s):
        self.polls += 1
        return [Sample(t_s, 0.0, 0.0, (17.5, 17.5, 17.5, 17.5))]

    def take_actions(self):
        return ["confirm"] if self.polls in self.press_at else []

    def handle_event(self, event):
        pass

    def set_goal(self, goal):
        pass

    def close(self):
        pass


class Recorder(Scene):
    def __init__(self, stop_after):
        self.actions = []
        self.steps = 0
        self.stop_after = stop_after

    def handle_action(self, ctx, action, stack):
        self.actions.append((self.steps, action))

    def fixed_update(self, ctx, dt_s, stack):
        self.steps += 1
        if self.steps >= self.stop_after:
            stack.pop()


def _ctx(source):
    limits = Limits.theoretical(None)
    return GameContext(db=None, source=source, control=ControlMap(limits),
                       options=GameOptions(headless=True, fast=True), theme=Theme(720),
                       sound=Sound.silent())


def test_the_board_front_button_reaches_the_menu_as_confirm():
    ctx = _ctx(ButtonBoard({3, 10}))
    stack = SceneStack(ctx)
    scene = Recorder(stop_after=20)
    stack.push(scene)
    GameLoop(ctx, stack, None).run()
    assert scene.actions == [(2, "confirm"), (9, "confirm")]  # before that step's update


def test_gamepad_buttons_map_to_actions_through_the_context():
    class Pad:
        def get_guid(self):
            return "g"

        def get_instance_id(self):
            return 4

        def get_name(self):
            return "pad"

    source = GamepadSource(get_profile("gamepad-standard"), (100, 100, 100, 100),
                           open_joystick=lambda i: Pad())
    source.handle_event(pygame.event.Event(pygame.JOYDEVICEADDED, device_index=0))
    ctx = _ctx(source)
    press = pygame.event.Event(pygame.JOYBUTTONDOWN, button=0, instance_id=4)
    assert ctx.source_action(press) == "confirm"
