"""Speaker resolution (``briefing.statements.resolve`` and ``descriptions``): one example text of
our own per class of source."""


def resolved(pipeline, text):
    """The source, speaker and confidence of each statement of speech (attitudes, such as "want it
    gone", are left to tests/test_statements_attitudes.py)."""
    briefing = pipeline.extract(text)
    return briefing, [(s.source.text if s.source else None, briefing.participant(s.speaker), s.confidence)
                      for s in briefing.statements if s.attribution == "speech"]


def speakers(pipeline, text):
    return [(source, who.name if who else None) for source, who, _ in resolved(pipeline, text)[1]]


def test_a_pronoun_skips_the_subject_of_another_gender(pipeline):
    text = "Governor Ben Ortiz met Senator Ada Moreno on Monday. She said the talks had gone well."
    assert speakers(pipeline, text) == [("She", "Ada Moreno")]


def test_a_pronoun_keeps_to_the_subject_of_the_reporting_clause(pipeline):
    text = "Mayor Lena Park said Maria Costa had left the city. “We will manage,” she said."
    assert speakers(pipeline, text)[-1] == ("she", "Lena Park")


def test_a_relative_pronoun_means_the_last_of_a_list(pipeline):
    text = "The panel heard from Ann Cole, Bob Marsh and Carl Dunn, who said the rules were unfair."
    assert speakers(pipeline, text) == [("who", "Carl Dunn")]


def test_they_after_people_named_together_is_their_group(pipeline):
    text = "Senator Ada Moreno and Senator Ben Ortiz wrote to the governor. They said the plan cost too much."
    briefing, [(source, who, _)] = resolved(pipeline, text)
    assert source == "They" and who.kind == "group"
    assert sorted(briefing.participant(m).name for m in who.members) == ["Ada Moreno", "Ben Ortiz"]


def test_an_organisation_by_its_kind_from_its_name(pipeline):
    text = "Acme Bank raised its fees, the Daily Ledger reported on Friday. The bank said the fees were needed."
    briefing, found = resolved(pipeline, text)
    assert [(source, who.name) for source, who, _ in found] == [("the Daily Ledger", "Daily Ledger"), ("The bank", "Acme Bank")]
    assert {p.name: p.org_type for p in briefing.participants} == {"Daily Ledger": "media", "Acme Bank": "company"}


def test_an_organisation_by_the_kind_the_text_gives_it(pipeline):
    text = "Harlow & Finch, an Ohio-based retailer, cut its prices. The retailer said sales had been slow."
    briefing, found = resolved(pipeline, text)
    assert [(source, who.name, who.org_type) for source, who, _ in found] == [("The retailer", "Harlow & Finch", "company")]


def test_a_possessive_with_an_organisation_noun_is_the_owners_body(pipeline):
    text = "Governor Ben Ortiz is running again. His campaign said the polls were wrong."
    [(source, who, _)] = resolved(pipeline, text)[1]
    assert (source, who.name, who.kind, who.org_type) == ("His campaign", "Ortiz campaign", "organization", "campaign")


def test_a_role_is_the_person_whose_title_fits(pipeline):
    text = ("Judge Rosa Diaz ruled against the city on Tuesday, and Mayor Lena Park promised an appeal. "
            "The judge said the law was clear.")
    assert speakers(pipeline, text)[-1] == ("The judge", "Rosa Diaz")


def test_a_document_speaks_for_its_issuer_less_surely(pipeline):
    text = "The Fairwater Institute published a report on Monday. The report says wages fell last year."
    [(source, who, confidence)] = resolved(pipeline, text)[1]
    assert (source, who.name) == ("The report", "Fairwater Institute")
    assert confidence <= 0.5


def test_a_gendered_noun_is_the_nearest_person_of_that_gender(pipeline):
    text = "Tom Reyes introduced Maria Costa to the crowd. The woman said she was proud of the town."
    assert speakers(pipeline, text) == [("The woman", "Maria Costa")]


