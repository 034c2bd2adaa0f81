"""Statements: quotations (:mod:`.quotes`), the cue lexicon (:mod:`.cues`), attribution frames
from the parse (:mod:`.frames`), speaker resolution (:mod:`.resolve`) and the rule-based
extractor that puts them together (:mod:`.rules`); the trained extractor's token features
(:mod:`.features`), CRF tagger (:mod:`.tagger`), linking into statements (:mod:`.linking`) and
training (:mod:`.train`)."""
