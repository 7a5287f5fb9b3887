"""The quote stage on sentences written for these tests (people, papers and statements are invented)."""

from __future__ import annotations

from eventwire import extract


def _quotes(text):
    article = extract(text, published="2024-03-18")
    names = {a.id: a.name for a in article.actors}
    return article, [(q.content.text, names.get(q.speaker), q.cue.text if q.cue else None, q.direct) for q in article.quotes]


def test_a_quote_split_around_its_cue_is_one_direct_quote():
    _, quotes = _quotes('"The talks are over," Foreign Minister Lena Holt said on Tuesday, "and we will not return."')
    assert quotes == [('The talks are over," Foreign Minister Lena Holt said on Tuesday, "and we will not return.',
                       "Lena Holt", "said", True)]


def test_doubled_apostrophes_mark_a_direct_quote():
    _, quotes = _quotes("''We are ready to talk,'' Foreign Minister Lena Holt said.")
    assert quotes == [("We are ready to talk", "Lena Holt", "said", True)]


def test_belief_and_intention_are_attributed_to_who_holds_them():
    _, quotes = _quotes("Interior Minister Marek Sova believes that the drills will end soon. "
                        "He wants to extend the treaty.")
    assert quotes == [("the drills will end soon", "Marek Sova", "believes", False),
                      ("to extend the treaty", "Marek Sova", "wants", False)]


def test_a_source_in_the_middle_of_the_sentence():
    _, quotes = _quotes("Interior Minister Marek Sova visited the site. The new bridge, he said, will open in May.")
    assert quotes == [("The new bridge, he said, will open in May", "Marek Sova", "said", False)]


def test_the_newspaper_is_the_paper_named_before():
    article, quotes = _quotes("The Yomiuri Shimbun reported on Monday that Japan would send a minister to Beijing. "
                              "The newspaper said the visit would take place in April.")
    assert quotes[0] == ("Japan would send a minister to Beijing", "Yomiuri Shimbun", "reported", False)
    assert quotes[-1] == ("the visit would take place in April", "Yomiuri Shimbun", "said", False)


def test_a_chain_keeps_the_outer_source_and_names_the_inner_one():
    article, quotes = _quotes("The Financial Times, citing diplomatic sources, said Germany would impose sanctions on Russia.")
    assert quotes == [("Germany would impose sanctions on Russia", "Financial Times", "said", False)]
    assert article.quotes[0].cited.text == "diplomatic sources"
    sanction = next(e for e in article.events if e.type == "SANCTION")
    assert (sanction.attributed_to, sanction.quote) == (article.quotes[0].speaker, article.quotes[0].id)


def test_reported_content_holding_a_partial_quote_is_one_quote():
    _, quotes = _quotes('President Tom Reyes warned that the floods are "the worst in a century" for the region.')
    assert quotes == [('the floods are "the worst in a century" for the region', "Tom Reyes", "warned", False)]


def test_calls_and_demands_report_what_is_called_for():
    _, quotes = _quotes("Senator Ana Ruiz called for new sanctions against Iran. She urged Congress to act quickly.")
    assert quotes == [("new sanctions against Iran", "Ana Ruiz", "called", False),
                      ("Congress to act quickly", "Ana Ruiz", "urged", False)]


def test_a_claim_noun_with_its_clause():
    _, quotes = _quotes("Senator Ana Ruiz's claim that the vote was rigged angered the minister.")
    assert quotes == [("the vote was rigged", "Ana Ruiz", "claim", False)]


def test_what_is_reported_within_reported_content_rests_on_the_outer_source():
    article, quotes = _quotes("The Yomiuri Shimbun reported that Japan plans to send troops to the island.")
    assert quotes == [("Japan plans to send troops to the island", "Yomiuri Shimbun", "reported", False)]
    troops = next(e for e in article.events if e.type == "MOBILIZE")
    assert troops.attributed_to == article.quotes[0].speaker


def test_a_headline_label_and_a_trailing_source():
    article, quotes = _quotes("Holt: Talks With Russia Are Over\n\nThe two countries will meet again in May, the Yomiuri reports.")
    assert (article.quotes[0].source.text, quotes[0][0], quotes[0][2]) == ("Holt", "Talks With Russia Are Over", ":")
    assert quotes[1] == ("The two countries will meet again in May", "Yomiuri Shimbun", "reports", False)


def test_events_inside_reported_speech_are_attributed():
    article, _ = _quotes("Foreign Minister Lena Holt said on Tuesday that Norway would send aid to Ukraine.")
    aid = next(e for e in article.events if e.type == "AID")
    holt = next(a for a in article.actors if a.name == "Lena Holt")
    assert (aid.attributed_to, aid.quote) == (holt.id, article.quotes[0].id)


def test_an_impression_without_a_source_and_a_plain_object_of_say():
    _, quotes = _quotes("The ceasefire seems to hold. Asked about the talks, Foreign Minister Lena Holt said no.")
    assert quotes == [("The ceasefire seems to hold", None, "seems", False), ("the talks", None, "Asked", False),
                      ("no", "Lena Holt", "said", False)]


def test_a_passive_cue_with_its_agent_and_a_poll_opening_a_sentence():
    _, quotes = _quotes("The meeting was first reported by the Financial Times. "
                        "In a survey released on Monday, most voters backed the plan.")
    assert quotes == [("The meeting", "Financial Times", "reported", False),
                      ("most voters backed the plan", None, "In", False)]


def test_a_quote_without_a_cue_goes_on_from_the_speaker_before():
    article, quotes = _quotes('Foreign Minister Lena Holt said the talks had failed.\n\n"We tried everything we could."')
    assert quotes == [("the talks had failed", "Lena Holt", "said", False),
                      ("We tried everything we could.", "Lena Holt", None, True)]


def test_a_surname_alone_and_a_pronoun_name_the_speaker():
    _, quotes = _quotes('Foreign Minister Lena Holt visited Oslo on Monday.\n\n"The situation is getting worse," Holt told '
                        'reporters. "We cannot wait."\n\nShe added that engineers could help repair bridges.')
    assert quotes == [('The situation is getting worse," Holt told reporters. "We cannot wait.', "Lena Holt", "told", True),
                      ("engineers could help repair bridges", "Lena Holt", "added", False)]


def test_a_noun_of_judging_or_intending_with_its_object():
    _, quotes = _quotes("Senator Ana Ruiz's support for the ban surprised the minister. Her decision to run came later.")
    assert quotes == [("the ban", "Ana Ruiz", "support", False), ("to run", "Ana Ruiz", "decision", False)]


def test_a_speaker_the_actor_stage_does_not_code_becomes_an_actor_so_events_are_attributed():
    from eventwire import extract

    article = extract("Republicans argue that Iran will attack Israel. The ministry said it would respond.", published="2024-05-03")
    republicans = next(a for a in article.actors if a.name == "Republicans")
    assert (republicans.kind, [m.text for m in republicans.mentions]) == ("group", ["Republicans"])
    assert [(e.type, e.attributed_to) for e in article.events] == [("ASSAULT", republicans.id)]