def test_a_counted_plural_is_the_group_of_the_people_named_together(pipeline):
    text = "Senator Ada Moreno and Senator Ben Ortiz toured the plant. Both senators said it should stay open."
    briefing, found = resolved(pipeline, text)
    [(source, who, _)] = found
    assert who.kind == "group" and sorted(briefing.participant(m).name for m in who.members) == ["Ada Moreno", "Ben Ortiz"]


def test_officials_of_a_body_named_before_are_that_body(pipeline):
    text = ("The Ortiz administration announced new tariffs on Monday. "
            "Administration officials said the tariffs would last a year.")
    assert speakers(pipeline, text)[-1] == ("Administration officials", "Ortiz administration")


def test_a_possessive_pronoun_with_words_is_their_owner(pipeline):
    text = "Mayor Lena Park spoke at the harbor on Monday. Her remarks said the port would grow."
    assert speakers(pipeline, text) == [("Her remarks", "Lena Park")]


def test_a_surname_is_the_person_named_first_and_a_courtesy_form_keeps_its_gender(pipeline):
    text = ("Senator Tom Ridley spoke in Dayton on Monday. Ridley said the bill would pass. His wife, Anna Ridley, "
            "a teacher, joined him on stage. Ridley said the vote was close. Mrs. Ridley said the schools needed help.")
    assert speakers(pipeline, text) == [
        ("Ridley", "Tom Ridley"), ("Ridley", "Tom Ridley"), ("Mrs. Ridley", "Anna Ridley")]


def test_another_subject_since_a_statement_ends_its_speakers_claim_on_he(pipeline):
    # Costa, a woman, cannot be "He", but as the subject since Reyes spoke she moves the topic on
    text = ('"It will take years," Mayor Tom Reyes said.\n\nBut Senator Ana Costa will face the same critics '
            "that Governor Paul Grant faced. He noted that the critics were loud.")
    assert speakers(pipeline, text)[-1] == ("He", "Paul Grant")


def test_a_subject_opening_a_paragraph_is_its_topic(pipeline):
    # the parser runs the quote's sentence on into the next paragraph and hangs "got" under "added"
    text = ("Fair opens.\n\nThe guests included Ann Bell and Carla Dunn, who joked, “I came for the food.”\n\n"
            "Ms. Bell got a loud cheer from the crowd when, at the end of her song “Home Again,” she added the "
            "words, “See you soon.”")
    assert speakers(pipeline, text)[-1] == ("she", "Ann Bell")


def test_who_after_a_place_means_the_people_there(pipeline):
    text = ("Fair opens.\n\nGovernor Ana Costa spoke on Monday. Her plan is likely to please nervous Democrats on "
            "Capitol Hill, who said it was overdue.")
    assert speakers(pipeline, text) == [("who", "Democrats")]


def test_they_after_people_named_together_inside_a_subject_is_their_group(pipeline):
    # a quote of three sentences between: the distance counts from where the quote opens
    text = ("Fair opens.\n\nCritics of the tax, like Senators Tom Ridley and Paul Grant, want it gone. They wrote to "
            'the governor on Friday.\n\n"The tax hurts farmers. It hurts towns too. It should end this year," '
            "they wrote.")
    briefing, [(source, who, _)] = resolved(pipeline, text)
    assert source == "they" and who.kind == "group"
    assert sorted(briefing.participant(m).name for m in who.members) == ["Paul Grant", "Tom Ridley"]


def test_a_pronoun_fronted_before_the_subject_means_the_subject(pipeline):
    text = "Fair opens.\n\nWhen he wrote his first book, Mr. Tom Ridley said that debt was a last resort."
    assert speakers(pipeline, text)[0] == ("he", "Tom Ridley")


def test_a_countrys_government_unnamed_before_is_the_country(pipeline):
    text = "Fair opens.\n\nThe bill is opposed by the Saudi government, which said it would harm trade."
    briefing, [(source, who, _)] = resolved(pipeline, text)
    assert (source, who.name, who.kind, who.org_type) == ("which", "Saudi Arabia", "organization", "government")


