"""Statements: quotations (:mod:`.quotes`), the cue lexicon (:mod:`.cues`), attribution frames
from the parse (:mod:`.frames`), speaker resolution (:mod:`.resolve`) and the rule-based
extractor that puts them together (:mod:`.rules`)."""
