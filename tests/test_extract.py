"""The stages on an article written for these tests, and on the sample articles."""

import json

from eventwire import ArticleInput, Settings, extract, extract_many
from eventwire.events import mutual
from eventwire.record import validate

from conftest import EXAMPLES


def actor(article, name):
    return next(a for a in article.actors if a.name == name)


def test_titled_people_get_country_sector_and_role(summit):
    kishida = actor(summit, "Fumio Kishida")
    assert (kishida.kind, kishida.code, kishida.role) == ("person", "JPNGOV", "prime minister")
    assert actor(summit, "Joe Biden").code == "USAGOV"
    assert actor(summit, "Kenji Amano").role == "government spokesman"


def test_mentions_include_surname_and_pronoun(summit):
    assert [m.text for m in actor(summit, "Fumio Kishida").mentions] == ["Japanese Prime Minister Fumio Kishida", "Kishida", "He"]


def test_capital_as_subject_is_the_government_and_not_a_place(summit):
    tokyo = next(a for a in summit.actors if any(m.text == "Tokyo" for m in a.mentions))
    assert (tokyo.kind, tokyo.code) == ("organization", "JPNGOV")
    assert all(p.name != "Tokyo" for p in summit.places)


def test_media_actor(summit):
    yomiuri = actor(summit, "Yomiuri Shimbun")
    assert (yomiuri.kind, yomiuri.code) == ("media", "JPNMED")


def test_places_are_geocoded_offline(summit):
    washington = next(p for p in summit.places if p.name == "Washington")
    assert (washington.country, washington.kind, washington.geonames_id) == ("USA", "city", 4140963)
    assert round(washington.lat) == 39 and round(washington.lon) == -77
    japan = next(p for p in summit.places if p.name == "Japan")
    assert japan.kind == "country"


def test_times_are_normalized_against_publication(summit):
    assert [(t.text, t.value) for t in summit.times] == [("April 10", "2024-04-10"), ("2027", "2027"), ("Monday", "2024-03-18")]


def test_figures_have_value_unit_and_subject(summit):
    figures = {f.text: (f.value, f.unit, f.about) for f in summit.figures}
    assert figures["54,000"] == (54000.0, "troops", "US troops")
    assert figures["2%"] == (2.0, "%", "GDP")


def test_quotes_direct_and_reported_with_resolved_speakers(summit):
    by_content = {q.content.text: q for q in summit.quotes}
    direct = by_content["We will deepen our alliance"]
    assert direct.direct and direct.speaker == actor(summit, "Fumio Kishida").id and direct.cue.text == "said"
    added = by_content["Japan would raise defence spending to 2% of GDP by 2027"]
    assert not added.direct and added.source.text == "He" and added.speaker == actor(summit, "Fumio Kishida").id


def test_planned_meeting_is_a_future_consult_attributed_to_the_paper(summit):
    meet = next(e for e in summit.events if e.trigger.text == "meet")
    assert (meet.type, meet.plover_type, meet.modality) == ("CONSULT", "AGREE", "future")
    assert meet.source == [actor(summit, "Fumio Kishida").id] and meet.target == [actor(summit, "Joe Biden").id]
    assert (meet.date, meet.date_imputed) == ("2024-04-10", False)
    assert next(p for p in summit.places if p.id == meet.place).name == "Washington"
    assert meet.attributed_to == actor(summit, "Yomiuri Shimbun").id and meet.quote is not None
    assert (meet.cameo, meet.score) == ("040", 2.5)


def test_a_figure_alone_is_not_an_event(summit):
    assert not [e for e in summit.events if "54,000" in e.sentence.text]


def test_undated_event_is_imputed_from_publication():
    article = extract("Germany and France condemned the attack.", published="2024-05-02")
    event = next(e for e in article.events if e.type == "ACCUSE")
    assert (event.date, event.date_imputed, event.modality) == ("2024-05-02", True, "asserted")
    assert len(event.source) == 2


def test_negated_and_hypothetical_modality():
    negated = extract("Russia did not attack Ukraine on Friday.", published="2024-05-03").events[0]
    assert negated.modality == "negated"
    maybe = extract("India may hold talks with Pakistan next month.", published="2024-05-03").events[0]
    assert (maybe.modality, maybe.date) == ("hypothetical", "2024-06")


def test_non_english_text_gets_a_warning_and_no_events():
    article = extract("Le président français a rencontré le chancelier allemand à Berlin mardi pour discuter de la défense européenne.")
    assert article.language == "fr"
    assert article.events == [] and article.actors == []
    assert any("not English" in w for w in article.warnings)


def test_every_sample_article_validates_and_has_no_stage_failure():
    items = [ArticleInput(o["text"], o["title"], o["url"], o["source"], o["published"])
             for o in map(json.loads, (EXAMPLES / "wire.jsonl").read_text().splitlines())]
    articles = list(extract_many(items, Settings()))
    assert len(articles) == len(items)
    for article in articles:
        validate(article.to_dict())
        assert not [w for w in article.warnings if "stage failed" in w]
        assert article.actors and article.times and article.events


def test_two_workers_give_the_same_records_as_one():
    items = [ArticleInput(o["text"], published=o["published"]) for o in map(json.loads, (EXAMPLES / "wire.jsonl").read_text().splitlines()[:4])]
    one = [a.to_dict() for a in extract_many(items, Settings(), workers=1)]
    two = [a.to_dict() for a in extract_many(items, Settings(), workers=2)]
    assert one == two


def test_events_take_the_date_of_their_paragraph_but_plans_do_not(nlp):
    text = ("On March 3, Chadian troops attacked a border post. They also attacked a depot.\n\n"
            "Chad will meet Niger to discuss the border.")
    events = extract(text, published="2024-03-18").events
    assert [(e.type, e.date, e.date_imputed) for e in events] == [
        ("ASSAULT", "2024-03-03", False), ("ASSAULT", "2024-03-03", False),
        ("CONSULT", "2024-03-18", True)]  # "meet to discuss": one meeting
    niger = next(a for a in extract(text, published="2024-03-18").actors if a.name == "Niger")
    assert events[2].target == [niger.id]  # the model tags "Niger" a work of art; the names stage fixes it


def test_the_nearest_date_wins_over_a_dateline_and_reported_would_is_a_plan(nlp):
    text = ("KYIV, March 14 (Test Wire) - Ukrainian and Polish officials met in Warsaw on Wednesday.\n\n"
            "The minister said Ukraine and Poland would meet again next week.")
    events = extract(text, published="2024-03-14").events
    assert [(e.trigger.text, e.date, e.modality) for e in events] == [
        ("met", "2024-03-13", "asserted"), ("meet", "2024-W12", "future")]


def test_a_quote_going_on_after_its_attribution_is_one_statement(nlp):
    article = extract('"We will not back down," Defence Minister Anna Berg said on Monday. "Our forces are ready."',
                      published="2024-03-18")
    berg = next(a for a in article.actors if a.name == "Anna Berg")
    assert [(q.content.text, q.speaker, q.cue.text) for q in article.quotes] == [
        ('We will not back down," Defence Minister Anna Berg said on Monday. "Our forces are ready.', berg.id, "said")]


def _events(text, published="2024-03-18"):
    article = extract(text, published=published)
    names = {a.id: a.code or a.name for a in article.actors}
    places = {p.id: p.name for p in article.places}
    return [(e.type, [names[i] for i in e.source], [names[i] for i in e.target], e.date, places.get(e.place), e.modality)
            for e in article.events]  # fmt: skip


def test_a_visit_and_the_summit_it_is_for_are_one_event(nlp):
    text = "Japanese Prime Minister Fumio Kishida will travel to Washington next month for a summit with US President Joe Biden."
    assert _events(text) == [("CONSULT", ["JPNGOV"], ["USAGOV"], "2024-04", "Washington", "future")]


def test_what_is_requested_or_refused_is_not_a_second_event(nlp):
    assert _events("France urged Germany on Monday to raise its defence spending.") == [
        ("REQUEST", ["FRA"], ["DEU"], "2024-03-18", None, "asserted")]  # fmt: skip
    assert [e[0] for e in _events("Japan refused to lift the ban on Chinese seafood.")] == ["REJECT"]
    # no refusal at all
    assert _events("Japan's chief cabinet secretary declined to comment on the visit. Japan's exports declined.") == []


def test_place_and_date_come_from_the_events_own_clause(nlp):
    found = _events("Japan did not send troops to the drills, but it may join US forces in Japan next year.")
    assert found[0] == ("MOBILIZE", ["JPN"], [], "2024-03-18", None, "negated")  # neither "next year" nor "in Japan"


def test_a_target_is_not_taken_from_a_clause_inside_the_object(nlp):
    found = _events("South Korea and Japan signed an agreement to share real-time data on North Korean missile launches.")
    assert found == [("SUPPORT", ["KOR", "JPN"], [], "2024-03-18", None, "asserted")]


def test_a_speaker_saying_another_must_act_makes_a_demand(nlp):
    assert _events("Russia said on Tuesday that Sudan must stop the attacks on the border.") == [
        ("REQUEST", ["RUS"], ["SDN"], "2024-03-12", None, "asserted")]  # fmt: skip
    # a speaker's own obligation is no demand
    assert [e[0] for e in _events("Japan said it must raise defence spending.")] == ["MOBILIZE"]


def test_the_leaders_named_before_are_both_participants(nlp):
    text = ("Japanese Prime Minister Fumio Kishida met US President Joe Biden on Monday. "
            "The leaders signed an agreement on joint missile production.")  # fmt: skip
    assert _events(text)[1][:3] == ("SUPPORT", ["JPNGOV", "USAGOV"], [])
    article = extract(text + " The leaders of the opposition criticized the deal.", published="2024-03-18")
    kishida = actor(article, "Fumio Kishida")
    assert [m.text for m in kishida.mentions] == ["Japanese Prime Minister Fumio Kishida", "The leaders"]


def test_a_deployment_announced_by_a_minister(nlp):
    text = ("WARSAW, June 3 (Wire) - Germany will deploy a brigade of about 4,800 troops to Lithuania by 2027, "
            "Defence Minister Boris Pistorius announced on Monday.\n\n"
            "Tallinn summoned the Russian ambassador. Poland may also send troops next year, officials said. "
            "The United States denied reports that it planned to withdraw forces from Germany.")  # fmt: skip
    article = extract(text, published="2024-06-03")
    assert actor(article, "Boris Pistorius").code == "DEUGOV"  # the acting country, not the nearest place
    found = _events(text, published="2024-06-03")
    assert found[0] == ("MOBILIZE", ["DEU"], [], "2027", "Lithuania", "future")  # not the dateline's day
    assert found[1][:3] == ("ACCUSE", ["ESTGOV"], ["RUSGOV"])
    # a denial dates nothing by "next year", and what it denies is negated
    assert [(e[0], e[3], e[5]) for e in found[3:]] == [("REJECT", "2024-06-03", "asserted"), ("RETREAT", "2024-06-03", "negated")]


def test_publications_crimes_rules_and_support_for_no_one_are_not_events(nlp):
    text = ("Colombia released an official notice on Monday. Cuba released four dissidents on Tuesday. "
            "The minister committed suicide. German law allows prosecution for war crimes. "
            "Brazil defended the policy. Brazil defended Venezuela.")  # fmt: skip
    assert [(e[0], e[1], e[2]) for e in _events(text)] == [("RETREAT", ["CUB"], []), ("SUPPORT", ["BRA"], ["VEN"])]


def test_a_visit_goes_to_the_country_it_is_in(nlp):
    assert _events("Japan criticised the United States. Japanese Prime Minister Fumio Kishida arrived in Washington on Monday.")[1][:3] == (
        "CONSULT", ["JPNGOV"], ["USA"])  # fmt: skip
    assert _events("Kishida arrived in Tokyo on Monday, Japan said.")[0][2] == []  # home, or a visitor of unknown country


def test_who_faces_or_receives_an_action_is_its_target(nlp):
    assert _events("Russia faced new sanctions from the European Union.") == [
        ("SANCTION", ["IGOEU"], ["RUS"], "2024-03-18", None, "asserted")]


def test_the_inherited_subject_of_a_passive_is_the_target(nlp):
    # "is said to have been": hearsay, so the killing is only possible
    assert _events("Abu Omar led the group. He is said to have been killed by American forces on Wednesday.") == [
        ("ASSAULT", ["USAMIL"], ["Abu Omar"], "2024-03-13", None, "hypothetical")]


def test_neither_nor_negates_the_event(nlp):
    assert [e[-1] for e in _events("Neither Japan nor China attended the summit.")] == ["negated"]


def test_a_military_rank_codes_the_person_as_military(nlp):
    article = extract("A blast killed Canadian Master Corporal Scott Vernelli on Friday.", published="2009-03-25")
    assert [(a.name, a.code) for a in article.actors] == [("Scott Vernelli", "CANMIL")]


