"""Article metadata: headline, byline, dateline and tag line (:mod:`.layout`), dates
(:mod:`.dates`) and the reported event (:mod:`.event`)."""
