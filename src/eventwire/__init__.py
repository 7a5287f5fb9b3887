"""eventwire: news articles in, source-attributed PLOVER event records out."""

from .pipeline import ArticleInput, extract, extract_many, load_pipeline
from .record import Article
from .settings import Settings

__version__ = "0.1.0"
__all__ = ["Article", "ArticleInput", "Settings", "extract", "extract_many", "load_pipeline", "__version__"]