def test_georgia_is_the_country_when_no_city_of_the_state_is_named(nlp):
    article = extract("Russian forces entered Georgia, days after Bush spoke in Washington.", published="2008-08-13")
    assert [a.code for a in article.actors if a.name.startswith("Georgia")] == ["GEO"]


def test_an_event_with_no_other_target_is_aimed_at_the_country_it_happens_in(nlp):
    text = "Russian forces entered Georgia on Friday and began to bomb targets in the country."
    assert [e[:3] for e in _events(text, published="2008-08-13")] == [("ASSAULT", ["RUSMIL"], ["GEO"])]
    # victims with no country named are of the country it happens in
    assert [e[:3] for e in _events("A suicide bombing in Iraq killed 40 people.")] == [("ASSAULT", [], ["IRQCVL"])]


def test_where_leaders_meet_is_no_party_to_the_meeting(nlp):
    assert [e[:3] for e in _events("The Japanese and Chinese foreign ministers met in Indonesia.")][0][2] == []


def test_a_postponed_or_cancelled_meeting_does_not_take_place(nlp):
    assert [(e[0], e[-1]) for e in _events("The summit between Japan and China was called off.")] == [("CONSULT", "negated")]


def test_whoever_acts_during_a_visit_is_the_visitor(nlp):
    found = _events("The Chinese foreign minister criticized Japan during a visit to Seoul.")
    assert [(e[0], e[1]) for e in found] == [("ACCUSE", ["CHNGOV"]), ("CONSULT", ["CHNGOV"])]


def test_an_official_of_an_international_body_takes_its_code(nlp):
    article = extract("Ban Ki-moon, secretary general of the United Nations, called for a ceasefire.", published="2008-06-30")
    assert actor(article, "Ban Ki-moon").code == "IGOUNO"


def test_pressing_ahead_is_no_pressure_and_talking_about_no_talks(nlp):
    # pressing ahead with the invasion carries it on: the invasion is Bush's, and it happens
    found = _events("President Bush pressed ahead with the invasion. Japan's premier spoke, talking about Korea.", published="2003-03-21")
    assert found == [("ASSAULT", ["USAGOV"], [], "2003-03-21", None, "asserted")]


def test_a_place_given_as_the_city_of_a_name_is_the_event_place(nlp):
    found = _events("Japan's prime minister arrived in the Chinese city of Shanghai on Monday.")
    assert [(e[0], e[4]) for e in found] == [("CONSULT", "Shanghai")]


def test_a_number_naming_a_resolution_is_no_year(nlp):
    assert extract("United Nations Resolution 1559 requires the withdrawal.", published="2008-06-30").times == []


def test_a_rally_someone_else_holds_is_not_the_subjects(nlp):
    # the rally "despite" which they withdraw took place, in Beirut, by Lebanon's people; the withdrawal is not there
    found = extract("Syria has begun to withdraw its troops from Lebanon despite a large rally in Beirut to support the Syrian presence.")
    codes = {a.id: a.code for a in found.actors}
    places = {p.id: p.name for p in found.places}
    assert [(e.type, [codes[a] for a in e.source], [codes[a] for a in e.target], places.get(e.place)) for e in found.events] == [
        ("RETREAT", ["SYR"], ["LBN"], None), ("PROTEST", ["LBNCVL"], [], "Beirut")]  # what the rally is for is no second event


def test_entering_waters_or_airspace_is_a_show_of_force(nlp):
    assert _events("Russian jets violated Estonian airspace on Monday.") == [
        ("MOBILIZE", ["RUSMIL"], ["EST"], "2024-03-18", None, "asserted")]


def test_a_crowd_is_of_the_country_it_marches_in(nlp):
    assert _events("Thousands of protesters marched in Tbilisi against the law.")[0][:2] == ("PROTEST", ["GEOCVL"])


def test_a_leaders_administration_is_a_government_not_the_person(nlp):
    article = extract("The Bush administration imposed sanctions on Iran.", published="2006-03-18")
    assert [(a.name, a.kind, a.sector, a.country) for a in article.actors][0] == ("Bush administration", "organization", "GOV", None)


def test_a_ministry_is_not_of_the_country_whose_envoy_it_summons(nlp):
    article = extract("Japan protested. The foreign ministry summoned the Chinese ambassador.", published="2024-03-18")
    assert actor(article, "foreign ministry").code == "JPNGOV"


def test_troops_engaged_in_fighting_fight_and_no_troops_means_no_fighting(nlp):
    assert _events("U.S. troops were engaged in fighting inside Somalia.")[0][:3] == ("ASSAULT", ["USAMIL"], ["SOM"])
    assert _events("No U.S. troops are engaged in fighting inside Somalia.")[0][-1] == "negated"


def test_a_navy_named_with_its_country_in_one_name_has_that_country(nlp):
    article = extract("The United States Navy shadowed a Russian warship.", published="2024-03-18")
    assert actor(article, "United States Navy").code == "USAMIL"


def test_one_person_discussing_a_topic_is_no_consultation(nlp):
    assert _events("Mr. Key discusses how and why he writes a blog.") == []


def test_coordinated_nationalities_each_act(nlp):
    assert _events("US and British forces struck Houthi targets.")[0][:3] == ("ASSAULT", ["GBRMIL", "USAMIL"], ["YEMREB"])
    assert _events("Senior Hungarian and Romanian officials agreed on Wednesday.")[0][1] == ["ROUGOV", "HUNGOV"]


def test_a_visit_to_a_capital_goes_to_its_country_even_when_no_one_names_it(nlp):
    article = extract("Japanese Prime Minister Fumio Kishida arrived in Washington on Monday.", published="2024-04-08")
    host = article.actors[-1]
    assert (host.name, host.code, host.mentions) == ("United States", "USA", [])
    assert [(e.source, e.target) for e in article.events] == [([article.actors[0].id], [host.id])]


def test_secretary_of_state_is_a_title_and_endangering_stability_is_no_threat(nlp):
    article = extract("US Secretary of State Antony Blinken said the deal could threaten regional stability.", published="2024-05-03")
    assert [(a.name, a.code) for a in article.actors] == [("Antony Blinken", "USAGOV")]
    assert article.events == []


def test_a_counterpart_holds_office_for_the_country_named_with_it(nlp):
    article = extract("The pact was signed by Japanese Defence Minister Minoru Kihara and his Philippine counterpart Gilberto Teodoro "
                      "in Manila.", published="2024-05-03")  # fmt: skip
    assert [(a.name, a.code) for a in article.actors] == [("Minoru Kihara", "JPNGOV"), ("Gilberto Teodoro", "PHLGOV")]


def test_joint_drills_are_cooperation_and_drills_near_a_rival_a_show_of_force(nlp):
    assert [e[:3] for e in _events("Russia and China launched joint drills on Monday.")] == [("COOPERATE", ["RUS", "CHN"], [])]
    assert [e[:3] for e in _events("China held military drills near Taiwan.")] == [("MOBILIZE", ["CHN"], ["TWN"])]


def test_parties_to_a_meeting_are_all_actors_and_a_meeting_is_mutual(nlp):
    # PLOVER: "all participants are coded in the actor field", one event; dyadic data expands it
    article = extract("Japan and China held talks in Beijing on Monday. Japan and China imposed sanctions.", published="2024-03-20")
    assert [(e.type, len(e.source), e.target) for e in article.events] == [("CONSULT", 2, []), ("SANCTION", 2, [])]
    assert [mutual(e) for e in article.events] == [True, False]  # talks are held with each other, sanctions on someone else


def test_a_phrase_of_several_countries_is_an_actor_of_each(nlp):
    assert _events("Lawmakers in France, Germany and Italy criticized the plan.")[0][:2] == ("ACCUSE", ["FRALEG", "DEULEG", "ITALEG"])
    assert _events("The foreign ministers of Japan and Australia met in Tokyo.")[0][:3] == ("CONSULT", ["JPNGOV", "AUSGOV"], [])
    assert _events("Chinese state media and officials criticized the visit.")[0][:2] == ("ACCUSE", ["CHNMED", "CHNGOV"])


def test_whoever_is_on_a_visit_is_the_sentences_subject(nlp):
    # the parser hangs "during a visit" from "expand"; the visitor is still the one who criticized
    assert _events("The Japanese prime minister criticized China's efforts to expand its navy during a visit to Manila.")[1][:3] == (
        "CONSULT", ["JPNGOV"], ["PHL"])


def test_an_event_during_or_after_another_takes_place_whatever_is_said_of_the_other(nlp):
    found = _events("Japan will not impose sanctions during the summit with China next week.")
    assert [(e[0], e[-1]) for e in found] == [("SANCTION", "negated"), ("CONSULT", "future")]


def test_an_event_told_in_the_present_is_not_dated_by_an_earlier_sentence(nlp):
    text = "In 1989, Canada appointed a senator. Japan says it supports the Canadian proposal."
    assert [(e.type, e.date, e.date_imputed) for e in extract(text, published="2006-12-14").events] == [("SUPPORT", "2006-12-14", True)]


def test_an_envoy_is_of_the_country_that_sends_them(nlp):
    text = "The kidnappers of Egypt's ambassador to Iraq, Ihab Al-Sherif, remain unknown. Mr. Al-Sherif arrived in Iraq on June 1."
    assert _events(text)[0][:3] == ("CONSULT", ["EGYGOV"], ["IRQ"])


def test_the_two_koreas_and_north_and_south_korea_are_both_countries(nlp):
    assert [e[:3] for e in _events("The two Koreas will hold talks next week.")] == [("CONSULT", ["KOR", "PRK"], [])]
    exchange = extract("North and South Korea exchanged fire on Monday.", published="2024-03-20").events
    assert [(e.type, len(e.source), e.target, mutual(e)) for e in exchange] == [("ASSAULT", 2, [], True)]  # both ways


def test_where_an_attack_happens_joins_no_victims_already_named(nlp):
    text = "At least eight UN peacekeepers have been killed in an ambush by militiamen in the Democratic Republic of Congo."
    assert [e[:3] for e in _events(text)] == [("ASSAULT", [], ["IGOUNO"])]


def test_meeting_an_obligation_is_no_meeting_and_a_subject_event_takes_its_predicates_date(nlp):
    assert _events("Russia did not meet its obligations under the treaty with Ukraine.") == []
    found = extract("Negotiations between Canada and the U.S. are expected to resume next week.", published="2005-08-10").events
    assert [(e.type, e.date, e.modality) for e in found] == [("CONSULT", "2005-W33", "hypothetical")]


def test_a_country_named_after_of_is_the_whole_name(nlp):
    text = "Bush will hold talks with the first minister of Northern Ireland in Belfast on Monday."
    assert _events(text)[0][2] == ["GBRGOV"]  # Northern Ireland is in the UK; Ireland is not


def test_who_a_demand_or_sanction_comes_from_and_whom_it_is_on(nlp):
    assert _events("The Security Council voted to impose sanctions related to weapons on North Korea.")[0][:3] == (
        "SANCTION", ["IGOUNO"], ["PRK"])
    assert _events("The warning was followed by calls from the EU for the Security Council to act.")[0][:3] == (
        "REQUEST", ["IGOEU"], ["IGOUNO"])
    assert [e[:3] for e in _events("The withdrawal from Iraq began on Monday.")] == [("RETREAT", [], ["IRQ"])]  # from where
    assert _events("Angola's President Dos Santos conceded to demands from UNITA.")[0][:3] == ("CONCEDE", ["AGOGOV"], ["AGOREB"])


def test_who_is_deployed_sends_and_peacekeepers_are_aid(nlp):
    assert [e[:3] for e in _events("US troops were deployed to Poland on Monday.")] == [("MOBILIZE", ["USAMIL"], [])]
    assert [e[:3] for e in _events("US troops arrived in Poland on Monday.")] == [("MOBILIZE", ["USAMIL"], [])]  # no visit
    assert [e[:3] for e in _events("The Australians will be deployed to Iraq.")] == [("MOBILIZE", ["AUSCVL"], [])]  # whoever is sent
    assert [e[:3] for e in _events("The withdrawal of Russian troops from Georgia began on Monday.")] == [("RETREAT", ["RUSMIL"], ["GEO"])]
    assert _events("The UN will send 3,000 more peacekeeping troops to Mali.")[0][:3] == ("AID", ["IGOUNO"], ["MLI"])  # CAMEO 074
    assert [e[:3] for e in _events("Thousands of Somalis protested against the deployment of African Union troops.")] == [
        ("PROTEST", ["SOMCVL"], ["IGOAFU"]), ("MOBILIZE", ["IGOAFU"], [])]  # a protest against a deployment is against who deploys


def test_a_scene_is_no_one_visited_and_a_city_that_sees_a_protest_does_not_protest(nlp):
    assert _events("Al Jazeera photojournalists then visited the scene and captured similar footage.") == []
    # the crowd marching protests, not the government the capital stands for
    assert [e[:2] for e in _events("Washington saw the largest demonstration with thousands of people marching.")] == [("PROTEST", ["USACVL"])]
    # the visit to Ukraine stands; the attack whose site was visited is not the visitor's
    assert [e[:3] for e in _events("Japanese Prime Minister Kishida visited the site of the attack in Ukraine.")] == [
        ("CONSULT", ["JPNGOV"], ["UKR"]), ("ASSAULT", [], ["UKR"])]  # fmt: skip