def test_the_campaign_is_the_campaign_of_the_candidate_named_last(pipeline):
    text = ("Fair opens.\n\nSenator Ana Costa and Governor Paul Grant are running for president. The Costa campaign "
            "held a rally on Friday.\n\nGrant plans to visit Ohio next week. The campaign says he will speak "
            "about jobs.")
    assert speakers(pipeline, text) == [("The campaign", "Grant campaign")]


def test_bare_police_is_one_police_body(pipeline):
    text = "Fair opens.\n\nA man was shot on Main Street on Tuesday, police said. Police say he had a knife."
    briefing, found = resolved(pipeline, text)
    assert [(source, who.name, who.org_type) for source, who, _ in found] == [
        ("police", "police", "police"), ("Police", "police", "police")]
    assert len({who.id for _, who, _ in found}) == 1


def test_bare_police_is_the_police_force_the_text_names(pipeline):
    text = "Fair opens.\n\nThe Dayton Police Department arrested two men. Police said they had stolen a car."
    assert speakers(pipeline, text) == [("Police", "Dayton Police Department")]


def test_a_document_speaks_for_the_body_any_word_of_its_name_names(pipeline):
    text = ("Fair opens.\n\nThe latest Reuters/Ipsos opinion poll came out on Friday, Reuters said. "
            "The poll says Ana Costa leads by five points.")
    assert speakers(pipeline, text)[-1] == ("The poll", "Reuters")


def _resolver(nlp, text, people):
    """A resolver over ``text`` whose participants are ``people`` (name, kind), each mentioned
    wherever its name is written."""
    import re

    from briefing.model import Participant, Span
    from briefing.nlp import register_extensions
    from briefing.statements.frames import QuoteIndex
    from briefing.statements.resolve import Resolver

    register_extensions()
    participants = [
        Participant(id=name.lower(), name=name, kind=kind,
                    mentions=tuple(Span.of(text, m.start(), m.end()) for m in re.finditer(re.escape(name), text)))
        for name, kind in people
    ]
    return Resolver(nlp(text), participants, QuoteIndex([]))


def test_they_may_mean_a_body_the_recogniser_took_for_a_person(nlp):
    text = ("The Harbor Police Department released its numbers on Monday. Truthola then ruled that the claim was "
            "true, but in their report they noted that the numbers were old.")
    resolver = _resolver(nlp, text, [("Harbor Police Department", "organization"), ("Truthola", "person")])
    at = text.index("they noted")
    assert resolver.resolve((at, at + 4), None)[0] == "truthola"


def test_a_given_name_is_no_body_for_they(nlp):
    text = ("The Harbor Police Department released its numbers on Monday. Melanie then said that the claim was "
            "true, but they noted that the numbers were old.")
    resolver = _resolver(nlp, text, [("Harbor Police Department", "organization"), ("Melanie", "person")])
    at = text.index("they noted")
    assert resolver.resolve((at, at + 4), None)[0] == "harbor police department"


def test_someone_introduced_before_a_quote_is_its_speaker(pipeline):
    text = ('Fair opens.\n\n"We will win," Mayor Tom Reyes said of the vote.\n\nWhile the race is close, it worries '
            'Paul Grant, president of the Ohio Farm Club.\n\n"No one is talking about farms. Nobody," he said.')
    assert speakers(pipeline, text)[-1] == ("he", "Paul Grant")


def test_a_chain_of_pronouns_keeps_its_referent_in_reach(pipeline):
    # Ridley is named five sentences back, Grant in the same one: the chain of "He" carries Ridley
    text = ("Fair opens.\n\nSenator Tom Ridley toured the plant on Monday. He walked the floor. He ate lunch there. "
            "He met the staff. He stayed an hour. When pressed by Paul Grant about jobs, his best response was to "
            "say he would keep the plant open.")
    assert speakers(pipeline, text) == [("his best response", "Tom Ridley")]


