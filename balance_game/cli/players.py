"""`balance-game players`: list and add players, prescribe, show today's plan."""

from __future__ import annotations

import json
from pathlib import Path

import click

from balance_game.cli.help_text import group
from balance_game.cli.options import Number, WholeNumber, db_option, db_path, echo_safe
from balance_game.i18n import LANGUAGES, N_, _, ngettext
from balance_game.render.speech import Voice, voice_name
from balance_game.storage.db import Database
from balance_game.storage.players import (
    add_player,
    format_weight,
    get_caps,
    get_player,
    get_settings,
    list_players,
    set_birth_year,
    update_caps,
    update_settings,
)


@group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON list."))
@db_option
@click.pass_context
def players(ctx: click.Context, as_json: bool, db: str | None) -> None:
    """List players (or add one with `players add`)."""
    if ctx.invoked_subcommand is not None:
        return
    with Database(db_path(ctx, db)) as store:
        found = list_players(store)
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in found], indent=2))
        return
    if not found:
        click.echo(_("No players yet. Add one with: balance-game players add NAME"))
    with Database(db_path(ctx, db)) as store:
        units = {p.id: get_settings(store, p).units for p in found}
    for p in found:
        height = f"{p.height_cm:g} cm" if p.height_cm else _("height not set")
        weight = format_weight(p.weight_kg, units[p.id]) if p.weight_kg else _("weight not set")
        born = (_("born {year}").format(year=p.birth_year) if p.birth_year
                else _("birth year not set"))
        echo_safe(f"{p.name}  ({p.pseudonym}, {height}, {weight}, {born})")


@players.command("add")
@click.argument("name")
@click.option("--height-cm", type=Number(80, 250), default=None,
              help=N_("Body height (sets starting limits)."))
@click.option("--weight-kg", type=Number(20, 250), default=None,
              help=N_("Body weight (for step-off detection)."))
@click.option("--birth-year", type=WholeNumber(1000, 9999), default=None,
              help=N_("Year of birth (YYYY): chooses the age norms in reports."))
@db_option
@click.pass_context
def players_add(ctx: click.Context, name: str, height_cm: float | None, weight_kg: float | None,
                birth_year: int | None, db: str | None) -> None:
    """Add a player called NAME."""
    with Database(db_path(ctx, db)) as store:
        player = add_player(store, name, height_cm, weight_kg)
        if birth_year is not None:
            player = set_birth_year(store, player, birth_year)
    echo_safe(_("added {name} ({pseudonym})").format(name=player.name,
                                                     pseudonym=player.pseudonym))


@players.command("set")
@click.argument("name")
@click.option("--max-lean-pct", type=Number(20, 100),
              help=N_("Therapist cap: furthest lean asked, % of limits."))
@click.option("--max-difficulty", type=Number(0, 1), help=N_("Therapist cap: highest difficulty, 0 to 1."))
@click.option("--target-success", type=Number(0, 1),
              help=N_("Success rate the games aim for, 0.6 to 0.9."))
@click.option("--volume", type=Number(0, 1), help=N_("Sound effects volume, 0 to 1."))
@click.option("--music-volume", type=Number(0, 1),
              help=N_("Background music volume, 0 to 1 (0 = off)."))
@click.option("--calm/--no-calm", default=None,
              help=N_("Calm: no motion that is not part of the game (clouds, spray, confetti)."))
@click.option("--text-size", "text_scale", type=Number(0.75, 2),
              help=N_("Text size, 1 = normal (0.75 to 2)."))
@click.option("--units", type=click.Choice(["kg", "lb"]), help=N_("Units for body weight."))
@click.option("--orientation", type=click.Choice(["normal", "reversed"]),
              help=N_("reversed when the board's power button faces the player."))
@click.option("--speech/--no-speech", default=None, help=N_("Spoken instructions."))
@click.option("--language", type=click.Choice(["auto", *LANGUAGES]),
              help=N_("Language of the screens and the voice (auto: the computer's)."))
@click.option("--birth-year", type=int, default=None,
              help=N_("Year of birth (YYYY): chooses the age norms in reports."))