def test_what_people_talk_about_is_not_theirs_and_takes_place(nlp):
    text = "Officials from North Korea may meet with officials from the United States to talk about the sanctions against North Korea."
    assert [e[:3] + (e[-1],) for e in _events(text)] == [
        ("CONSULT", ["PRKGOV"], ["USAGOV"], "hypothetical"), ("SANCTION", [], ["PRK"], "asserted")]  # fmt: skip


def test_refusing_to_answer_a_demand_rejects_whoever_made_it(nlp):
    text = "Palestinian Prime Minister Ismail Haniyeh has refused to respond to a demand from the US President."
    assert [e[:3] for e in _events(text)] == [("REJECT", ["PSEGOV"], ["USAGOV"])]
    assert _events("The minister declined to respond to questions from reporters.") == []  # no comment, no refusal


def test_a_text_of_two_tokens_goes_through_every_stage(nlp):
    assert extract("* *", published="2024-03-18").warnings == []


def test_police_and_security_forces_named_alone_act_where_they_are(nlp):
    assert [e[:3] for e in _events("Police fired tear gas at protesters in Nairobi on Monday.")] == [("ASSAULT", ["KENCOP"], ["KENCVL"])]
    assert [e[:3] for e in _events("Security forces killed five people in Baghdad.")] == [("ASSAULT", ["IRQCOP"], ["IRQCVL"])]
    assert [e[:3] for e in _events("Vietnamese-led forces shelled the camps.")][0][1] == ["VNMMIL"]


def test_a_plural_pronoun_after_two_countries_stands_for_both_and_a_postponed_summit_is_planned(nlp):
    found = _events("Japan and China postponed their summit until next year.", published="2024-04-01")
    assert [(e[0], e[1], e[3], e[5]) for e in found] == [("CONSULT", ["JPN", "CHN"], "2025", "future")]
    assert [e[5] for e in _events("Japan cancelled its summit with China.")] == ["negated"]


def test_a_solo_exercise_or_missile_test_shows_force_and_a_joint_one_is_cooperation(nlp):
    text = "Last November, Iran conducted military exercises in which it launched missiles capable of striking Israel."
    assert [e[:3] for e in _events(text)] == [("MOBILIZE", ["IRN"], [])]
    assert [e[:3] for e in _events("Russia test-fired a new missile.")] == [("MOBILIZE", ["RUS"], [])]
    assert [e[:3] for e in _events("China held military drills with Russia.")] == [("COOPERATE", ["CHN"], ["RUS"])]


def test_a_danger_a_topic_or_an_ability_is_no_event(nlp):
    assert _events("Bush said a missile shield is necessary to counter an emerging nuclear threat from Iran.") == []
    assert _events("The cut is based on the ability of the Iraqis to defend themselves.") == []
    assert [e[:3] for e in _events("Bush discussed aid with Tanzanian President Jakaya Kikwete.")] == [("CONSULT", ["Bush"], ["TZAGOV"])]
    assert [e[:3] for e in _events("Iran repeated its threat to close the strait.")] == [("THREATEN", ["IRN"], [])]


def test_a_condition_or_what_is_advocated_is_hypothetical(nlp):
    found = _events("North Korea will not take part in talks until the United States releases the funds.")
    assert [(e[0], e[5]) for e in found] == [("CONSULT", "negated"), ("RETREAT", "hypothetical")]
    found = _events("US senators voiced support for sanctions against Iran.")
    assert [(e[0], e[2], e[5]) for e in found] == [("SANCTION", ["IRN"], "hypothetical")]


def test_a_time_next_to_another_event_noun_dates_that_one_and_a_date_carries_one_sentence(nlp):
    text = "Bush continued by praising Mr. Brown for his reaction to the attack last year."
    assert [(e[1], e[2], e[3]) for e in _events(text, published="2008-04-17")] == [(["USAGOV"], ["Brown"], "2008-04-17")]
    text = "On Monday, troops crossed the border. Villagers fled. Rebels seized the town of Goma."
    assert [e[3] for e in _events(text, published="2024-03-20")][-1] == "2024-03-20"  # two sentences on: not Monday
    text = "Australia withdrew from the court in March 2002. A spokesman for the Australian foreign ministry rejected the suggestion."
    assert [e[3] for e in _events(text, published="2005-11-11")] == ["2002-03", "2005-11-11"]  # background does not carry
    text = "Protesters criticized the US War on Terror policy and its invasion of Iraq in 2003."
    assert [e[3] for e in _events(text, published="2004-11-30")] == ["2004-11-30"]  # the invasion's year, not the criticism's
    assert [e[3] for e in _events("Bush met Putin at the summit in 2003.", published="2004-11-30")] == ["2003"]


def test_a_meeting_or_fighting_named_again_is_not_a_second_event(nlp):
    text = "Bush met Putin in Moscow on Monday. Afterwards Bush called the meeting long and meaningful."
    assert [e[:3] for e in _events(text)] == [("CONSULT", ["Bush"], ["RUSGOV"])]  # in 2024 Bush holds no office
    text = "Fighting broke out between Kenyan police and protesters in Kisumu. The fighting has been severe in western Kenya."
    assert [e[:3] for e in _events(text)] == [("ASSAULT", ["KENCOP", "KENCVL"], [])]


def test_a_walkout_is_a_protest_and_an_air_strike_an_attack(nlp):
    assert [e[:3] for e in _events("Workers began a strike in Paris.")] == [("PROTEST", ["FRALAB"], [])]
    assert [e[:3] for e in _events("Israeli air strikes hit Gaza.")][0][:2] == ("ASSAULT", ["ISR"])


def test_what_a_protest_is_against_is_its_target_and_another_event_lends_it_no_doer(nlp):
    assert [e[:3] for e in _events("Chinese protesters held anti-Japanese rallies in Beijing.")] == [("PROTEST", ["CHNCVL"], ["JPN"])]
    found = _events("Bush's visit in Pakistan is resulting in protests in Lahore.")
    assert [e[:3] for e in found if e[0] == "PROTEST"] == [("PROTEST", ["PAKCVL"], [])]  # the people of Lahore, in their country


def test_a_government_blocking_access_coerces_and_protesters_blocking_roads_protest(nlp):
    assert [e[:2] for e in _events("The Pakistani government has started blocking access to the blogging tool.")] == [("COERCE", ["PAKGOV"])]
    assert [e[:2] for e in _events("Protesters blocked roads in Kisumu.")] == [("PROTEST", ["KENCVL"])]


def test_the_g8_british_spellings_and_the_statement_its_issuer_made(nlp):
    found = _events("The G8 leaders issued a statement. The statement called for an end to violence.")
    assert [e[:2] for e in found] == [("REQUEST", ["IGOG8"])]
    assert [e[2] for e in _events("Bush met World Trade Organisation chief Pascal Lamy.")] == [["IGOWTO"]]
    article = extract("The leaders met over the weekend in St. Petersburg.", published="2006-07-17")
    assert [p.country for p in article.places] == ["RUS"]


def test_disputes_curfews_cordons_troop_cuts_and_arming_are_coded(nlp):
    text = "Kibaki was declared the winner. His opponent Raila Odinga disputes the result."
    assert [e[:2] for e in _events(text)] == [("REJECT", ["KENOPP"])]
    assert "REJECT" not in [e[0] for e in _events("Denmark accepted a formula for ending its fisheries dispute.")]
    text = "Police have been ordered to shoot looters and have imposed a curfew in Kisumu, Kenya's third largest city."
    assert ("COERCE", ["KENCOP"]) in [e[:2] for e in _events(text)]
    assert [e[:2] for e in _events("The slum has been sealed off by riot police in Nairobi.")] == [("COERCE", ["KENCOP"])]
    assert [e[:3] + (e[5],) for e in _events("Britain said it will reduce its troop level in Iraq.")] == [("RETREAT", ["GBR"], ["IRQ"], "future")]
    assert [e[0] for e in _events("Sudanese President Omar El Bashir shortened the curfew.")] == ["CONCEDE"]


def test_a_standing_alliance_silence_and_old_accusations_named_again_are_no_events(nlp):
    assert _events("Fukuda said the region is at peace thanks to the Japan-U.S. alliance.") == []
    assert [e[:2] for e in _events("Japan and the Philippines formed an alliance.")] == [("COOPERATE", ["JPN", "PHL"])]
    assert _events("The ministry has offered no comment on the decision to block the site.") == []
    text = "Petraeus accused Iran of arming militias. Iran called it a continuation of the past baseless accusations against Iran."
    assert [(e[0], e[-1]) for e in _events(text)] == [("ACCUSE", "asserted"), ("AID", "hypothetical")]  # arming is only alleged


def test_the_leaders_of_a_body_are_the_body_and_a_government_is_not_the_country_it_talks_to(nlp):
    assert [e[1] for e in _events("The leaders of the Group of Eight (G8) nations met in St. Petersburg.")] == [["IGOG8"]]
    assert [e[:3] for e in _events("The government said it would talk to Russia.")] == [("CONSULT", ["GOV"], ["RUS"])]


def test_an_event_named_inside_another_takes_not_its_date(nlp):
    text = "On Friday thousands of Somalis protested in Mogadishu against the planned deployment of African Union troops."
    dates = {e[0]: e[3] for e in _events(text, published="2005-02-13")}
    assert dates == {"PROTEST": "2005-02-11", "MOBILIZE": "2005-02-13"}


def test_a_warning_of_a_hostile_act_is_one_threat(nlp):
    found = _events("The ILO has warned Myanmar's military government that it may face sanctions.")
    assert [e[:3] + (e[5],) for e in found] == [("THREATEN", ["IGOUNOILO"], ["MMRGOV"], "asserted")]
    found = _events("Iran warned that it would attack US bases if the US struck.")
    assert [e[:3] for e in found] == [("THREATEN", ["IRN"], ["USA"])]  # the condition is no event
    assert [e[0] for e in _events("Analysts said Iran could attack US bases.")] == ["ASSAULT"]  # no one warns: a possibility


def test_a_heading_joined_by_spaces_is_no_actor_and_stray_spaces_inside_a_sentence_are_one(nlp):
    text = "Pakistan  On Sunday, two missile attacks killed 20 militants near the border."
    assert all("PAK" not in e[1] for e in _events(text))
    article = extract("Brazil  Hu Jintao, the President  of China  had lunch with the President  of Brazil.", published="2004-11-13")
    assert article.text == "Brazil  Hu Jintao, the President of China had lunch with the President of Brazil."
    codes = {a.id: a.code for a in article.actors}
    assert [(e.type, [codes[i] for i in e.source], [codes[i] for i in e.target]) for e in article.events] == [
        ("CONSULT", ["CHNGOV"], ["BRAGOV"])]  # fmt: skip


def test_second_pass_of_fresh_articles(nlp):
    assert [e[:2] for e in _events("Thousands of protestors demonstrated today in Baku.")] == [("PROTEST", ["AZECVL"])]
    assert [e[:3] for e in _events("Benazir Bhutto was the target of a bombing in Karachi.")] == [("ASSAULT", [], ["PAK"])]
    assert [e[:3] for e in _events("Saudi consumers started a boycott of dairy produce from Arla Foods.")] == [
        ("PROTEST", ["SAU"], ["Arla Foods"])]  # fmt: skip
    assert [e[:2] for e in _events("Iran held war games in the Gulf.")] == [("MOBILIZE", ["IRN"])]
    found = _events("Iran denies such allegations and accuses Washington of lying.")
    assert [(e[0], e[1], e[5]) for e in found] == [("REJECT", ["IRN"], "asserted"), ("ACCUSE", ["IRN"], "asserted")]


def test_well_known_office_holders_are_coded_by_the_date(nlp):
    text = "President Bush's visit to Israel was criticized."
    assert [e[:3] for e in _events(text, published="2008-01-10")] == [("CONSULT", ["USAGOV"], ["ISR"]), ("ACCUSE", [], ["USAGOV"])]
    assert [e[:3] for e in _events("Kofi Annan urged Israel to stop.", published="2006-07-20")] == [("REQUEST", ["IGOUNO"], ["ISR"])]
    assert [(a.name, a.code) for a in extract("Tony Blair spoke.", published="2015-01-01").actors] == [("Tony Blair", "GBR")]
    assert [a.code for a in extract("Kim said no.", published="2008-01-10").actors] == [None]  # many Kims held office


def test_a_run_of_spaces_further_into_a_line_is_a_left_link_not_a_heading(nlp):
    text = "Bush held talks with British  Prime Minister Gordon Brown in  London on Tuesday."
    article = extract(text, published="2008-04-17")
    assert article.text == "Bush held talks with British Prime Minister Gordon Brown in London on Tuesday."
    assert [e.date for e in article.events] == ["2008-04-15"]