def test_it_after_a_document_speaks_for_its_issuer(pipeline):
    text = ("Fair opens.\n\nA new ad from Senator Ana Costa’s presidential campaign came out on Monday.\n\n"
            "The ad shows her rival at a rally. It also says that he missed three votes.")
    assert speakers(pipeline, text)[-1] == ("It", "Costa campaign")


def test_a_bare_plural_is_no_group_of_people_of_other_titles(pipeline):
    text = ("Fair opens.\n\nThe witnesses Ann Cole and Bob Marsh met the committee on Tuesday. "
            "Lawmakers said the meeting was too short.")
    briefing, found = resolved(pipeline, text)
    # not the witnesses: the statements stage gives the bare plural its own unnamed group (no members)
    assert [(source, who.name, who.members) for source, who, _ in found] == [("Lawmakers", "Lawmakers", ())]
    assert [p.name for p in briefing.participants if p.kind == "group"] == ["Lawmakers"]


def test_a_document_speaks_for_the_authors_a_clause_names(pipeline):
    text = ("Tax study out.\n\nThe authors of the report, which include the Harbor Policy Council and Citizens for "
            "Fair Wages, surveyed 300 firms. The report says the firms will appeal.")
    [(source, who, confidence)] = resolved(pipeline, text)[1]
    assert (source, who.name) == ("The report", "Harbor Policy Council")
    assert confidence <= 0.5


def test_the_researchers_speak_for_the_issuer_of_the_document_named_last(pipeline):
    text = ("Wages fall.\n\nThe Harbor Policy Council published a study on Monday. Most firms paid less than the "
            "minimum, the researchers said.")
    assert speakers(pipeline, text) == [("the researchers", "Harbor Policy Council")]


def test_a_poll_speaks_for_the_body_named_as_its_modifier(pipeline):
    text = ("Race tight.\n\nThe senators are tied, according to a new Daily Ledger-Channel Nine statewide poll.\n\n"
            "Among voters, 40 percent back Ana Costa. \"The race is close,\" the poll says.")
    assert speakers(pipeline, text)[-1] == ("the poll", "Daily Ledger-Channel Nine")


def test_a_ruling_speaks_for_the_court_named_before_though_it_said_nothing(pipeline):
    text = ("Court rules.\n\nA three-judge panel of the U.S. Court of Appeals for the Ninth Circuit overturned the "
            "law on Monday. The appeals court ruled that the law was void.\n\n\"The statute cannot stand,\" said "
            "the ruling.")
    [(source, who, _)] = resolved(pipeline, text)[1]
    assert source == "the ruling" and "Circuit" in who.name


def test_entities_in_a_span_are_the_spans_own(nlp):
    """``Resolver.entities_in`` reads the doc's entities once and answers as ``Span.ents``."""
    from briefing.statements.frames import QuoteIndex
    from briefing.statements.resolve import Resolver

    doc = nlp("Senator Ada Moreno of Ohio met Ben Ortiz, the mayor of Lyon, in Paris on Monday.")
    resolver = Resolver(doc, [], QuoteIndex([]))
    assert len(doc.ents) >= 3
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert resolver.entities_in(doc[start:end]) == list(doc[start:end].ents)


def test_a_possessive_organisation_before_a_title_and_name_is_not_the_speaker(pipeline):
    text = "Kestrel Motors' chief executive, Ines Varga, said the depot would close in May."
    assert speakers(pipeline, text) == [("Kestrel Motors' chief executive, Ines Varga,", "Ines Varga")]


def test_a_generic_title_word_does_not_hide_a_womans_given_name(pipeline):
    text = "Committee chairman Nora Vale met Tom Brandt on Friday. “The talks failed,” she said."
    assert speakers(pipeline, text)[-1] == ("she", "Nora Vale")
    text = "Nora Vale, the party chairman, met Tom Brandt on Friday. Vale left. “The talks failed,” he said."
    assert speakers(pipeline, text)[-1] == ("he", "Tom Brandt")


