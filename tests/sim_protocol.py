"""Run a guided protocol (core/protocols.py) with the simulated player, no game loop, no window.

The protocol tells the player what to do (its goal), the player answers with samples, and the
protocol records them: the same exchange the game's assessment scene runs, at 100 Hz.
"""

from balance_game.core.control import ControlMap, Limits
from balance_game.core.protocols import ProtocolRun, Step
from balance_game.devices.simulated import SimulatedPlayer

DT = 0.01


def run_protocol(steps: list[Step], player: SimulatedPlayer, limits: Limits,
                 max_s: float = 600.0, run_class: type[ProtocolRun] = ProtocolRun) -> ProtocolRun:
    run = run_class(steps)
    control = ControlMap(limits)
    t = 0.0
    axes = control.axes(0.0, 0.0)
    while not run.finished and t < max_s:
        player.set_goal(run.goal())
        t = round(t + DT, 6)
        samples = [s for s in player.poll(t) if hasattr(s, "cop_x_mm")]
        if samples:
            axes = control.axes(samples[-1].cop_x_mm, samples[-1].cop_y_mm)
        run.update(t, DT, samples, axes, set())
    return run