def test_lifting_sanctions_concedes_words_are_no_arms_and_a_vow_to_attack_threatens(nlp):
    assert [e[:3] for e in _events("Serbia's neighbours saw the United States suspend all sanctions on Serbia.")] == [
        ("CONCEDE", ["USA"], ["SRB"])]  # fmt: skip
    assert [e[0] for e in _events("The row sparked vitriolic attacks on both sides by Ethiopia and Somalia.")] == ["ACCUSE"]
    assert _events("China launched a charm offensive in Africa.") == []
    assert [e[:3] for e in _events("Hamas vowed to attack Israel.")][0][0] == "THREATEN"
    assert [e[0] for e in _events("Japan vowed to boost aid to Kenya.")] == ["AGREE"]


def test_a_counted_crowd_acts_and_troops_crossing_a_border_are_deployed(nlp):
    assert [e[:2] for e in _events("About 16,000 protesters demonstrated outside the school.")] == [("PROTEST", ["CVL"])]
    assert [e[:3] for e in _events("Ethiopian soldiers crossed the border into Somalia.")] == [("MOBILIZE", ["ETHMIL"], ["SOM"])]
    assert _events("Thousands of refugees crossed the border into Chad.") == []


def test_a_reported_or_rumoured_event_is_only_possible(nlp):
    assert [e[-1] for e in _events("Chinese troops reportedly crossed into India.")] == ["hypothetical"]
    assert [e[-1] for e in _events("Iran is believed to have supplied missiles to Russia.")] == ["hypothetical"]
    assert [e[-1] for e in _events("The alleged attack by Iranian forces drew criticism.")] == ["hypothetical"]


def test_blaming_someone_in_reported_speech_accuses_them(nlp):
    assert [e[:3] for e in _events("Pakistan's interior minister said India was responsible for the bombing.")] == [
        ("ACCUSE", ["PAKGOV"], ["IND"])]  # fmt: skip
    assert [e[:3] for e in _events("Iran said the United States is behind the attacks.")] == [("ACCUSE", ["IRN"], ["USA"])]
    assert [e[0] for e in _events("Kiev believes Moscow is to blame for the blast.")] == ["ACCUSE"]
    assert _events("Hamas said Israel was not responsible.") == []


def test_meeting_with_criticism_is_criticism_and_a_government_protest_is_a_complaint(nlp):
    assert [e[:3] for e in _events("The Pakistani government's plan met with criticism from India.")] == [
        ("ACCUSE", ["IND"], ["PAKGOV"])]  # fmt: skip
    assert [e[:3] for e in _events("The French government has protested officially to the US government.")] == [
        ("ACCUSE", ["FRAGOV"], ["USAGOV"])]  # fmt: skip
    assert [e[:2] for e in _events("Thousands of Iranians protested against the United States.")] == [("PROTEST", ["IRNCVL"])]


def test_signing_a_decree_is_no_support_but_the_sanctions_it_orders_are_the_signers(nlp):
    assert _events("Morales signed a decree ordering troops to seize the gas fields.") == []
    text = "Russian President Vladimir Putin signed an executive order on sanctions against Ukraine."
    assert [e[:3] for e in _events(text)] == [("SANCTION", ["RUSGOV"], ["UKR"])]


def test_a_dateline_joined_by_one_space_is_no_subject(nlp):
    assert [e[:2] for e in _events("Mexico Thousands of farmers marched through the capital on Friday.")] == [("PROTEST", ["MEXAGR"])]
    article = extract("Turkey  Queen Elizabeth II arrived in Turkey on Tuesday.", published="2008-05-14")
    assert [a.code for a in article.actors] == ["TUR", "GBRGOV"]
    sentences = [s.text for s in nlp("Mexico City Protesters gathered. Japan Prime Minister Kishida spoke.").sents]
    assert sentences == ["Mexico City Protesters gathered.", "Japan Prime Minister Kishida spoke."]


def test_links_to_other_stories_are_no_events(nlp):
    text = "Japan met China in Tokyo on Monday.\n\n== Related news ==\n* Japan and Korea meeting postponed\n* Chad attacks Sudan"
    assert [e[:3] for e in _events(text)] == [("CONSULT", ["JPN"], ["CHN"])]


def test_an_event_told_again_is_one_event(nlp):
    text = 'The French government protested to the US government on Monday. "We protested," the government spokesman said.'
    assert [e[:3] for e in _events(text)] == [("ACCUSE", ["FRAGOV"], ["USAGOV"])]


def test_victims_with_no_country_named_are_of_the_place(nlp):
    assert [e[:3] for e in _events("Gunmen killed five soldiers in northern Nigeria.")] == [("ASSAULT", ["NGAREB"], ["NGAMIL"])]
    text = "A suicide bomber struck outside a courthouse in the Pakistani city Lahore, killing 24 people."
    assert [e[:3] for e in _events(text)] == [("ASSAULT", ["PAKREB"], ["PAKCVL"])]  # the bomber, of the place too


def test_a_title_alone_refers_to_its_holder(nlp):
    text = "Thai Prime Minister Thaksin Shinawatra called an election. Despite it, a mass protest against the Prime Minister went ahead."
    assert [e[:3] + e[-1:] for e in _events(text)] == [("PROTEST", [], ["THAGOV"], "asserted")]


def test_the_toll_of_an_attack_told_before_is_that_attack(nlp):
    text = ("US warplanes bombed two villages near Ramadi on Tuesday. Seventy suspected insurgents were killed, the military said. "
            "In a separate attack, gunmen killed five policemen in Mosul. Another car bomb exploded in Hilla, killing 12 civilians.")
    assert [e[:3] for e in _events(text)] == [("ASSAULT", ["USAMIL"], ["USAREB"]), ("ASSAULT", ["IRQREB"], ["IRQCOP"]),
                                              ("ASSAULT", [], ["IRQCVL"])]  # fmt: skip


def test_telling_someone_to_act_requests_it(nlp):
    assert [e[:3] for e in _events("The US told Iran to halt enrichment.")] == [("REQUEST", ["USA"], ["IRN"])]
    assert _events("He told reporters he was happy.") == []


def test_an_election_rally_and_shots_in_the_air_are_no_events(nlp):
    assert [e[0] for e in _events("Bhutto was killed after addressing an election rally in Rawalpindi.")] == ["ASSAULT"]
    # the shots attack no one; dispersing the crowd coerces it
    assert [e[:3] for e in _events("Police opened fire in the air to disperse the crowd in Karachi.")] == [("COERCE", ["PAKCOP"], ["PAKCVL"])]


def test_a_former_official_of_an_international_body_no_longer_speaks_for_it(nlp):
    article = extract("Former UN Secretary-General Kofi Annan met Kenyan President Mwai Kibaki.", published="2008-01-22")
    assert actor(article, "Kofi Annan").code == "GHAELI"


def test_a_reflexive_pronoun_is_its_clauses_subject_and_wiki_magic_words_are_no_actors(nlp):
    text = "__NOTOC__ Benazir Bhutto was killed in a suicide attack in Rawalpindi. The bomber blew himself up near her car."
    article = extract(text, published="2007-12-27")
    assert [(a.name, [m.text for m in a.mentions]) for a in article.actors] == [("Benazir Bhutto", ["Benazir Bhutto", "her"])]


def test_a_countrys_own_people_act_in_it_not_on_it(nlp):
    assert [e[:3] for e in _events("Thousands of Iranian protesters clashed with police in Iran.")][0][2] != ["IRN"]
    text = "Russian forces entered Georgia on Friday and began to bomb targets in the country."
    assert [e[:3] for e in _events(text, published="2008-08-13")] == [("ASSAULT", ["RUSMIL"], ["GEO"])]


def test_talks_that_fail_to_agree_took_place_and_a_refusal_names_whom_it_refuses(nlp):
    text = "Talks between Zimbabwean President Robert Mugabe and opposition leader Morgan Tsvangirai have failed to reach an agreement."
    assert [e[:3] + e[-1:] for e in _events(text)] == [("CONSULT", ["ZWEGOV", "ZWEOPP"], [], "asserted")]
    assert [e[-1] for e in _events("The summit between Japan and China failed to take place.")] == ["negated"]
    assert [e[:3] for e in _events("Japan refused to meet China.")] == [("REJECT", ["JPN"], ["CHN"])]


def test_a_wounded_or_killed_officer_is_a_victim_of_the_place(nlp):
    assert [e[:3] for e in _events("A car bomb exploded in Musayyib on Monday, killing a police officer.")] == [("ASSAULT", [], ["IRQCOP"])]
    assert [e[:3] for e in _events("Two police officers were wounded by gunmen in Karachi.")] == [("ASSAULT", ["PAKREB"], ["PAKCOP"])]


def test_an_alleged_deed_is_the_accuseds_and_only_possible(nlp):
    found = _events("The UN accused Eritrea of moving some 1,500 soldiers into the buffer zone.")
    assert [(e[0], e[1], e[2], e[-1]) for e in found] == [("ACCUSE", ["IGOUNO"], ["ERI"], "asserted"), ("MOBILIZE", ["ERI"], [], "hypothetical")]


def test_a_damning_name_condemns_whoever_did_what_is_named(nlp):
    assert [e[:3] for e in _events("The US described the Russian strike as an act of aggression.")] == [
        ("ASSAULT", ["RUS"], []), ("ACCUSE", ["USA"], ["RUS"])]  # fmt: skip
    assert _events("Pakistan called the talks useful.") == []


def test_coordinated_verbs_of_one_attack_are_one_event_and_police_suppressing_a_protest_coerce(nlp):
    assert [e[:3] for e in _events("Five Iraqi soldiers were killed or wounded in Mosul.")] == [("ASSAULT", [], ["IRQMIL"])]
    assert [e[:2] for e in _events("Police broke up the protest in Tbilisi.")] == [("COERCE", ["GEOCOP"])]


def test_recording_a_protest_is_not_protesting_and_armed_protesters_are_not_armed_by_anyone(nlp):
    assert _events("CNN has shown video footage of the protest in Bangkok.") == []
    assert [e[0] for e in _events("About a thousand Kyrgyz protesters, armed with rocks and clubs, fought back.")] == ["ASSAULT"]


def test_the_city_named_after_its_noun_is_the_place_of_what_happens_there(nlp):
    assert [e[:3] + (e[4],) for e in _events("A car bomb exploded on Monday in the Iraqi city of Hilla, killing 12 civilians.")] == [
        ("ASSAULT", [], ["IRQCVL"], "Al Hillah")]  # fmt: skip
    text = "A suicide bomber struck outside a courthouse in the Pakistani city Lahore, killing 24 people."
    assert [e[4] for e in _events(text)] == ["Lahore"]


def test_dominican_is_the_dominican_republic_and_firing_on_people_attacks_them(nlp):
    assert [e[:3] for e in _events("Dominican police fired on Haitian protesters in Santo Domingo.")] == [("ASSAULT", ["DOMCOP"], ["HTICVL"])]


def test_an_attack_told_with_no_one_named_is_coded_at_its_place(nlp):
    assert [e[:5] + (e[-1],) for e in _events("Three separate explosions have been reported in Zahedan, a city in southeastern Iran.")] == [
        ("ASSAULT", [], ["IRN"], "2024-03-18", "Zahedan", "asserted")]  # fmt: skip
    assert [e[:3] + (e[4],) for e in _events("A bomb was detonated outside the embassy in Nairobi.")] == [("ASSAULT", [], ["KENCVL"], "Nairobi")]
    assert _events("After the bombing, the president spoke.") == []  # no place: nothing to count
    assert _events("A gas explosion killed five miners in Shanxi.") == []  # an accident
    assert _events("Iran's missiles can reach Israel in Tel Aviv.") == []  # a weapon, not an attack
    assert [e[:3] for e in _events("Hamas rockets hit Sderot on Sunday.")] == [("ASSAULT", ["PSEREB"], [])]


def test_the_toll_of_an_attack_in_a_participle_or_of_fighting_between_two_sides_is_the_same_event(nlp):
    assert [e[:3] for e in _events("Two bombs exploded in Yala on Monday, injuring three people.")] == [("ASSAULT", [], ["THACVL"])]
    assert [e[:3] for e in _events("Fighting between Hamas and Fatah killed 12 people in Gaza.")] == [
        ("ASSAULT", ["PSEREB", "PSEOPP"], ["PSECVL"])]  # fmt: skip


def test_victims_are_not_given_the_attackers_country(nlp):
    assert [e[:3] for e in _events("Israeli jets struck the town, killing 20 civilians.")] == [("ASSAULT", ["ISRMIL"], ["CVL"])]
    assert [e[:3] for e in _events("Twenty civilians were killed by Israeli jets in southern Lebanon.")] == [("ASSAULT", ["ISRMIL"], ["LBNCVL"])]