def test_a_source_that_is_no_name_adds_no_participant(pipeline):
    briefing, [(source, who, _)] = resolved(pipeline, "We met the team on Friday. “It spreads fast,” the Doctor said.")
    assert (source, who, briefing.participants) == ("the Doctor", None, ())


def test_the_state_is_the_state_named_just_before_not_a_secretary_of_state(pipeline):
    text = ("Fair opens.\n\nSecretary of State Jon Hale defended the rules. Critics cite the 2010 vote in Nevada, "
            "when the state said that many voters had moved away.")
    who = next(who for source, who, _ in resolved(pipeline, text)[1] if source == "the state")
    assert (who.name, who.kind, who.org_type) == ("Nevada", "organization", "government")
    assert who.affiliation == "United States"


def test_a_hyphenated_relation_has_the_gender_of_its_last_part(pipeline):
    text = ("Fair opens.\n\nDonald Roe and Ivana Roe filed papers on Monday. The nominee argued that the files were "
            "private.\n\nHis ex-wife agreed, saying she had a right to privacy.")
    assert ("His ex-wife", "Ivana Roe") in speakers(pipeline, text)


def test_an_organisation_of_the_kind_named_lately_goes_before_one_with_the_noun_named_long_ago(pipeline):
    text = ("Fair opens.\n\nThe Ohio Newspaper Association said on Monday that it would hold its meeting in Dayton. "
            + "The meeting was long. " * 14
            + "Senator Lena Park will run again, the Dayton Daily News reported on Sunday. "
            "The newspaper said she had raised $2 million.")
    assert speakers(pipeline, text)[-1] == ("The newspaper", "Dayton Daily News")


def test_the_report_named_long_ago_still_speaks_for_its_issuer(pipeline):
    text = ("Fair opens.\n\nThe Fairwater Institute published a report on Monday about wages in Ohio. "
            + "Wages have been flat for years. " * 14
            + "“Few firms raise pay without a union,” the report says.")
    assert speakers(pipeline, text)[-1] == ("the report", "Fairwater Institute")


def test_a_body_by_its_kind_and_a_word_of_its_name_is_that_body_however_long_ago(pipeline):
    text = ("Fair opens.\n\nThe Regional Budget Office said on Monday that the deficit would grow. "
            + "The deficit has grown for years. " * 14
            + "The Ohio Department of Revenue said on Friday that taxes were up. "
            "“Spending will rise again next year,” the budget office said.")
    assert speakers(pipeline, text)[-1] == ("the budget office", "Regional Budget Office")


def test_a_place_before_a_document_is_what_it_is_about_not_its_issuer(pipeline):
    text = ("Fair opens.\n\nThe new Nevada jobs report came out on Friday. "
            "“Hiring slowed in every county,” the report says.")
    assert speakers(pipeline, text)[-1] == ("the report", None)


def test_a_document_introduced_then_named_speaks_for_the_issuer_named_next(pipeline):
    text = ("Fair opens.\n\nA new poll shows that Senator Ana Costa leads the race for governor. "
            "The latest Ledger/Brand poll, released on Friday, puts her five points ahead.")
    briefing = pipeline.extract(text)
    found = [(s.source.text, briefing.participant(s.speaker)) for s in briefing.statements]
    assert [(source, who and who.name) for source, who in found] == [("A new poll", "Ledger/Brand")]


def test_the_data_are_those_of_the_body_that_spoke_just_before(pipeline):
    text = ("Fair opens.\n\nThe Ohio Bureau of Labor Statistics said that 4,000 jobs were lost in May. "
            "According to the data, most of them were in factories.")
    assert speakers(pipeline, text)[-1] == ("the data", "Ohio Bureau of Labor Statistics")


def test_the_country_is_the_country_participant_by_any_of_its_names(pipeline):
    text = ("Fair opens.\n\nThe United States signed the treaty in May. Few treaties last long in the U.S., but the "
            "country said it would keep this one.")
    briefing, found = resolved(pipeline, text)
    assert [(source, who.name) for source, who, _ in found] == [("the country", "United States")]
    assert [p.name for p in briefing.participants] == ["United States"]
