"""``python -m putin_interviews``: the same command line as ``putin-interviews``."""

from ._cli import entry_point

if __name__ == "__main__":
    entry_point()
