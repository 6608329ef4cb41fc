"""User-facing errors: the CLI prints them as one line on stderr and exits with status 2."""


class UserError(Exception):
    """Something the user can fix (a bad file, a missing permission, an unknown id).

    The message is the whole story: what is wrong and how to fix it, on one line.
    """

    exit_code = 2
