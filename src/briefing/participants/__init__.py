"""Participants: names (:mod:`.names`), titles (:mod:`.titles`), countries (:mod:`.countries`)
and their gathering into participants (:mod:`.extract`)."""
