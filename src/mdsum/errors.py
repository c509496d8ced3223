"""User-facing errors: each carries one line that the CLI and the demo print as is."""


class MdsumError(Exception):
    """A problem with the user's input, config or environment (not a bug in mdsum)."""


class InputError(MdsumError):
    """A path, file or cluster that cannot be read or summarised."""


class ConfigError(MdsumError):
    """A malformed or unknown configuration, summariser, model or judge."""


class ModelError(MdsumError):
    """Model weights that are missing, fail verification or cannot be loaded."""
