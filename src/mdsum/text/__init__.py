"""Text layer: scraped page -> clean article text, its sentences and what it says about itself."""

from mdsum.text.clean import clean_page
from mdsum.text.meta import PageMeta, extract_meta
from mdsum.text.split import split_sentences

__all__ = ["PageMeta", "clean_page", "extract_meta", "split_sentences"]