def test_government_troops_are_the_army_of_their_country_and_serving_abroad_is_a_deployment(nlp):
    assert [e[:3] for e in _events("Uzbek government troops fired on protesters.")] == [("ASSAULT", ["UZBMIL"], ["UZBCVL"])]
    assert [e[:3] for e in _events("Government troops opened fire in Andijan, Uzbekistan.")][0][1] == ["UZBMIL"]
    assert [e[:2] + (e[4], e[-1]) for e in _events("150 Australian commandos will be serving in Afghanistan within two months.")] == [
        ("MOBILIZE", ["AUSMIL"], "Afghanistan", "future")]  # fmt: skip
    assert _events("He served in the cabinet of Tony Blair.") == []
    assert _events("Soldiers who served in Iraq returned home.") == []


def test_unnamed_crowds_protest_as_the_people_of_their_place(nlp):
    assert [e[:3] for e in _events("Thousands protested in Paris.")] == [("PROTEST", ["FRACVL"], [])]
    text = "Protests against the president of the Dominican Republic turned violent on Monday in Haiti."
    assert [e[:3] for e in _events(text)] == [("PROTEST", ["HTICVL"], ["DOMGOV"])]
    assert [e[:3] for e in _events("He protested his innocence in court in London.")] == [("PROTEST", [], ["GBRJUD"])]


def test_reported_blasts_are_nobodys_own_and_a_copula_names_the_event_told_before(nlp):
    text = "Police in Thailand have reported two bomb explosions in the southern province of Narathiwat."
    assert [e[:3] for e in _events(text)] == [("ASSAULT", [], ["THACVL"])]
    assert [e[:3] for e in _events("A bomb went off in a market in Quetta.")] == [("ASSAULT", [], ["PAKCVL"])]
    assert _events("The attacks in Ahvaz and Tehran are not going to have any effect on the election.") == []
    text = "Hu met Lien Chan in Beijing on Friday. 'This is a historic meeting between our two parties,' Hu said."
    assert len(_events(text)) == 1


def test_sympathy_opinions_and_to_infinitives_are_no_events(nlp):
    assert _events("Bush offered sympathy to Sheehan.") == []
    assert _events("Beazley offered that it has been obvious for some time that the job was unfinished.") == []
    assert _events("Not all Americans agree with Sheehan's position.") == []
    assert _events("Sheehan continued to tell the reporters about her son.") == []
    assert [e[:3] for e in _events("Washington told Iran to halt enrichment.")] == [("REQUEST", ["USAGOV"], ["IRN"])]


def test_passive_shootings_deportations_custody_and_despatched_troops(nlp):
    assert [e[:3] for e in _events("An elderly couple were shot in Pattani Province.")] == [("ASSAULT", [], ["THACVL"])]
    assert [e[:3] for e in _events("The Thai Prime Minister despatched an additional 1,000 troops to the south.")] == [("MOBILIZE", ["THAGOV"], [])]
    assert [e[:3] for e in _events("Ernst Zundel was expelled from Canada.")] == [("COERCE", ["CAN"], ["Ernst Zundel"])]
    assert [e[:3] for e in _events("Canada expelled two Russian diplomats.")] == [("SANCTION", ["CAN"], ["RUSGOV"])]
    assert [e[:2] for e in _events("He was taken into custody by German authorities.")] == [("COERCE", ["DEUGOV"])]


def test_a_call_to_congratulate_is_no_request_and_ruling_out_denies(nlp):
    assert [e[:3] + (e[-1],) for e in _events("Bush called Stoltenberg to congratulate him on his election victory.")] == [
        ("SUPPORT", ["Bush"], ["Stoltenberg"], "asserted")]  # fmt: skip
    assert [e[0] for e in _events("Bush called on Iran to halt enrichment.")] == ["REQUEST"]
    assert [e[-1] for e in _events("Nelson ruled out Australian troops being deployed to Basra.")] == ["negated"]


def test_the_state_cancelling_or_banning_a_rally_coerces_and_stopping_one_is_a_protest(nlp):
    assert [e[:3] + (e[-1],) for e in _events("German police had canceled the rally earlier.")] == [("COERCE", ["DEUCOP"], [], "asserted")]
    assert [e[:3] for e in _events("Russian authorities banned the opposition march in Moscow.")] == [("COERCE", ["RUSGOV"], ["RUSOPP"])]
    assert [e[:2] for e in _events("Left wing demonstrators began attempting to halt a right wing rally in Cologne.")] == [("PROTEST", ["DEUCVL"])]
    assert [e[:2] for e in _events("Riot police in Cologne responded with batons and water cannons.")] == [("ASSAULT", ["DEUCOP"])]


def test_sit_ins_states_of_emergency_and_support_provided(nlp):
    assert [e[:2] for e in _events("Students staged a sit-in in Seoul.")] == [("PROTEST", ["KOREDU"])]
    assert [e[:2] for e in _events("Over 5,000 objectors conducted a sit-down in Cologne.")] == [("PROTEST", ["DEUCVL"])]
    assert [e[:2] for e in _events("The Thai government imposed a state of emergency in the south.")] == [("COERCE", ["THAGOV"])]
    assert [e[:2] for e in _events("Sudan's government lifted a state of emergency in West Darfur.")] == [("CONCEDE", ["SDNGOV"])]
    assert [e[:3] for e in _events("Japan will provide support to Iraqi security forces.")] == [("AID", ["JPN"], ["IRQCOP"])]
    found = _events("Protesters in Sydney called upon the premier not to support the laws.")
    assert [e[:2] for e in found] == [("PROTEST", ["AUSCVL"])]  # what protesters call for is their protest's
    assert [e[:3] for e in _events("He was taken into custody by authorities in Germany.")] == [("COERCE", ["DEUGOV"], [])]  # he, not Germany


def test_disasters_kill_without_attack_and_protesters_clashing_with_police_riot(nlp):
    assert _events("The visit came after a subway crash that killed 42 people in Valencia on Monday.") == []
    assert _events("The earthquake killed 300 people in Iran.") == []
    assert _events("Zundel's departure demonstrates Canada's abhorrence of racism.") == []
    assert [e[:3] for e in _events("Protesters clashed with riot police in Ottawa briefly on Tuesday.")] == [("PROTEST", ["CANCVL"], ["CANCOP"])]
    assert [e[:3] for e in _events("Hamas fought Israeli troops in Gaza.")] == [("ASSAULT", ["PSEREB"], ["ISRMIL"])]


def test_a_demand_that_someone_act_is_made_of_them_and_a_visiting_pope_visits_the_country(nlp):
    assert [e[:3] for e in _events("Iran demanded that Germany halt the rally.")] == [("REQUEST", ["IRN"], ["DEU"])]
    found = _events("Pope Benedict XVI visited the city of Valencia in Spain on Saturday.", published="2006-07-09")
    assert [e[:2] + (e[2],) for e in found] == [("CONSULT", ["VATREL"], ["ESP"])]


def test_a_when_clause_shares_its_time_and_an_object_pronoun_is_not_its_clauses_subject(nlp):
    found = _events("An Israeli woman was killed when a Qassam rocket hit the town of Sderot on Wednesday.", published="2006-11-20")
    assert [e[3] for e in found] == ["2006-11-15"]
    text = "Amir Peretz called President Mahmoud Abbas, asking him to stop fighters from firing rockets."
    assert [e[:3] + (e[-1],) for e in _events(text)] == [("REQUEST", ["Amir Peretz"], ["PSEGOV"], "asserted")]


def test_new_south_wales_is_australian_shadow_ministers_are_opposition_and_captures_seize(nlp):
    assert [e[:3] for e in _events("Paramedics marched on the New South Wales parliament today.")] == [("PROTEST", ["HLH"], ["AUS"])]
    assert [a.code for a in extract("The Northern Ireland Office said.", published="2024-04-01").actors] == ["GBRGOV"]
    assert [e[1] for e in _events("Australian Shadow Minister Simon Crean criticized the government.")] == [["AUSOPP"]]
    assert [e[:2] for e in _events("Sudanese rebels captured an airfield outside Waajid.")] == [("ASSAULT", ["SDNREB"])]  # PLOVER's gold
    assert _events("The Integrated Guided Missile Development Programme was set up in 1983.") == []


def test_a_deadline_given_is_an_ultimatum_and_what_it_demands_is_no_event(nlp):
    text = "Paramedics in Sydney gave the Government 48 hours to agree to the proposed staffing levels or face industrial action."
    assert [e[:3] for e in _events(text)] == [("THREATEN", ["AUSHLH"], ["AUSGOV"])]
    assert _events("Russia gave the soldiers two days off.") == []


def test_stabbings_and_murders_attack_and_organizers_plan_protests(nlp):
    assert [e[:3] for e in _events("Robert McCartney was stabbed and kicked to death outside a Belfast bar.")] == [
        ("ASSAULT", [], ["Robert McCartney"])]  # fmt: skip
    text = "Organizers of Friday's protests in Chicago have announced that they are planning a new series of protests on April 15."
    assert [e[:4] + (e[-1],) for e in _events(text, published="2009-02-28")] == [("PROTEST", ["USACVL"], [], "2009-04-15", "future")]


def test_armed_groups_by_name_and_the_place_an_attack_hits(nlp):
    assert [(a.name, a.code) for a in extract("The IRA killed him, Sinn Fein said.", published="2005-04-01").actors] == [
        ("IRA", "GBRREB"), ("Sinn Fein", "GBROPP")]  # fmt: skip
    assert [e[:3] + (e[4],) for e in _events("A suicide tractor bombing struck the Abu Ghraib prison camp on Saturday.")] == [
        ("ASSAULT", [], ["IRQCVL"], "Abū Ghurayb")]  # fmt: skip


def test_victims_of_anti_american_protests_are_not_american(nlp):
    found = _events("Four people were killed during anti-American protests in Jalalabad.", published="2005-05-13")
    assert [e[:3] for e in found][0] == ("ASSAULT", [], ["AFGCVL"])


def test_the_toll_of_a_strike_and_the_scene_or_account_of_an_attack_are_no_new_events(nlp):
    text = "An Israeli air strike hit a car in Gaza on Monday, killing two militants. The attack also injured approximately eight people."
    assert [e[:3] for e in _events(text)] == [("ASSAULT", ["ISR"], ["PSEREB", "PSECVL"])]
    assert len(_events("A bomb exploded in Quetta on Monday. Security forces secured the scene of the blast.")) == 1
    assert len(_events("A bomb exploded in Quetta on Monday. Another bomb also killed three people in Karachi.")) == 2
    assert len(_events("Rebels attacked the town. The army gave an account of the attack.")) == 1


def test_a_request_told_again_without_its_maker_is_one_event_and_a_day_is_no_call_on(nlp):
    text = "Peretz called Abbas on Monday, asking him to stop the rockets. During a telephone conversation, Abbas was asked to exercise his authority."
    assert [e[:3] for e in _events(text)] == [("REQUEST", ["Peretz"], ["Abbas"])]
    assert len(_events("A bomb exploded in Quetta on Monday. A second bomb exploded in Karachi.")) == 2


def test_a_missile_test_fired_in_the_passive_is_its_owners_show_of_force(nlp):
    text = "India's most sophisticated missile to date, the Agni III, was test-fired off the Orissa coast earlier today."
    assert [e[:3] for e in _events(text)] == [("MOBILIZE", ["IND"], [])]


def test_hijackings_diplomats_called_in_and_a_clock_time_gives_way_to_a_date(nlp):
    assert [e[:3] for e in _events("A ferry was hijacked by a militant in Turkey.")] == [("ASSAULT", ["TURREB"], [])]
    assert [e[:3] for e in _events("The Syrian government has called in a diplomat from the U.S.")] == [("ACCUSE", ["SYRGOV"], ["USAGOV"])]
    assert _events("Campaigners opposed to the expansion of Heathrow Airport have today scaled the roof of Parliament.") == []
    assert [e[3] for e in _events("Russian troops crossed the border at 6 a.m. on Monday.", published="2006-02-24")] == ["2006-02-20"]


def test_a_truce_declared_retreats_and_one_broken_attacks(nlp):
    assert [e[:2] for e in _events("Israel and Hamas agreed to a truce.")] == [("RETREAT", ["ISR", "PSEREB"])]
    assert [e[:2] for e in _events("Hamas violated the truce.")] == [("ASSAULT", ["PSEREB"])]


def test_the_same_forces_named_again_are_one_actor_and_a_strike_carried_out_is_the_one_told(nlp):
    text = ("United States military helicopters attacked a farm in Syria on Sunday. "
            "The Syrian government said the strike was carried out by the U.S. military.")
    assert [e[:2] for e in _events(text)] == [("ASSAULT", ["USAMIL"])]
    text = "United States military helicopters attacked a farm in Syria. Seven people were killed when the helicopters fired."
    assert {code for e in _events(text) for code in e[1]} == {"USAMIL"}
    assert _events("US troops entered Fallujah. The troops met no resistance.") == []


