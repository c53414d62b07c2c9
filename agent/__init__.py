"""Fact verification against your own reference documents.

    from agent import Verifier, Settings
    verifier = Verifier(Settings(home=".factcheck"))
    verifier.ingest(["seeds/corpus"])
    report = verifier.verify(open("seeds/000_55ee62cd197b6292.txt").read())
"""

from ._settings import Settings  # noqa: I001  (sets telemetry switches before other imports)
from ._errors import BackendError, FactcheckError, InputError, StoreError
from ._models import (
    ArticleReport,
    Citation,
    Claim,
    ClaimVerdict,
    Document,
    Label,
    NotChecked,
    SearchHit,
)
from ._retrieval import HybridRetriever, SearchFilter
from ._store import CorpusStore, IngestSummary
from ._verifier import Verifier

__all__ = [
    "ArticleReport",
    "BackendError",
    "Citation",
    "Claim",
    "ClaimVerdict",
    "CorpusStore",
    "Document",
    "FactcheckError",
    "HybridRetriever",
    "IngestSummary",
    "InputError",
    "Label",
    "NotChecked",
    "SearchFilter",
    "SearchHit",
    "Settings",
    "StoreError",
    "Verifier",
]
