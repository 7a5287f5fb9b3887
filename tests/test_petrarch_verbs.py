"""PETRARCH verb dictionaries: reading the format, choosing a pattern, and coding events with them."""

from __future__ import annotations

import pytest

from eventwire import Settings, extract
from eventwire.petrarch_verbs import read_verbs, regular_forms

# Written for these tests in the PETRARCH verb dictionary format.
VERBS = """# a comment line
<!-- a block comment
   over two lines -->
--- HOLD [---] ---
HOLD {HOLDS HELD HOLDING}
- * &TALKS WITH [040]
- * &TALKS [043]
- * A_RALLY [141]

--- MEET [040:040] ---
MEET {MEETS MET MEETING}
+MEET_WITH {+MET_WITH}

--- URGE [102] ---
URGE
- SAID * [010]

--- DELAY [120] ---
DELAY
- % HAVE * [191]

--- PROTEST [140] ---
PROTEST
- + * WITH $ [1411]

--- BROKEN ---
- * NOTHING [999]

&TALKS
# a comment inside the set
+TALKS
+NEGOTIATIONS
+&FORMAL_TALKS

&FORMAL_TALKS
+FORMAL_DIALOGUE
"""

ACTORS = "ZEMBLA [ZEM]\nFREEDONIA [FRE]\nSYLDAVIA [SYL]\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lexicon")
    (folder / "Test.verbs.txt").write_text(VERBS, encoding="utf-8")
    (folder / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    return folder


def test_reading(folder):
    found = read_verbs(folder / "Test.verbs.txt")
    assert found.problems == [f"{folder}/Test.verbs.txt:26: a block header is --- NAME [CODE] ---",
                              f"{folder}/Test.verbs.txt:27: a pattern with no verb before it"]  # fmt: skip
    hold = found.forms["HELD"][0]
    assert hold.verb == "HOLD" and hold.code == "---"
    # a set used before it is defined, with a nested set and a comment among its members
    assert hold.patterns[0].after == ((("talks",), ("negotiations",), ("formal", "dialogue")), (("with",),))
    assert [e.after for e in found.forms["MET"]] == [("WITH",), ()]  # the multi-word verb is tried first
    assert regular_forms("URGE") == {"URGE", "URGES", "URGED", "URGING"}
    assert regular_forms("CARRY") == {"CARRY", "CARRIES", "CARRIED", "CARRYING"}


def _codings(text, folder):
    article = extract(text, published="1999-01-02", settings=Settings(lexicon_dir=str(folder)))
    codes = {a.id: a.code for a in article.actors}
    return [(e.type, e.cameo, [codes[i] for i in e.source], [codes[i] for i in e.target], e.rule) for e in article.events]


def test_the_longest_matching_pattern_codes_the_verb(folder):
    assert _codings("Zembla held talks with Freedonia on Friday.", folder) == [
        ("CONSULT", "040", ["ZEM"], ["FRE"], "PETRARCH - * &TALKS WITH [040] (VERB)")]  # fmt: skip
    assert _codings("Zembla held formal dialogue in Freedonia.", folder)[0][:2] == ("CONSULT", "043")


def test_defaults_reciprocal_codes_and_no_event(folder):
    assert _codings("Zembla met Freedonia on Friday.", folder) == [
        ("CONSULT", "040", ["ZEM"], ["FRE"], "PETRARCH MEET (default) (VERB)"),
        ("CONSULT", "040", ["FRE"], ["ZEM"], "PETRARCH MEET (default) (VERB)"),
    ]
    # "[---]" and a CAMEO statement (01) give no event, and the lexicon's own "hold" rules stay out
    assert _codings("Zembla held a ceremony for Freedonia.", folder) == []
    assert _codings("Zembla urged Freedonia to act.", folder) == [
        ("REQUEST", "102", ["ZEM"], ["FRE"], "PETRARCH URGE (default) (VERB)")]  # fmt: skip
    assert _codings("Zembla said it urged Freedonia to act.", folder) == []  # "- SAID * [010]": a statement


def test_a_compound_pattern_codes_the_members_toward_each_other(folder):
    assert [c[:4] for c in _codings("Zembla and Freedonia have delayed the vote.", folder)] == [
        ("COERCE", "191", ["ZEM"], ["FRE"]), ("COERCE", "191", ["FRE"], ["ZEM"])]  # fmt: skip
    assert [c[:4] for c in _codings("Zembla delayed the vote with Freedonia.", folder)] == [("REJECT", "120", ["ZEM"], ["FRE"])]


def test_markers_say_where_source_and_target_are(folder):
    pattern = read_verbs(folder / "Test.verbs.txt").forms["PROTESTED"][0].patterns[0]
    assert pattern.before == ("+",) and pattern.after == ((("with",),), "$") and pattern.size == 1
    # "+ * WITH $": the actor before the verb is the target, the one after "with" the source,
    # where the parse alone would say the opposite
    assert [c[:4] for c in _codings("Zembla protested with Freedonia on Friday.", folder)] == [("PROTEST", "1411", ["FRE"], ["ZEM"])]
    # no actor where "$" points: the pattern does not apply, and the block's default code does
    assert [c[:4] for c in _codings("Zembla protested with vigour on Friday.", folder)] == [("PROTEST", "140", ["ZEM"], [])]


def test_a_dictionary_verb_takes_the_first_actor_after_it_as_target(folder):
    # PETRARCH's own rule, where the parse gives no target; coordinated actors are each a target
    assert [c[:4] for c in _codings("Zembla urged action with respect to Freedonia and Syldavia.", folder)] == [
        ("REQUEST", "102", ["ZEM"], ["FRE", "SYL"])]  # fmt: skip