@db_option
@click.pass_context
def players_set(ctx: click.Context, name: str, db: str | None, birth_year: int | None,
                **values: object) -> None:
    """Change a player's therapist caps, personal settings and year of birth."""
    cap_names = ("max_lean_pct", "max_difficulty", "target_success")
    caps = {k: v for k, v in values.items() if k in cap_names and v is not None}
    settings = {k: v for k, v in values.items() if k not in cap_names and v is not None}
    if settings.get("language") == "auto":
        settings["language"] = ""
    with Database(db_path(ctx, db)) as store:
        player = get_player(store, name)
        if birth_year is not None:
            player = set_birth_year(store, player, birth_year)
        if caps:
            update_caps(store, player, **caps)
        if settings:
            update_settings(store, player, **settings)
        now_caps, now_settings = get_caps(store, player), get_settings(store, player)
    echo_safe(_("{name}: max lean {lean} %, max difficulty {difficulty}, target success "
                "{success}; volume {volume}, text size {text_size}, {units}, board {board}, "
                "{speech}, language {language}, music {music}, calm {calm}; born {born}").format(
        name=player.name, lean=f"{now_caps.max_lean_pct:g}",
        difficulty=f"{now_caps.max_difficulty:g}", success=f"{now_caps.target_success:g}",
        volume=f"{now_settings.volume:g}", text_size=f"{now_settings.text_scale:g}",
        units=now_settings.units, board=now_settings.orientation,
        speech=speech_state(now_settings.speech), language=now_settings.language or _("auto"),
        music=f"{now_settings.music_volume:g}", calm=_("on") if now_settings.calm else _("off"),
        born=player.birth_year if player.birth_year else _("year not set")))


def speech_state(wanted: bool) -> str:
    """Whether the player hears instructions, and why not when the computer has no voice."""
    if not wanted:
        return _("speech off")
    if Voice().available:
        return _("speech on")
    return _("speech unavailable on this computer (install {voice})").format(voice=_(voice_name()))


@players.command("prescribe")
@click.argument("name")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def players_prescribe(ctx: click.Context, name: str, file: Path, db: str | None) -> None:
    """Check the prescription FILE (YAML) and store it for the player NAME."""
    from balance_game.core.prescriptions import describe
    from balance_game.storage.prescriptions import prescribe

    with Database(db_path(ctx, db)) as store:
        prescription = prescribe(store, name, file)
    echo_safe(_("prescribed for {name}: {plan}").format(name=name.strip(), plan=describe(prescription)))


@players.command("plan")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help=N_("Print a JSON object."))
@db_option
@click.pass_context
def players_plan(ctx: click.Context, name: str, as_json: bool, db: str | None) -> None:
    """What NAME should play today, and what is already done."""
    from balance_game.storage.prescriptions import todays_plan

    with Database(db_path(ctx, db)) as store:
        plan = todays_plan(store, name)
    if as_json:
        click.echo(json.dumps(plan.to_dict(), indent=2))
        return
    source = _("prescribed") if plan.prescribed else _("no prescription yet; defaults")
    echo_safe(f"{plan.player}, {plan.day.isoformat()} ({source})")
    click.echo("  " + _("play: {levels}").format(
        levels=", ".join(plan.levels) or _("no level allowed")))
    today = _("today: {done} of {planned} min").format(done=f"{plan.minutes_today:.1f}",
                                                        planned=f"{plan.minutes_per_session:g}")
    left = (_("(done)") if plan.done_today else
            _("({left} min to go)").format(left=f"{plan.minutes_left_today:.1f}"))
    click.echo(f"  {today}  {left}")
    short = (" " + ngettext("({n} shorter than {minutes} min not counted)",
                            "({n} shorter than {minutes} min not counted)",
                            plan.short_sessions_this_week).format(
        n=plan.short_sessions_this_week, minutes=f"{plan.minutes_per_session:g}")
             if plan.short_sessions_this_week else "")
    week = ngettext("this week: {n} of {target} session{short}, {done} of {planned} min",
                    "this week: {n} of {target} sessions{short}, {done} of {planned} min",
                    plan.sessions_per_week).format(
        n=plan.sessions_this_week, target=plan.sessions_per_week, short=short,
        done=f"{plan.minutes_this_week:.1f}", planned=f"{plan.minutes_per_week:g}")
    click.echo("  " + week + ("  " + _("(met)") if plan.week_target_met else ""))
    if plan.tests_this_week:
        click.echo("  " + ngettext("clinical tests this week: {n} (counted apart)",
                                   "clinical tests this week: {n} (counted apart)",
                                   plan.tests_this_week).format(n=plan.tests_this_week))
    if plan.note:
        echo_safe("  " + _("note: {note}").format(note=plan.note))


COMMANDS = [players]