def test_protests_held_staged_sent_or_taken_to_the_streets(nlp):
    assert _events("Anti-war demonstrations were held in Washington on Saturday.") == [
        ("PROTEST", ["USACVL"], [], "2024-03-16", "Washington", "asserted")]
    assert _events("Protests were staged in Paris on Saturday.") == [  # "staged" is "stage" (lemmas.tsv), not "stag"
        ("PROTEST", ["FRACVL"], [], "2024-03-16", "Paris", "asserted")]
    assert _events("Thousands of people took to the streets of Beirut on Saturday.") == [
        ("PROTEST", ["LBNCVL"], [], "2024-03-16", "Beirut", "asserted")]
    assert [e[0] for e in _events("The church sent six protesters to the funeral in Portage, Indiana.")] == ["PROTEST"]
    assert [e[:3] for e in _events("Protesters stormed the US embassy in Belgrade.")] == [("PROTEST", ["SRBCVL"], ["USAGOV"])]  # a riot
    assert [e[:3] for e in _events("Troops stormed the rebel camp.")] == [("ASSAULT", ["MIL"], ["REB"])]


def test_cancelled_talks_reduced_cooperation_and_mortars_fired(nlp):
    assert [e[:3] + e[5:] for e in _events("North Korea cancelled the six-party talks.")] == [("SANCTION", ["PRK"], [], "asserted")]
    assert [e[:3] for e in _events("Iran will limit cooperation with the IAEA.")] == [("SANCTION", ["IRN"], ["IGOUNOIAE"])]
    assert [e[:3] for e in _events("The mortars were fired by the Tamil Tigers.")] == [("ASSAULT", ["LKAREB"], [])]


def test_a_demand_in_a_later_sentence_of_a_quote(nlp):
    text = ('U.S. President George W. Bush said in a speech, "Freedom will prevail in Lebanon. '
            'All Syrian military forces must withdraw before the elections."')
    assert [e[:3] + e[5:] for e in _events(text)] == [("REQUEST", ["USAGOV"], ["SYRMIL"], "asserted")]


def test_attacks_something_is_used_for_are_no_toll_of_the_attack_told(nlp):
    text = ("The U.S. and Italian ambassadors were injured when their helicopters were targeted by mortars on a landing strip "
            "in Batticaloa. They blame the military, who they say landed the diplomats in a site used for attacks on the rebels.")
    assert [e[:3] + e[4:5] for e in _events(text) if e[0] == "ASSAULT"] == [("ASSAULT", [], ["USA", "ITA"], "Batticaloa")]


def test_a_summit_s_name_is_no_party_and_its_first_meeting_is_its_own(nlp):
    text = ("Canadian Prime Minister Stephen Harper, US President George W. Bush and Mexican President Felipe Calderon met "
            "yesterday at the Security and Prosperity Partnership of North America summit, held this year in New Orleans. "
            "The first meeting was between Bush and Calderon.")
    assert [e[:5] for e in _events(text, published="2007-04-22")] == [
        ("CONSULT", ["CANGOV", "USAGOV", "MEXGOV"], [], "2007-04-21", "New Orleans"),  # "North America" is a continent, not the US
        ("CONSULT", ["USAGOV", "MEXGOV"], [], "2007-04-21", None)]  # Bush, not a town in Egypt named so


def test_what_a_group_is_for_or_against_is_not_who_it_is(nlp):
    assert _events("The movement is dedicated to fighting the Israeli occupation.") == []  # its aim, no act
    found = _events("Lebanese opposing the presence of Syrian troops held counter-rallies.")
    assert [e[:3] for e in found] == [("PROTEST", ["LBNCVL"], [])]  # people, not the country; opposing describes them
    assert [e[:3] for e in _events("Pro-Syrian protesters rallied in Beirut.")] == [("PROTEST", ["LBNCVL"], [])]
    found = _events("The pro-Syrian organization promised more rallies throughout Lebanon.")
    assert [(e[0], e[4], e[5]) for e in found] == [("PROTEST", "Lebanon", "future")]


def test_a_spokesman_for_a_body_speaks_and_acts_for_it(nlp):
    assert [e[:2] for e in _events("A spokesman for Hamas apologized.")] == [("SUPPORT", ["PSEREB"])]
    found = _events("A spokesman for LTTE said they mistook them for a military target, and have apologized.")
    assert [e[:2] for e in found] == [("SUPPORT", ["LKAREB"])]


def test_a_press_conference_dates_what_is_said_at_it(nlp):
    found = _events("Veterans held a press conference Monday denouncing the protesters.", published="2005-08-10")
    assert [(e[0], e[3]) for e in found] == [("ACCUSE", "2005-08-08")]
    found = _events("Murad said troops would pull back to the Bekaa Valley, but refused to give a date.")
    assert [(e[0], e[5]) for e in found] == [("RETREAT", "future")]  # withholding a date is no refusal


def test_people_seized_are_abducted_or_arrested(nlp):
    found = _events("Gunmen seized 11 men from a prison in Basra and killed them.")
    assert [(e[0], e[1], e[4]) for e in found] == [("ASSAULT", ["REB"], "Basrah")]  # one abduction; the killing is its toll
    assert [e[:2] for e in _events("Police seized two suspects in Cairo.")] == [("COERCE", ["EGYCOP"])]
    found = extract("Police seized two suspects in Cairo.").events
    assert (found[0].mode, found[0].cameo) == ("arrest", "173")
    found = _events("Atwar Bahjat, a correspondent, and two journalists were kidnapped and killed leaving Samarra.")
    assert [e[:2] for e in found] == [("ASSAULT", [])]  # the victims are no kidnappers


def test_a_hostile_act_the_victim_alleges_is_its_accusation(nlp):
    found = _events("Venezuela argued that Colombia invaded Venezuelan territory.")
    assert [e[:3] for e in found] == [("ACCUSE", ["VEN"], ["COL"])]
    assert [e[:3] for e in _events("Iraq said US troops attacked a village.")] == [("ASSAULT", ["USAMIL"], [])]  # reported, not alleged


def test_a_plan_is_its_owners_and_visiting_whom_one_met_is_the_meeting(nlp):
    found = _events("President Barack Obama unveiled a plan to end combat operations and troop withdrawal in Iraq.")
    assert [(e[0], e[1], e[5]) for e in found] == [("RETREAT", ["USAGOV"], "future")]
    text = ("In Iran on Sunday, Nicaraguan president Daniel Ortega met Ayatollah Ali Khamenei. "
            "Prior to visiting Khamenei, Daniel Ortega met with Mahmoud Ahmadinejad.")
    assert [e[:3] for e in _events(text, published="2007-06-11")] == [("CONSULT", ["NICGOV"], ["IRNGOV"])] * 2  # Khamenei, Ahmadinejad


def test_nationality_words_a_link_split_are_read_whole(nlp):
    found = extract("Uganda n troops came under attack in Somalia. Iraq i police arrested 12 men in Basra.")
    assert found.text.startswith("Uganda n troops")  # the text is unchanged
    codes = {a.id: a.code for a in found.actors}
    assert [(e.type, [codes[a] for a in e.target + e.source]) for e in found.events] == [("ASSAULT", ["UGAMIL"]), ("COERCE", ["IRQCOP"])]
    assert [e[:2] for e in _events("South Korea n authorities are refusing to allow more protests.")] == [("REJECT", ["KORGOV"])]
    assert [e[:2] for e in _events("South Korean police arrested 12 men.")] == [("COERCE", ["KORCOP"])]  # not a province "South"


def test_protesters_demands_are_their_protest(nlp):
    found = _events("Thousands protested in Bishkek as they demanded the resignation of the president.")
    assert [e[:2] for e in found] == [("PROTEST", ["KGZCVL"])]
    found = _events("Protestors, demanding a cease fire in the Middle East, chanted slogans outside the hotel.")
    assert [(e[0], e[4]) for e in found] == [("PROTEST", None)]  # not in the Middle East
    assert [e[0] for e in _events("Howard was mobbed by protesters in Sydney.")] == ["PROTEST"]
    found = _events("Police lined the protest route as protesters marched in Seoul.")
    assert [e[:2] for e in found] == [("PROTEST", ["KORCVL"])]  # the route is no protest by the police


def test_arrests_charges_hostages_and_things_broken_off(nlp):
    assert [e[0] for e in _events("Police arrested two protesters and charged them with disorderly conduct.")] == ["COERCE"]
    assert _events("One protestor managed to break off the flag attached to the car.") == []
    assert [e[:3] for e in _events("Iran broke off talks with the EU.")] == [("SANCTION", ["IRN"], ["IGOEU"])]  # the talks are no second event
    assert [e[:2] for e in _events("Gunmen took 12 hostages in Nalchik.")] == [("ASSAULT", ["RUSREB"])]


def test_meetings_at_a_named_summit_and_talks_with_no_date(nlp):
    found = _events("Bush met Putin at the Asia-Pacific Economic Cooperation summit in Busan.", published="2005-11-18")
    assert [e[:3] for e in found] == [("CONSULT", ["USAGOV"], ["RUSGOV"])]  # one meeting; "Cooperation" is a name
    found = _events("A Hamas spokesman said that there is no date for talks with South Africa yet.")
    assert [(e[0], e[5]) for e in found] == [("CONSULT", "future")]


def test_attacks_stated_to_come_threaten_and_insults_condemn(nlp):
    found = _events("The Islamic Courts stated that Ethiopian planes will be shot down.")
    assert [e[:3] for e in found] == [("THREATEN", ["SOMREB"], ["ETH"])]
    assert [e[:3] for e in _events("Israel said it will strike Hamas targets in Gaza.")] == [("THREATEN", ["ISR"], ["PSEREB"])]
    assert [(e[0], e[5]) for e in _events("Japan said it will send troops to Iraq.")] == [("MOBILIZE", "future")]  # a plan, no threat
    assert [e[:3] for e in _events("The Islamic Courts called the Ethiopians cowards.")] == [("ACCUSE", ["SOMREB"], ["ETH"])]


def test_physical_charges_writings_branches_and_calls_for(nlp):
    found = _events("Police lathi-charged the protesters in Delhi.")
    assert [e[:3] for e in found] == [("ASSAULT", ["INDCOP"], ["INDCVL"])]
    assert [e[0] for e in _events("Police charged into the crowd in Delhi.")] == ["ASSAULT"]
    assert [e[0] for e in _events("Police charged two men with murder.")] == ["ACCUSE"]
    assert [e[0] for e in _events("An editorial in the paper attacked the army's incompetence.")] == ["ACCUSE"]  # words
    assert [e[:2] for e in _events("The Pakistan branch of the Taliban attacked a convoy.")] == [("ASSAULT", ["AFGREB"])]
    assert [e[0] for e in _events("Protesters issued calls for Olmert to resign.")] == ["PROTEST"]
    assert [e[:2] for e in _events("Terrorists rammed a car bomb into a checkpoint in Galle.")] == [("ASSAULT", ["LKAREB"])]
    found = _events("Officials for the U.S. government are going to meet in New York on March 5.", published="2007-03-01")
    assert [(e[0], e[1], e[3], e[5]) for e in found] == [("CONSULT", ["USAGOV"], "2007-03-05", "future")]


def _coded(text):
    return [(e.type, e.cameo, e.modality) for e in extract(text, published="2008-04-03").events]


def test_refusals_are_coded_by_what_is_refused(nlp):
    assert _coded("Israel refused to release the prisoners.") == [("REJECT", "1243", "asserted")]
    assert _coded("Iran refused to meet the EU envoys.") == [("REJECT", "125", "asserted")]
    assert _coded("Putin vowed not to withdraw troops from Georgia.") == [("REJECT", "1246", "asserted")]
    assert _coded("Olmert has said he will not resign.") == [("REJECT", "1231", "asserted")]  # the refusal is made
    assert _coded("Syria did not withdraw its troops.") == [("RETREAT", "087", "negated")]  # no refusal: it did not happen
    assert _coded("Hamas vowed not to attack Israel.") == [("AGREE", "030", "asserted")]  # restraint, no threat
    assert _coded("Greece refuses to recognise the republic's name.") == [("REJECT", "120", "asserted")]
    assert _coded("Police said they would not release the names of the suspects.") == []  # details, no prisoners


def test_a_summit_told_again_is_one_summit(nlp):
    text = ("The NATO summit began on Wednesday in Bucharest. Leaders begin negotiations on Thursday, after the opening day "
            "of their summit. At the Bucharest summit, Albania will begin the process of membership. Putin will make "
            "his first appearance at this year's summit.")
    found = _events(text, published="2008-04-03")
    assert [(e[0], e[1], e[2], e[4]) for e in found] == [
        ("CONSULT", ["IGONAT"], [], "Bucharest"), ("CONSULT", ["RUSGOV"], ["IGONAT"], "Bucharest")]  # fmt: skip
    text = "The NATO summit began on Wednesday in Bucharest. The G8 summit will open in Tokyo."
    assert len(_events(text, published="2008-04-03")) == 2  # another summit


