"""Fact verification against your own reference documents."""
from ._settings import Settings  # noqa: I001  (sets telemetry switches before other imports)
from ._models import ArticleReport, ClaimVerdict, Label

__all__ = ["ArticleReport", "ClaimVerdict", "Label", "Settings"]
