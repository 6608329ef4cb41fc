"""`balance-game assess`: a guided clinical test (quiet stance, limits of stability, symmetry)."""

from __future__ import annotations

import json

import click

from balance_game.cli.help_text import command
from balance_game.cli.options import (
    ABILITY,
    SEED,
    Number,
    db_option,
    db_path,
    window_option,
    windowed,
)
from balance_game.i18n import N_, _

LEFT_BECAUSE = {
    "pause_too_long": N_("the test stayed paused for too long (nobody back on the board)"),
    "input_ended": N_("the input ended"),
}


@command()
@click.argument("kind", type=click.Choice(["quiet", "los", "symmetry", "steadi", "single-leg"]))
@click.option("--player", required=True, help=N_("Who is tested (created if new)."))
@click.option("--device", default="auto", show_default=True,
              help=N_("Input: auto, wbb, hid:PROFILE, gamepad, keyboard, mouse, sim or replay:FILE."))
@click.option("--seconds", type=Number(15, 120), default=30.0, show_default=True,
              help=N_("Length of each quiet-stance condition (the measures need at least 10 s "
                   "after the filter's edges)."))
@click.option("--seed", type=SEED, default=0, show_default=True)
@click.option("--ability", type=ABILITY, default=0.6, show_default=True,
              help=N_("Simulated player's ability (with --device sim)."))
@click.option("--sim-events", default="", metavar="EVENTS",
              help=N_('Scripted happenings for --device sim, e.g. "stepoff@20,return@24".'))
@click.option("--headless", is_flag=True, help=N_("No window (with --device sim it runs by itself)."))
@click.option("--fast", is_flag=True, help=N_("With --headless: as fast as possible."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the results as JSON."))
@window_option
@db_option
@click.pass_context
def assess(ctx: click.Context, kind: str, player: str, device: str, seconds: float, seed: int,
           ability: float, sim_events: str, headless: bool, fast: bool, as_json: bool,
           window: bool | None, db: str | None) -> None:
    """Run a test and save its results: quiet (modified CTSIB), los (limits of stability),
    symmetry, steadi (CDC STEADI 4-Stage Balance Test), single-leg (single-leg stance time).

    quiet: eyes open/closed on firm ground and on foam, each held still for --seconds, with
    sway measures per condition and Romberg quotients; los: leans in 8 directions with reaction
    time, velocity, excursions and directional control on the centre of gravity, in mm and %
    of the theoretical limits (the measured limits then scale every game); symmetry: weight
    borne left/right and front/back; steadi: feet side by side, instep to big toe, heel to toe,
    one foot, 10 s each, stopping at the first not held; single-leg: eyes open then closed,
    best of up to three tries, each stopped at touch-down or 30 s, with Springer et al. 2007
    age norms. steadi and single-leg need a balance board (or --device sim).
    """
    from balance_game.core.assessments import summarise
    from balance_game.core.stance_tests import KINDS as STANCE_KINDS
    from balance_game.core.stance_tests import summarise as summarise_stance
    from balance_game.demo import demo_backend
    from balance_game.devices.simulated import parse_sim_events
    from balance_game.game.runner import RunRequest, run_game
    from balance_game.game.scenes import GameOptions
    from balance_game.storage.assessments import list_assessments
    from balance_game.storage.db import Database
    from balance_game.storage.players import get_player

    if fast and not headless:
        raise click.UsageError(_("--fast needs --headless"))
    options = GameOptions(headless=headless, fast=fast, seed=seed, device=device,
                          assessment=kind, assess_seconds=seconds)
    path = db_path(ctx, db)
    summary = run_game(RunRequest(db_path=path, options=options, player=player, ability=ability,
                                  windowed=windowed(window),
                                  sim_events=parse_sim_events(sim_events),
                                  hid_backend=demo_backend()))
    stored_kind = kind.replace("-", "_")
    with Database(path) as store:
        done = list_assessments(store, get_player(store, player).id, stored_kind)
    if not done:
        reason = LEFT_BECAUSE.get(summary.end_reason or "", N_("the test was left"))
        raise click.ClickException(_("{reason} before the end; nothing was saved").format(
            reason=_(reason)))
    results = done[-1]["results"]
    if as_json:
        click.echo(json.dumps(results, indent=2))
    elif results.get("valid", True) is not False:
        for line in (summarise_stance if kind in STANCE_KINDS else summarise)(kind, results):
            click.echo(_(line))
    if results.get("valid") is False:  # saved, for the record, but the test failed
        raise click.ClickException(_("the {kind} test is not valid: {reason}").format(
            kind=kind, reason=_(str(results.get("reason")))))




@command()
@click.option("--player", required=True, help=N_("Who is calibrated (created if new)."))
@click.option("--device", default="auto", show_default=True,
              help=N_("Input: auto, wbb, hid:PROFILE, gamepad, keyboard, mouse, sim or replay:FILE."))
@click.option("--seed", type=SEED, default=0, show_default=True)
@click.option("--ability", type=ABILITY, default=0.6, show_default=True,
              help=N_("Simulated player's ability (with --device sim)."))
@click.option("--headless", is_flag=True, help=N_("No window (with --device sim it runs by itself)."))
@click.option("--fast", is_flag=True, help=N_("With --headless: as fast as possible."))
@click.option("--json", "as_json", is_flag=True, help=N_("Print the results as JSON."))
@window_option
@db_option
@click.pass_context
def calibrate(ctx: click.Context, player: str, device: str, seed: int, ability: float,
              headless: bool, fast: bool, as_json: bool, window: bool | None,
              db: str | None) -> None:
    """Calibrate a player on this board: zero it, weigh, neutral stance, orientation, then LOS.

    The measured neutral point and limits of stability then scale every game for this player.
    """
    from balance_game.demo import demo_backend
    from balance_game.game.runner import RunRequest, run_game
    from balance_game.game.scenes import GameOptions
    from balance_game.storage.assessments import get_calibration
    from balance_game.storage.db import Database
    from balance_game.storage.players import format_weight, get_player, get_settings

    if fast and not headless:
        raise click.UsageError(_("--fast needs --headless"))
    options = GameOptions(headless=headless, fast=fast, seed=seed, device=device,
                          assessment="calibrate")
    path = db_path(ctx, db)
    run_game(RunRequest(db_path=path, options=options, player=player, ability=ability,
                        windowed=windowed(window), hid_backend=demo_backend()))
    with Database(path) as store:
        person = get_player(store, player)
        found = get_calibration(store, person.id)
        units = get_settings(store, person).units
    if found is None:
        raise click.ClickException(_("calibration was left before the end; nothing was saved"))
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps(asdict(found), indent=2))
        return
    limits = found.limits or {}
    click.echo(_("{player}: neutral ({x}, {y}) mm, board {board}, weight {weight}").format(
        player=player, x=f"{found.neutral_x_mm:+.1f}", y=f"{found.neutral_y_mm:+.1f}",
        board=found.orientation, weight=format_weight(found.body_weight_kg, units)))
    if limits:
        click.echo(_("limits of stability: {limits}").format(limits=", ".join(
            f"{k.removesuffix('_mm')} {v:g} mm" for k, v in limits.items())))
    else:
        click.echo(_("limits of stability not measured: the games use limits from your height"))


COMMANDS = [assess, calibrate]
