"""User-facing errors: the CLI prints them as one line on stderr and exits with status 2."""


class UserError(Exception):
    """Something the user can fix (a bad file, a missing permission, an unknown id).

    The message is the whole story: what is wrong and how to fix it, on one line.
    """

    exit_code = 2


class Stopped(KeyboardInterrupt):
    """A termination signal: SIGTERM (logout, shutdown) or SIGHUP (the terminal closed).

    Raised in the main thread like Ctrl-C's KeyboardInterrupt, so every ``finally`` that closes
    a session runs for these signals too.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
