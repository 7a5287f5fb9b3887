"""Reading PETRARCH/TABARI verb dictionaries (``*.verbs.txt`` in the lexicon folder), so CAMEO verb
patterns written for PETRARCH code events here too.

The format, as far as it is read:

- ``&NAME`` starts a synonym set; its ``+WORD`` lines (``_`` joins words) are the set's members, and a
  member may name another set.
- ``--- NAME [CODE] ---`` starts a verb block; ``CODE`` is the block's default CAMEO code.
- Verb lines: ``WORD [CODE] {FORM FORM}``: a verb of the block, its own default code, and irregular
  forms (regular ones, -s -ed -ing, are added). ``+MEET_WITH`` is a verb with a particle after it;
  ``A_B_+C`` one with words before it.
- Pattern lines: ``- WORDS * WORDS [CODE]``: words before (``*`` is the verb) and after the verb, in
  order. ``&NAME`` matches any member of a set. ``$`` and ``+`` mark where the source and the target
  are: the first actor between the words around the marker is taken (``+ * IN $``: the target before
  the verb, the source after "in"), and a pattern whose marker has no actor there does not apply;
  without markers, source and target come from the parse. ``%`` (a
  compound subject whose members act on each other) is handled by the event stage, ``^`` is ignored. ``[AAA:BBB]`` codes the target's reciprocal action too; ``[---]`` and codes that are not
  CAMEO (``[+++]``) mean "no event".

How a verb is coded: of its patterns, the one with the most words all found in the sentence (before
the verb, then after it, in order) gives the code; none found, the verb's or block's default.
Unreadable lines are reported as ``file:line: reason`` and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from .petrarch import _lines

MARKERS = frozenset({"$", "+", "%", "^"})
HEADER = re.compile(r"^---\s*(.+?)\s*\[([^\]]*)\]")  # the closing --- may sit after a comment
CODE = re.compile(r"\[([^\]]*)\]")
FORMS = re.compile(r"\{([^}]*)\}")


Slot = tuple[tuple[str, ...], ...] | str  # a word's alternatives (each a word sequence), or "$" / "+"
Positions = dict[str, tuple[int, int]]  # "$" / "+" -> the token range [start, end) the actor is in


@dataclass(frozen=True)
class Pattern:
    before: tuple[Slot, ...]
    after: tuple[Slot, ...]
    code: str  # CAMEO code as written, "AAA" or "AAA:BBB"
    text: str  # the line, for the event's ``rule``

    @property
    def size(self) -> int:
        return sum(not isinstance(slot, str) for slot in self.before + self.after)


@dataclass
class VerbEntry:
    verb: str  # upper case
    before: tuple[str, ...] = ()  # words of a multi-word verb before it ("A_B_+C")
    after: tuple[str, ...] = ()  # and after it ("+MEET_WITH")
    code: str = ""
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """Verb entries by form (upper case): each form lists the entries it may be."""

    forms: dict[str, list[VerbEntry]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def code(self, verb: Token, filled=lambda start, end: True) -> tuple[str, str, list[Token], Positions] | None:
        """``(code, rule text, matched tokens, source/target positions)`` for a verb token with an entry,
        else None. A pattern with ``$`` or ``+`` applies only where ``filled(start, end)`` says an actor is."""
        sentence = verb.sent
        for key in (verb.text.upper(), verb.lemma_.upper()):
            for entry in self.forms.get(key, ()):
                words = _around(verb, sentence, entry.before, entry.after)
                if words is None:
                    continue
                best = None
                for pattern in entry.patterns:
                    matched = _match(verb, sentence, pattern)
                    if matched is not None and not all(filled(*span) for span in matched[1].values()):
                        continue
                    if matched is not None and (best is None or pattern.size > best[0].size):
                        best = (pattern, matched)
                if best:
                    return best[0].code, best[0].text, [verb] + words + best[1][0], best[1][1]
                return entry.code, f"{entry.verb} (default)", [verb] + words, {}
        return None


def regular_forms(verb: str) -> set[str]:
    """The verb and its regular -s, -ed, -ing forms (upper case)."""
    stem = verb[:-1] if verb.endswith("E") else verb
    third = verb + ("ES" if verb.endswith(("S", "SH", "CH", "X", "Z", "O")) else "S")
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        return {verb, verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING"}
    return {verb, third, stem + "ED", stem + "ING"}


def read_verbs(path: str | Path) -> VerbDictionary:
    """One verb dictionary file."""
    path = Path(path)
    found = VerbDictionary()
    lines = [(number, text.strip()) for number, text in _lines(path)]
    synsets: dict[str, list[str]] = {}
    current_set: str | None = None
    for _, line in lines:  # sets first: a pattern may use one defined further down
        if line.startswith("&"):
            current_set = line.split()[0]
            synsets[current_set] = []
        elif line.startswith("+") and current_set is not None:
            synsets[current_set].append(line[1:].split()[0])
        elif line:
            current_set = None
    block_code = ""
    block: list[VerbEntry] = []
    in_set = False
    for number, line in lines:
        if not line:
            continue
        try:
            if line.startswith("&"):
                in_set = True
            elif line.startswith("+") and in_set:
                pass
            elif line.startswith("---"):
                header = HEADER.match(line)
                if not header:
                    block = []  # its verbs and patterns are skipped, not added to the block before
                    raise ValueError("a block header is --- NAME [CODE] ---")
                block_code, block, in_set = header.group(2).strip(), [], False
            elif line.startswith("-"):
                in_set = False
                if not block:
                    raise ValueError("a pattern with no verb before it")
                codes = CODE.findall(line)
                if not codes:
                    raise ValueError("a pattern with no [CODE]")
                words = CODE.split(line[1:], maxsplit=1)[0].split()
                pattern = _pattern(words, codes[0].strip(), synsets, line)
                for entry in block:
                    entry.patterns.append(pattern)
            else:
                in_set = False
                entry = _verb_line(line, block_code)
                block.append(entry)
                irregular = FORMS.search(line)
                forms = {f.lstrip("+").split("_")[0] for f in irregular.group(1).split()} if irregular else set()
                for form in forms | regular_forms(entry.verb):
                    found.forms.setdefault(form, []).append(entry)
        except ValueError as error:
            found.problems.append(f"{path}:{number}: {error}")
    for entries in found.forms.values():  # a multi-word verb is tried before the bare verb
        entries.sort(key=lambda e: -(len(e.before) + len(e.after)))
    return found


def _verb_line(line: str, block_code: str) -> VerbEntry:
    head = FORMS.sub("", CODE.sub("", line)).split()
    if not head:
        raise ValueError("an empty verb line")
    words = head[0].split("_")
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    codes = CODE.findall(line)
    return VerbEntry(words[marked], tuple(words[:marked]), tuple(w for w in words[marked + 1 :] if w),
                     codes[0].strip() if codes else block_code)  # fmt: skip


def _pattern(words: list[str], code: str, synsets: dict[str, list[str]], text: str) -> Pattern:
    if "*" not in " ".join(words).replace("_", " ").split():
        raise ValueError("a pattern with no * for the verb")
    slots: list[list[Slot]] = [[], []]
    side = 0
    for word in " ".join(words).replace("_", " ").split():
        if word == "*":
            side = 1
        elif word in ("$", "+"):
            slots[side].append(word)
        elif word not in MARKERS:
            slots[side].append(_alternatives(word, synsets))
    return Pattern(tuple(slots[0]), tuple(slots[1]), code, text.strip())


def _alternatives(word: str, synsets: dict[str, list[str]], depth: int = 0) -> tuple[tuple[str, ...], ...]:
    if not word.startswith("&"):
        return ((word.lower(),),)
    members = synsets.get(word) or synsets.get(word.rstrip("_")) or synsets.get(word + "_")
    if members is None or depth > 3:
        raise ValueError(f"unknown synonym set {word}")
    found: list[tuple[str, ...]] = []
    for member in members:
        if member.startswith("&"):
            found += _alternatives(member, synsets, depth + 1)
        else:
            found.append(tuple(w.lower() for w in member.split("_") if w))
    return tuple(found)


def _is(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _around(verb: Token, sentence, before: tuple[str, ...], after: tuple[str, ...]) -> list[Token] | None:
    """The tokens of a multi-word verb's other words, right next to it, or None if absent."""
    doc = verb.doc
    start, end = verb.i - len(before), verb.i + 1 + len(after)
    if start < sentence.start or end > sentence.end:
        return None
    tokens = [doc[i] for i in range(start, verb.i)] + [doc[i] for i in range(verb.i + 1, end)]
    if all(_is(t, w.lower()) for t, w in zip(tokens, before + after)):
        return tokens
    return None