def test_what_people_protest_against_is_not_their_country_nor_their_place(nlp):
    found = _events("Five people were arrested during protests against the invasion of Iraq.")
    assert [e[2] for e in found if e[0] == "COERCE"] == [["CVL"]]  # not Iraqi civilians
    assert _events("Protesters against the war in Iraq marched in Sydney.")[0][4] == "Sydney"
    assert _events("Putin condemned the missile system in Poland.")[0][4] is None  # words are not placed where their topic is
    assert _events("Putin condemned the plan in a speech in Moscow.")[0][4] == "Moscow"
    assert _events("About 200 protesters gathered outside the embassy in Canberra.")[0][:2] == ("PROTEST", ["AUSCVL"])


def test_attempts_and_questions_are_no_requests(nlp):
    assert _events("Rice sought to justify the occupation of Iraq.") == []
    assert [(e[0], e[5]) for e in _events("Iran sought to meet the EU.")] == [("CONSULT", "hypothetical")]
    assert _events("One student asked about abuses committed by U.S. forces in Iraq.") == []
    assert [e[:3] for e in _events("Iran sought talks with the EU.")] == [("REQUEST", ["IRN"], ["IGOEU"])]
    found = extract("Officials for N. Korea will stop over in San Francisco. The officials will then meet NGOs.", published="2007-02-28")
    assert {a.code for a in found.actors if a.name.lower() == "officials"} == {"PRKGOV"}


def test_concern_voiced_condemns_and_we_in_a_quote_is_the_speaker(nlp):
    found = _events("Japan expressed concern that China was increasing its military spending.")
    assert [e[:3] for e in found if e[0] == "ACCUSE"] == [("ACCUSE", ["JPN"], ["CHN"])]
    assert [e[:3] for e in _events("The EU voiced concern over Iran's nuclear program.")] == [("ACCUSE", ["IGOEU"], ["IRN"])]
    found = _events("Zimbabwe declared two British diplomats personae non gratae.")
    assert [e[:3] for e in found] == [("SANCTION", ["ZWE"], ["GBRGOV"])]
    found = _events('"We strongly condemn this cowardly attack," said a spokesman for ISAF.')
    assert [e[:2] for e in found] == [("ACCUSE", ["IGONAT"])]
    found = _events("The opposition party has warned that it may boycott the elections in Zimbabwe.")
    assert [(e[0], e[1], e[5]) for e in found] == [("THREATEN", ["ZWEOPP"], "asserted")]  # a warned boycott threatens


def test_parties_and_their_members(nlp):
    found = _events("Shiv Sena party workers clashed with activists of the Maharashtra Navnirman Sena in Mumbai.")
    assert [e[:3] for e in found] == [("ASSAULT", ["INDPTY"], ["INDPTY"])]
    assert [e[:3] for e in _events("The MDC accused ZANU-PF of rigging the vote.")] == [("ACCUSE", ["ZWEOPP"], ["ZWEPTY"])]
    assert extract("He threw a party in Paris.").actors == []  # no political party
    found = _events("A suicide car bomber detonated explosives at a checkpoint in Baqubah.")
    assert [(e[0], e[1], e[4]) for e in found] == [("ASSAULT", ["IRQREB"], "Baqubah")]
    found = _events("A bomb in Baqubah killed at least 9 United States soldiers.")
    assert [(e[0], e[2], e[4]) for e in found] == [("ASSAULT", ["USAMIL"], "Baqubah")]  # whose soldiers, not where


def test_second_blasts_scheduled_fridays_and_calls_for_resignation(nlp):
    text = "Five people were injured in a blast in Bangkok. Seventeen people were wounded in a blast at a police box."
    assert len(_events(text, published="2007-01-01")) == 2  # a blast of its own
    text = "Five people were injured in a blast in Bangkok. Seventeen people were wounded in the blast."
    assert len(_events(text, published="2007-01-01")) == 1  # the toll of the one told
    found = _events("Friday, Carter is scheduled to meet in Damascus with Khaled Mashal.", published="2008-04-14")
    assert [(e[3], e[5]) for e in found] == [("2008-04-18", "future")]  # the Friday to come
    found = _events("The newspaper published an editorial attacking the army's incompetence.")
    assert [e[0] for e in found] == ["ACCUSE"]
    found = _events("Despite the calls for Olmert to resign, his advisor said that he would stay.")
    assert [(e[0], e[5]) for e in found] == [("RETREAT", "hypothetical")]  # called for, not done


def test_office_holders_are_not_of_where_they_fly_nor_of_what_they_oppose(nlp):
    for text in ("Denmark's parliament met on Monday. Defense minister Soren Gade was there, having secretly flown into Iraq.",
                 "Denmark's parliament met on Monday. Defense minister Soren Gade resigned over the decision to invade Iraq."):
        assert {a.name: a.code for a in extract(text, published="2007-03-06").actors}["Soren Gade"] == "DNKGOV"


def test_a_visit_named_again_and_a_name_without_its_article(nlp):
    text = "Australian Prime Minister John Howard began a visit of India yesterday. This is Mr Howard's second visit to India."
    assert _events(text, published="2006-03-06") == [("CONSULT", ["AUSGOV"], ["IND"], "2006-03-05", "India", "asserted")]
    text = "Jimmy Carter met with Nasser al-Shaer on Tuesday. Carter then met with Shaer, whom he greeted with a hug."
    found = extract(text, published="2008-04-20")
    assert [a.name for a in found.actors] == ["Jimmy Carter", "Nasser al-Shaer"] and len(found.events) == 1


def test_a_meeting_retold_by_its_parties_is_one_meeting(nlp):
    text = ("Bush met Guatemalan President Alvaro Colom in the Oval Office. Colom later commented on the meeting: \"We discussed the fight against "
            "drug trafficking. We also discussed the issue of our migrants.\"")
    assert [e[:3] for e in _events(text, published="2008-04-29")] == [("CONSULT", ["USAGOV"], ["GTMGOV"])]
    text = ("Jimmy Carter met with Nasser al-Shaer on Tuesday. Shaer said that he and Carter had a face-to-face meeting "
            "and that they discussed brokering a truce between Israel and Palestinian militants.")
    assert len(_events(text, published="2008-04-16")) == 1  # the meeting told again; the truce is a topic
    found = _events("A suicide attack on a convoy in Spin Boldak, Afghanistan killed 34 Afghan civilians.")
    assert [(e[0], e[1], e[4]) for e in found] == [("ASSAULT", [], "Spin Boldak")]  # the town's country is no doer


def test_questions_secretaries_general_and_an_it_that_kills(nlp):
    assert _events("Journalists asked Alencar and Rumsfeld if they were concerned about Chavez.") == []
    assert _events("Carter asked what he can do to achieve peace.") == []
    found = extract("Hon Tendai Biti, the secretary general of the MDC, criticized the elections.")
    assert {a.name: a.code for a in found.actors}["Tendai Biti"] == "ZWEOPP"  # the MDC's, not an IGO's
    text = ("A suicide car bomber detonated explosives at a U.S. military outpost in Baqubah, Iraq. "
            "It killed at least 9 United States soldiers.")
    assert [e[:3] for e in _events(text, published="2007-04-24")] == [("ASSAULT", ["IRQREB"], ["USAMIL"])]
    assert [e[:3] for e in _events("Israel said it killed three militants in Gaza.")] == [("ASSAULT", ["ISR"], ["PSEREB"])]


def test_an_ambassador_invited_to_a_ministry_is_summoned(nlp):
    found = _events("Moldova invited the Romanian ambassador to the foreign ministry.")
    assert [(e[0], e[1], e[2]) for e in found] == [("ACCUSE", ["MDA"], ["ROUGOV"])]
    assert [(e[0], e[5]) for e in _events("Bush invited Putin to his ranch.")] == [("CONSULT", "future")]  # PLOVER: AGREE


def test_visitors_on_a_trip_and_crowds_gathered(nlp):
    found = _events("U.S. Secretary of State Condoleezza Rice, on a three-day trip to Australia, said she understood.")
    assert [e[:3] for e in found] == [("CONSULT", ["USAGOV"], ["AUS"])]
    found = _events("About 50 protesters were gathered at the gates of the embassy in Canberra.")
    assert [e[:3] for e in found] == [("PROTEST", ["AUSCVL"], [])]  # they protest, not suffer


def test_events_with_no_place_happen_at_the_story_scene(nlp):
    text = ("Anti-war demonstrators in Sydney denounced Rice on Thursday. Five people were arrested during protests "
            "against the invasion of Iraq. Police charged into the crowd.")
    found = _events(text, published="2006-03-16")
    assert [(e[0], e[4]) for e in found] == [("ACCUSE", "Sydney"), ("COERCE", "Sydney"), ("PROTEST", "Sydney"), ("ASSAULT", "Sydney")]
    text = "Demonstrators in Sydney denounced Rice on Thursday. In 2003, five people were arrested during protests."
    assert [(e[0], e[3], e[4]) for e in _events(text, published="2006-03-16")][1:] == [("COERCE", "2003", None)]  # not this scene


def test_claimed_attacks_and_the_makes_of_cars(nlp):
    text = "A suicide bombing attack on a convoy in Kandahar killed 34 civilians. The Taliban has claimed responsibility for the attack."
    assert [e[:2] for e in _events(text)] == [("ASSAULT", ["AFGREB"])]
    text = "A bomb exploded in Galle, killing 16. The LTTE has not claimed responsibility for the attack."
    assert [e[:2] for e in _events(text)] == [("ASSAULT", [])]  # no claim
    text = ("A suicide bombing attack on a convoy in Kandahar killed 34 civilians. "
            '"A white Toyota Corolla car rammed the second vehicle in the convoy," a witness said.')
    assert [e[:2] for e in _events(text)] == [("ASSAULT", [])]  # a make of car is no doer; the ramming is the attack told


def test_victims_also_hurt_words_that_attack_and_private_journeys(nlp):
    text = "Four gunmen attacked the US embassy in Damascus. A Chinese diplomat was also injured. Another soldier was severely injured."
    assert [e[:2] for e in _events(text, published="2006-09-13")] == [("ASSAULT", ["SYRREB"])]  # one attack; Damascus is Syria's
    text = "Four gunmen attacked the US embassy in Damascus. No Americans were killed during the battle."
    assert len(_events(text, published="2006-09-13")) == 1  # a toll denied is no event of its own
    assert [e[0] for e in _events("Kate Wheen attacked the government over the scandal.")] == ["ACCUSE"]
    assert [e[0] for e in _events("In a press release, Kate Wheen attacked the Australian government.")] == ["ACCUSE"]
    assert [e[0] for e in _events("Rebels attacked the town over the weekend.")] == ["ASSAULT"]
    assert _events("Hakim flew to Iran to receive medical treatment.") == []
    assert _events("Hakim was flown to Texas where he was diagnosed with lung cancer.") == []
    assert [e[5] for e in _events("Students went to Ottawa hoping to meet Prime Minister Stephen Harper.")] == ["hypothetical"]
    assert [e[5] for e in _events("Hargrove has yet to talk to the Canadian Prime Minister.")] == ["negated"]
    assert [e[0] for e in _events("Israel will not allow any cities to be attacked by rocket fire.")] != ["REJECT"]


def test_tolls_name_their_killers_in_the_operation_or_a_when_clause(nlp):
    found = _events("At least nine Palestinians have been killed during Israeli missions in Gaza.", published="2008-02-28")
    assert [e[:3] for e in found] == [("ASSAULT", ["ISR"], ["PSECVL"])]
    found = _events("Two more Palestinians were killed when Israeli troops called in an air strike.", published="2008-02-28")
    assert [e[:3] for e in found] == [("ASSAULT", ["ISRMIL"], ["PSECVL"])]
    assert [e[1] for e in _events("Two soldiers were killed when their vehicle hit a mine.")] == [[]]


def test_snubs_greetings_calls_by_phone_and_the_congo(nlp):
    found = _events("Canadian Prime Minister Harper snubbed US President Bush.")
    assert [e[:3] for e in found] == [("REJECT", ["CANGOV"], ["USAGOV"])]
    found = _events("Bush greeted Putin at the White House.", published="2007-03-06")
    assert [e[:3] for e in found] == [("CONSULT", ["USAGOV"], ["RUSGOV"])]  # a venue
    found = extract("Bush spoke with Putin by phone on Monday.").events
    assert [(e.type, e.mode, e.cameo) for e in found] == [("CONSULT", "phone", "041")]
    text = "The UN condemned the violence in the Democratic Republic of the Congo. Congo rejected the plan."
    assert {a.code for a in extract(text).actors} == {"IGOUNO", "COD"}
    text = "The UN condemned the violence in the Democratic Republic of the Congo. The Republic of the Congo rejected the plan."
    assert {a.code for a in extract(text).actors} == {"IGOUNO", "COD", "COG"}  # named in full, the Republic stays


def test_what_is_discussed_is_no_partner(nlp):
    assert _events("South Korean officials do not intend to discuss North Korea's human rights record.") == []
    found = extract("Rice discussed Iran with Lavrov.", published="2007-12-13")
    names = {a.id: a.name for a in found.actors}
    assert [[names[i] for i in e.target] for e in found.events] == [["Lavrov"]]


