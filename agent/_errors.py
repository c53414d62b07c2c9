"""Errors the agent raises on purpose, each with the exit code the command line uses for it."""


class FactcheckError(Exception):
    """Base class: a problem the user can act on. `exit_code` is what `factcheck` exits with."""

    exit_code = 1


class InputError(FactcheckError):
    """An article or document that cannot be read: empty, binary, too large, malformed."""

    exit_code = 2


class StoreError(FactcheckError):
    """The corpus store is missing, locked, corrupt, or was built with another embedding model."""

    exit_code = 3


class BackendError(FactcheckError):
    """A model or server the agent depends on failed or could not be reached."""

    exit_code = 4


class RegressionError(FactcheckError):
    """An eval run scored worse than the last recorded run by more than the noise."""

    exit_code = 5