def _match(verb: Token, sentence, pattern: Pattern) -> tuple[list[Token], Positions] | None:
    """The tokens matching a pattern's words, before and after the verb in order, and the ranges its
    ``$`` and ``+`` markers stand for; None when a word is missing."""
    doc = verb.doc
    matched: list[Token] = []
    positions: Positions = {}
    position = verb.i + 1
    open_marker: str | None = None
    for slot in pattern.after:
        if isinstance(slot, str):
            open_marker = slot
            marker_start = position
            continue
        found = _find(doc, slot, position, sentence.end)
        if found is None:
            return None
        if open_marker:
            positions[open_marker], open_marker = (marker_start, found[0].i), None
        matched += found
        position = found[-1].i + 1
    if open_marker:
        positions[open_marker], open_marker = (marker_start, sentence.end), None
    position = verb.i - 1
    for slot in reversed(pattern.before):  # nearest first, going back
        if isinstance(slot, str):
            open_marker = slot
            marker_end = position + 1
            continue
        found = _find_back(doc, slot, sentence.start, position)
        if found is None:
            return None
        if open_marker:
            positions[open_marker], open_marker = (found[-1].i + 1, marker_end), None
        matched += found
        position = found[0].i - 1
    if open_marker:
        positions[open_marker] = (sentence.start, marker_end)
    return matched, positions


def _find(doc, slot, start: int, end: int) -> list[Token] | None:
    for i in range(start, end):
        for words in slot:
            if i + len(words) <= end and all(_is(doc[i + k], w) for k, w in enumerate(words)):
                return [doc[i + k] for k in range(len(words))]
    return None


def _find_back(doc, slot, start: int, last: int) -> list[Token] | None:
    for i in range(last, start - 1, -1):
        for words in slot:
            first = i - len(words) + 1
            if first >= start and all(_is(doc[first + k], w) for k, w in enumerate(words)):
                return [doc[first + k] for k in range(len(words))]
    return None


def read_folder(folder: str | Path | None) -> VerbDictionary:
    """Every ``*.verbs.txt`` in ``folder``, merged in file-name order (an earlier file's entries first)."""
    merged = VerbDictionary()
    if not folder:
        return merged
    for path in sorted(Path(folder).glob("*.verbs.txt")):
        found = read_verbs(path)
        for form, entries in found.forms.items():
            merged.forms.setdefault(form, []).extend(entries)
        merged.problems += found.problems
    return merged
