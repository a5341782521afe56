"""Knowledge base models; one module per concern, re-exported here."""

from knowledge.models.base import KnowledgePage
from knowledge.models.book import BookPdf, ChapterBlock, InspirationBookPage
from knowledge.models.index import KnowledgeIndexPage
from knowledge.models.pages import (
    KNOWLEDGE_PAGE_TYPES,
    LessonPage,
    PilotCasePage,
    PolicyRecommendationPage,
    PracticeExamplePage,
)
from knowledge.models.selections import ClauseDownloadCount, SavedSelection
from knowledge.models.taxonomy import ClauseKind, ProcurementPhase, TenderClause, Theme

__all__ = [
    "KNOWLEDGE_PAGE_TYPES",
    "BookPdf",
    "ChapterBlock",
    "ClauseDownloadCount",
    "ClauseKind",
    "InspirationBookPage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "LessonPage",
    "PilotCasePage",
    "PolicyRecommendationPage",
    "PracticeExamplePage",
    "ProcurementPhase",
    "SavedSelection",
    "TenderClause",
    "Theme",
]