def test_tolls_elsewhere_and_sentences_naming_other_places(nlp):
    text = "Police raided a house in Kinshasa, killing four people. Another six people were killed in Tshikapa."
    assert [e[4] for e in _events(text, published="2006-09-13")] == ["Kinshasa", "Tshikapa"]  # two attacks
    text = "Anti-war demonstrators in Sydney denounced Rice on Thursday. In another province, police arrested ten men."
    assert [e[4] for e in _events(text, published="2006-03-16")] == ["Sydney", None]  # not at the scene


def test_events_named_again_by_a_bare_noun_are_the_ones_told(nlp):
    text = ("Queen Elizabeth II arrived in Washington on Monday for a state visit to the United States. \"We look forward "
            "to Her Majesty's State Visit,\" President Bush said.")
    assert [e[:3] for e in _events(text, published="2007-05-08")] == [("CONSULT", ["GBRGOV"], ["USA"])]
    text = ("Thousands of students rallied in Caracas on Saturday. Police said the rally ended peacefully. Organisers of "
            "the protest said 10,000 people attended the rally.")
    assert [e[0] for e in _events(text, published="2007-05-08")] == ["PROTEST"]
    found = _events("Iran will host the talks in May. \"We look forward to the talks with Iran,\" Bush said.", published="2007-05-08")
    assert found[-1][-1] == "future"  # looking forward to it: still to come


def test_an_attack_blamed_on_a_group_is_the_groups(nlp):
    text = "A car bomb exploded in Madrid on Monday, killing three people. Spanish authorities blamed ETA for the attack."
    assert [e[:3] for e in _events(text, published="2007-05-08")] == [("ASSAULT", ["ESPREB"], ["ESPCVL"]), ("ACCUSE", ["ESPGOV"], ["ESPREB"])]
    text = "A car bomb exploded in Madrid on Monday. Officials did not blame ETA for the attack."
    assert _events(text, published="2007-05-08")[0][1] == []


def test_groups_named_with_what_they_are(nlp):
    found = _events("The Australian activist organisation AID/WATCH protested against the World Bank.")
    assert [e[:3] for e in found] == [("PROTEST", ["AUSNGO"], ["IGOWBK"])]  # not Australia's complaint
    found = _events("The Kenyan rights group Muslim Human Rights Forum accused police of torture.")
    assert [e[:3] for e in found] == [("ACCUSE", ["KENNGO"], ["KENCOP"])]
    found = _events("Demonstrators threw stones at police in Athens. Insurgents threw a grenade at a patrol in Baghdad.")
    assert [e[:2] for e in found] == [("PROTEST", ["GRCCVL"]), ("ASSAULT", ["IRQREB"])]


def test_tests_warnings_and_schedules(nlp):
    found = extract("North Korea test fired three short-range missiles on Friday.", published="2008-03-20").events
    assert [(e.type, e.mode) for e in found] == [("MOBILIZE", "weapons")]
    assert _events("Talks between Japan and China are scheduled for Monday.", published="2008-03-20")[0][3] == "2008-03-24"
    assert _events("Russia said it will not allow any cities to be attacked.") == []  # resolve, no concession refused


def test_she_is_the_woman_named_beside_a_man_of_unknown_gender(nlp):
    found = _events("President Bush praised Queen Elizabeth II on Sunday. She will meet Bush on Monday.", published="2007-05-08")
    assert found[-1][:3] == ("CONSULT", ["GBRGOV"], ["USAGOV"])  # not Bush, the subject
    places = extract("The Queen will meet Bush at the White House on Monday.", published="2007-05-08").places
    assert [(p.name, p.country) for p in places] == [("White House", "USA")]


def test_a_roadside_bomb_told_four_ways_is_one_attack(nlp):
    text = ("A Canadian soldier was killed in Afghanistan, when a roadside bomb exploded. The blast killed John Smith on "
            "Friday. \"The Afghan interpreter was slightly wounded,\" Smith's commander said. Earlier in the same day, a "
            "roadside bomb struck a Canadian tank.")
    found = _events(text, published="2007-05-26")
    assert [(e[0], e[3]) for e in found] == [("ASSAULT", "2007-05-25"), ("ASSAULT", "2007-05-25")]
    assert "AFGCVL" in found[0][2] and found[1][2] == ["CANMIL"]
    text = "A bomb exploded in Beirut, wounding twelve people. The last, on March 27, killed two people."
    assert len(_events(text, published="2005-04-02")) == 2  # an earlier attack
    assert _events("Canadian troops have been stationed in Afghanistan since 2002.") == []


def test_a_protest_story_keeps_its_place_and_day(nlp):
    text = ("More than 1,000 protesters showed up to demonstrate in front of the Los Angeles temple on Friday, "
            "November 7, to protest the Chinese government's policy. According to a member of the Los Angeles Police "
            "Department, the Temple grounds were vandalized by protesters, and police arrested ten people.")
    found = _events(text, published="2008-11-13")
    assert [(e[0], e[2], e[3], e[4]) for e in found] == [
        ("PROTEST", ["CHNGOV"], "2008-11-07", "Los Angeles"), ("PROTEST", [], "2008-11-07", "Los Angeles"),
        ("COERCE", ["USACVL"], "2008-11-07", "Los Angeles")]  # fmt: skip
    found = _events("Thousands rallied in Seoul to denounce the Japanese government.")
    assert [e[:3] for e in found] == [("PROTEST", ["KORCVL"], ["JPNGOV"])]  # what the rally is for, not a second event


def test_invitations_are_meetings_to_come(nlp):
    text = ("Hamas has been invited to meet with representatives of the South African government. Another invitation "
            "for talks with Hamas came from Venezuela.")
    found = _events(text, published="2006-03-02")
    assert [(e[0], e[1], e[2], e[5]) for e in found] == [
        ("CONSULT", ["PSEREB"], ["ZAFGOV"], "future"), ("CONSULT", ["VEN"], ["PSEREB"], "future")]  # fmt: skip
    assert extract("Russia invited Hamas for talks.").events[0].plover_type == "AGREE"


def test_speakers_for_groups_and_who_says_more(nlp):
    text = ("Leading Hamas figure Mohammed Nazzal told reporters, \"Carter suggested a truce.\" He added, \"We will "
            "accept a truce.\" Exiled Hamas leader Khaled Meshaal met Carter in Damascus despite criticism from Israel.")
    article = extract(text, published="2008-04-19")
    names = {a.id: a for a in article.actors}
    assert {a.name: a.code for a in article.actors}["Khaled Meshaal"] == "PSEREB"
    assert names[article.quotes[1].speaker].name == "Mohammed Nazzal"  # not Carter, in the quote before
    found = _events(text, published="2008-04-19")
    assert found[-1][:3] == ("ACCUSE", ["ISR"], ["PSEREB"])  # criticism of whoever met
    found = _events("Israeli Deputy Prime Minister Eli Yishai said, \"I am ready to meet with Hamas.\"", published="2008-04-19")
    assert found[0][1:3] == (["ISRGOV"], ["PSEREB"]) and found[0][5] == "hypothetical"
    found = _events("Israel released prisoners. Hamas announced that it will continue its ceasefire.", published="2008-04-19")
    assert found[-1][:2] == ("RETREAT", ["PSEREB"])  # "it" is Hamas


def test_pressure_conditions_habits_and_charges(nlp):
    found = _events("Russia has put Hamas under pressure to recognize Israel.")
    assert [e[:3] for e in found] == [("REQUEST", ["RUS"], ["PSEREB"])]  # what it is to do is no event
    found = _events("Obama said they should only sit down with Hamas if Hamas renounces terrorism and recognizes Israel.")
    assert "SUPPORT" not in [e[0] for e in found]  # a condition
    assert _events("Hamas is notorious for using the tactic of suicide bombing against Israel.") == []
    found = _events("Bush said that he believes the government of Iran is supporting extremism.", published="2008-01-13")
    assert [e[:3] for e in found] == [("ACCUSE", ["USAGOV"], ["IRNGOV"])]


def test_datelines_numbers_and_towns_in_regions(nlp):
    text = "China Sixteen policemen were killed by unidentified assailants in Kashgar, in the Xinjiang region of China."
    article = extract(text, published="2008-08-04")
    assert "China Sixteen" not in {a.name for a in article.actors}
    assert [e[4] for e in _events(text, published="2008-08-04")] == ["Kashgar"]
    times = extract("The ships clashed for about 45-minutes on Friday.", published="2008-08-04").times
    assert [t.value for t in times] == ["PT45M", "2008-08-01"]


def test_disrupting_and_evicting(nlp):
    text = "Greenpeace activists tried to disrupt the Japanese whaling fleet. They asked the whalers to stop whaling."
    found = _events(text, published="2008-01-13")
    assert [e[:3] for e in found] == [("PROTEST", ["NGOGRP"], ["JPNBUS"]), ("REQUEST", ["NGOGRP"], ["JPNBUS"])]
    assert _events("The US market is being disrupted by imports.") == []
    assert [e[:2] for e in _events("Police evicted the squatters from the house in Leuven.")] == [("COERCE", ["BELCOP"])]


def test_offices_named_by_title_alone_and_bodies_of_unknown_sector(nlp):
    text = "Police raided a house in Leuven, Belgium. A protester criticised the town mayor. The Prime Minister condemned the raid."
    found = _events(text, published="2007-06-23")
    assert [e[:3] for e in found[1:]] == [("ACCUSE", ["BELCVL"], ["BELGOV"]), ("ACCUSE", ["BELGOV"], [])]
    codes = {a.name: a.code for a in extract("Members of the Brazilian Landless Workers Movement marched.").actors}
    assert codes["Brazilian Landless Workers Movement"] is None  # Brazilian, but not the Brazilian state
    found = _events("NATO's backing of a missile defense system in Poland has been condemned by Putin.", published="2008-04-03")
    assert found[0][4] is None  # what is condemned is in Poland, not the condemning


def test_warnings_of_dangers_needs_and_dates_of_other_clauses(nlp):
    assert _events("The government has repeatedly warned of unrest before the Olympics.") == []
    assert [e[:3] for e in _events("Iran warned of retaliation against Israel.")] == [("THREATEN", ["IRN"], ["ISR"])]
    assert _events("Smol lamented the need for scientists to protest.")[0][5] == "hypothetical"
    text = "Citing actions taken by the government since winning the election in 2006, scientists called on the leaders to act."
    assert _events(text, published="2008-10-13")[0][3] == "2008-10-13"  # not 2006, the winning's year


def test_questions_tell_no_events(nlp):
    found = _events("Sheehan wanted to ask him, \"Why did you kill my son?\" Did Iran attack Israel? Iran attacked Israel.")
    assert [e[:3] for e in found] == [("ASSAULT", ["IRN"], ["ISR"])]


def test_sharper_rules_from_audit_q(nlp):
    text = "Nunes and Coco were on a motorcycle in Cabixi, a farm known as Noroeste, when they were allegedly attacked."
    assert [e[0] for e in _events(text, published="2004-12-04")] == ["ASSAULT"]  # "known as" is no habit
    assert _events("Cuba will negotiate as long as the US accepts its terms.")[-1][0] == "CONSULT"  # the condition is no event
    found = _events("Cindy Sheehan led a protest march of nearly 50 people in Crawford.", published="2005-08-07")
    assert [e[0] for e in found] == ["PROTEST"]  # "protest march" is one march
    names = {a.name for a in extract("Fidel Castro spoke. Raul Castro met Lula. Ms Sgrena and Giuliana Sgrena.").actors}
    assert {"Fidel Castro", "Raul Castro"} <= names and "Ms Sgrena" not in names


def test_denials_threats_in_quotes_and_beliefs_that_demand(nlp):
    found = _events("Iranian officials deny that they are supplying weapons to Iraqi militias.", published="2007-04-26")
    assert [(e[0], e[1], e[5]) for e in found] == [("REJECT", ["IRNGOV"], "asserted"), ("AID", ["IRNGOV"], "negated")]
    text = "\"We will continue to strike Hamas with full strength,\" Prime Minister Ehud Olmert said."
    assert [e[:3] for e in _events(text, published="2009-01-12")] == [("THREATEN", ["ISRGOV"], ["PSEREB"])]
    text = "Senators said they believe President Bush should meet with the families."
    assert [e[:3] for e in _events(text, published="2005-08-07")] == [("REQUEST", ["USALEG"], ["USAGOV"])]


def test_a_meeting_told_again_by_the_parties_or_the_delegation(nlp):
    text = ("Romanian President Traian Basescu met a delegation of European Parliament members in Bucharest on Monday. "
            "The parties discussed the country's accession to the EU. The delegation also discussed with Basescu the "
            "reform of the judiciary.")
    assert [e[:3] for e in _events(text, published="2006-04-10")] == [("CONSULT", ["ROUGOV"], ["IGOEU"])]


def test_a_known_body_named_in_full_with_its_abbreviation(nlp):
    text = "The International Labor Office (ILO) reiterated its demand that Israel ease restrictions."
    assert [a.code for a in extract(text).actors][0] == "IGOUNOILO"  # not an Israeli office
