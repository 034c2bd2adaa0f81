"""Issues: taxonomies as data (:mod:`.taxonomy`) and detection, statement links and stances
(:mod:`.detect`)."""
