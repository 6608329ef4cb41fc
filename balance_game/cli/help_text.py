"""``--help`` in the language of the run: click's command and group classes, translated where
the help is written.

Help texts stay English in the code (option ``help=N_(...)``, command docstrings) and are
looked up when ``--help`` is printed, not when a module is imported: a command's module may have
been imported before the language was known (tests, the registry check), and the language can
be chosen after import (``--language`` is read when the arguments are parsed). Click's own
headings ("Usage:", "Options:", "Commands:") and the help option's line come from our catalog
too, and its usage errors are reworded in our catalog's words (``click_errors.py``). Names of
commands, options and choices are never translated: they are what people type.

Only click and ``balance_game.i18n`` are imported here, so ``--help`` stays cheap.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import click

from balance_game.i18n import N_, _, language_from_environment, set_language

HELP_OPTIONS = ("-h", "--help")


def language_in(args: Sequence[str]) -> str:
    """The ``--language X`` / ``--language=X`` given on the command line, else the computer's.

    Read before click parses anything, because click prints ``--help`` while it parses, before
    any command's code (which would choose the language) has run.
    """
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--language" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--language="):
            return arg.partition("=")[2]
    return language_from_environment()


def speak_for_help(args: Sequence[str]) -> None:
    """Choose the language before click parses ``args`` when they ask for help.

    Only then: reading a catalog costs a fifth of a second, which ``--version`` and every
    command (whose own code chooses the language) need not pay twice.
    """
    if any(arg in HELP_OPTIONS for arg in args):
        set_language(language_in(args))


def _help_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """The option's row with its help in the active language (click's "[default: …]" kept)."""
    record = param.get_help_record(ctx)
    if record is None or not param.help:
        return record
    names, text = record
    if text.startswith(param.help):
        text = _(param.help) + text[len(param.help):]
    default = _("default:")
    return names, text.replace("[default: ", f"[{default} ")


class Formatter(click.HelpFormatter):
    """Click's layout with our words for its headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        usage = _("Usage:")
        super().write_usage(prog, args, prefix if prefix is not None else f"{usage} ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield


class Context(click.Context):
    formatter_class = Formatter


class _TranslatedHelp(click.Command):
    """The help text, the short help and the option rows in the active language."""

    context_class = Context

    def _text(self) -> str | None:
        return None if self.help is None else _(inspect.cleandoc(self.help))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = self._text()
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text.partition("\f")[0])

    def get_short_help_str(self, limit: int = 45) -> str:
        text = self._text()
        if self.short_help or not text:
            return super().get_short_help_str(limit)
        return click.Command(self.name, help=text).get_short_help_str(limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = N_("Show this message and exit.")
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [row for param in self.get_params(ctx) if not isinstance(param, click.Argument)
                if (row := _help_record(param, ctx)) is not None]
        if rows:
            with formatter.section(N_("Options")):
                formatter.write_dl(rows)


class Command(_TranslatedHelp):
    """A command whose ``--help`` speaks the run's language."""


class Group(_TranslatedHelp, click.Group):
    """A group whose ``--help`` speaks the run's language, as do its commands and subgroups."""

    command_class = Command
    group_class = type

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)


def command(name: str | None = None, **attrs: object):
    """``click.command`` with translated help."""
    return click.command(name, cls=Command, **attrs)


def group(name: str | None = None, **attrs: object):
    """``click.group`` with translated help for the group and everything under it."""
    return click.group(name, cls=Group, **attrs)
