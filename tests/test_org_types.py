from briefing.participants.org_types import name_type, noun_types


def test_kind_from_the_words_of_a_name():
    assert name_type("Acme Bank") == "company"
    assert name_type("The Daily Ledger") == "media"
    assert name_type("Harbor City Teachers Union") == "union"
    assert name_type("Ortiz campaign") == "campaign"
    assert name_type("Brightmart") is None


def test_kind_of_well_known_and_lexicon_bodies():
    assert name_type("the European Union") == "international"
    assert name_type("Department of Homeland Security") == "government"
    assert name_type("RNC") == "party"


def test_nouns_that_refer_back_to_a_kind():
    assert noun_types("newspaper") == {"media"}
    assert noun_types("Retailer") == {"company"}
    assert "legislature" in noun_types("panel") and "court" in noun_types("panel")
    assert noun_types("table") == frozenset()


def test_a_noun_ending_the_clause_before_a_name_gives_it_no_kind(pipeline):
    text = "Fair opens.\n\nThe pay cuts were illegal, according to the union. Harlow Mining said the cuts were needed."
    assert {p.name: p.org_type for p in pipeline.extract(text).participants} == {"Harlow Mining": None}


def test_a_noun_with_the_name_the_subject_of_a_clause_on_it_gives_it_no_kind(pipeline):
    text = ("Fair opens.\n\nFew hosts would sign up with a network Russia has funded for years, Ana Ruiz said. "
            "Russia denied it.")
    kinds = {p.name: p.org_type for p in pipeline.extract(text).participants}
    assert kinds["Russia"] == "government"
