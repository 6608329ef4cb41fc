"""Click's own usage errors in the run's language.

Click words its errors through the process-wide gettext domain, which our catalogs (read with
Babel) do not feed, so "No such option" would stay English in a German run. The common errors
are rebuilt here from the exception's fields in our catalog's words; a rarer one keeps click's
English. Option names, commands and values are shown as typed: they are what people type.
"""

from __future__ import annotations

import re

import click

from balance_game.i18n import _, ngettext

_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)$")
_NEEDS_VALUE = re.compile(r"Option (?P<name>'.*') requires (?:an argument|(?P<n>\d+) arguments)\.$")
_NO_COMMAND = re.compile(r"No such command (?P<name>'.*')\.$")  # click < 8.4
_NOT_A_CHOICE = re.compile(r"(?P<value>'.*') is not one of (?P<choices>.*)\.$", re.S)


def _suggestion(found: list[str] | None) -> str:
    if not found:
        return ""
    if len(found) == 1:
        return " " + _("Did you mean {possibility}?").format(possibility=found[0])
    return " " + _("(Possible options: {possibilities})").format(
        possibilities=", ".join(sorted(found)))


def _missing(exc: click.MissingParameter) -> str | None:
    if exc.param is None:
        return None
    name = exc.param.get_error_hint(exc.ctx)
    if isinstance(exc.param, click.Option):
        return _("Missing option {name}.").format(name=name)
    return _("Missing argument {name}.").format(name=name)


def _invalid(exc: click.BadParameter) -> str | None:
    if exc.param is None:
        return None
    problem = exc.message
    choice = _NOT_A_CHOICE.match(problem)
    if choice:
        problem = _("{value} is not one of {choices}.").format(**choice.groupdict())
    return _("Invalid value for {option}: {problem}").format(
        option=exc.param.get_error_hint(exc.ctx), problem=problem)


def _plain(message: str) -> str | None:
    extra = _EXTRA_ARGUMENTS.match(message)
    if extra:
        args = extra["args"]
        return ngettext("Got unexpected extra argument ({args})",
                        "Got unexpected extra arguments ({args})",
                        len(args.split())).format(args=args)
    command = _NO_COMMAND.match(message)
    if command:
        return _("No such command {name}.").format(name=command["name"])
    needs = _NEEDS_VALUE.match(message)
    if needs:
        count = int(needs["n"] or 1)
        return ngettext("Option {name} requires a value.", "Option {name} requires {n} values.",
                        count).format(name=needs["name"], n=count)
    return None


def usage_error_text(exc: click.UsageError) -> str:
    """The error's message in the active language, or click's own where it is not known here."""
    text: str | None = None
    if isinstance(exc, click.NoSuchOption):
        text = (_("No such option {name}.").format(name=repr(exc.option_name))
                + _suggestion(exc.possibilities))
    elif hasattr(exc, "command_name"):  # click >= 8.4 (NoSuchCommand)
        text = (_("No such command {name}.").format(name=repr(exc.command_name))
                + _suggestion(getattr(exc, "possibilities", None)))
    elif isinstance(exc, click.MissingParameter):
        text = _missing(exc)
    elif type(exc) is click.BadParameter:  # our own number types word theirs already
        text = _invalid(exc)
    elif not isinstance(exc, click.BadParameter):
        text = _plain(exc.message)
    return text if text is not None else exc.format_message()
