"""Reading PETRARCH/TABARI actor and agent dictionaries, so existing coding dictionaries can be reused.

An actor dictionary lists names (words joined by ``_``, synonyms on ``+`` lines or stacked name
lines) and CAMEO codes, either on the name's line (``ISRAEL [ISR]``) or on indented lines below, where a code may carry a
date restriction: ``[USAGOV 090120-170120]`` (between), ``[IGOUNO >070101]`` (after),
``[AFGELI <780427]`` (before). Six-digit dates are YYMMDD with YY 00-30 read as 20YY (the TABARI
rule), eight-digit dates YYYYMMDD. ``code_on`` picks the code in force on an article's date.

An agent dictionary maps role nouns to sector codes (``FOREIGN_MINISTER [~GOVFRM]``), with
``!MACRO! = A, B`` substitutions and ``{PLURAL}`` forms.

Problems in a file (a malformed date, a code line with no name) do not stop the reading: each is
reported as ``file:line: reason`` in the returned ``problems`` and the line is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Codes whose first three letters are not a country: international and transnational actors.
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT"})
COMMENT = re.compile(r"<!--.*?-->|#.*$")
OPEN_COMMENT = re.compile(r"<!--(?!.*?-->).*$")
CODE = re.compile(r"\[([^\]]*)\]")
RESTRICTION = re.compile(r"^([A-Za-z0-9~/+-]+?)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$")


@dataclass(frozen=True)
class DatedCode:
    """A CAMEO code, in force from ``start`` to ``end`` (inclusive; None = unbounded)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class ActorEntry:
    """One dictionary entry: its names (lower case, words separated by spaces) and codes."""

    names: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)


class DictionaryProblem(ValueError):
    """A line of a dictionary that cannot be read."""


def parse_date(text: str) -> date:
    """A date of a restriction: YYMMDD (YY 00-30 is 20YY) or YYYYMMDD."""
    if len(text) <= 7:
        if len(text) != 6:
            raise DictionaryProblem(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        if len(text) != 8:
            raise DictionaryProblem(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as error:
        raise DictionaryProblem(f"date {text!r}: {error}") from None


def parse_code(text: str) -> DatedCode:
    """``USAGOV``, ``USAGOV 090120-170120``, ``IGOUNO >070101`` -> DatedCode."""
    found = RESTRICTION.match(text.strip())
    if not found:
        raise DictionaryProblem(f"code {text.strip()!r} is not CODE, CODE <date, CODE >date or CODE date-date")
    code, sign, single, first, last = found.groups()
    if sign == "<":
        return DatedCode(code, None, parse_date(single))
    if sign == ">":
        return DatedCode(code, parse_date(single), None)
    if first:
        return DatedCode(code, parse_date(first), parse_date(last))
    return DatedCode(code)


def phrase(raw: str) -> str:
    """A dictionary phrase as text: ``SECRETARY-GENERAL_BAN_KI-MOON_`` -> ``secretary-general ban ki-moon``."""
    return " ".join(raw.replace("_", " ").split()).lower()


def read_actors(path: str | Path) -> tuple[list[ActorEntry], list[str]]:
    """The entries of an actor dictionary, and the problems met while reading it."""
    path = Path(path)
    entries: list[ActorEntry] = []
    problems: list[str] = []
    current: ActorEntry | None = None
    for number, text in _lines(path):
        text = text.rstrip()
        if not text.strip():
            continue
        try:
            if text[0] in " \t" or text.lstrip().startswith("["):  # code lines of the entry above
                if current is None:
                    raise DictionaryProblem("a code with no name before it")
                current.codes += [parse_code(c) for c in CODE.findall(text)]
                continue
            name, _, rest = text.partition("[")
            if name.startswith("+"):
                if current is None:
                    raise DictionaryProblem("a synonym with no entry before it")
                current.names.append(phrase(name[1:]))
                continue
            if current is not None and not current.codes:  # names stacked above one code block share it
                current.names.append(phrase(name))
            else:
                current = ActorEntry([phrase(name)])
                entries.append(current)
            if rest:
                current.codes += [parse_code(c) for c in CODE.findall("[" + rest)]
        except DictionaryProblem as problem:
            problems.append(f"{path}:{number}: {problem}")
    kept = [e for e in entries if e.codes and any(e.names)]
    problems += [f"{path}: entry {e.names[0]!r} has no code" for e in entries if not e.codes and e.names and e.names[0]]
    return kept, problems


def read_agents(path: str | Path) -> tuple[dict[str, str], list[str]]:
    """Role noun -> agent code of an agent dictionary, and problems: ``foreign minister`` -> ``GOVFRM``
    (written after the country: ARNGOVFRM), ``MSF`` -> ``NGO~`` (written before it: NGOARN)."""
    path = Path(path)
    macros: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    problems: list[str] = []
    for number, text in _lines(path):
        text = text.strip()
        if not text:
            continue
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", text)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        found = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~[A-Za-z]+|[A-Za-z]+~)\s*\]$", text)
        if not found:
            problems.append(f"{path}:{number}: not NOUN [~CODE], NOUN [CODE~] or NOUN {{PLURAL}} [~CODE]")
            continue
        noun, plural, code = found.groups()
        code = code.upper().lstrip("~")  # "~GOVFRM" follows the country (ARNGOVFRM); "NGO~" keeps its "~" and goes before it
        forms = [noun] + ([plural] if plural else [])
        if plural is None and "!" not in noun:  # TABARI adds a regular plural unless {} says otherwise
            forms.append(noun + ("ES" if noun.endswith(("S", "SH", "CH", "X")) else "S"))
        for form in forms:
            for expanded in _expand(form, macros):
                agents.setdefault(phrase(expanded), code)
    return agents, problems


def _lines(path: Path):
    """(line number, text without comments), across ``<!-- -->`` comments that span lines."""
    in_comment = False
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        line = COMMENT.sub("", line)
        if OPEN_COMMENT.search(line):
            line, in_comment = OPEN_COMMENT.sub("", line), True
        yield number, line


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    name = next((m for m in macros if m in form), None)
    if name is None:
        return [form]
    return [e for value in macros[name] for e in _expand(form.replace(name, value, 1), macros)]


def code_on(codes: list[DatedCode], day: date | None) -> str | None:
    """The code in force on ``day``: a dated code that applies, else the undated one.

    Without a date, the undated code; failing that, the most recent dated one.
    """
    if day is not None:
        for code in codes:
            if code.dated and code.applies(day):
                return code.code
    undated = [c for c in codes if not c.dated]
    if undated:
        return undated[0].code
    if day is None and codes:
        return max(codes, key=lambda c: c.end or date.max).code
    return None


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: ``USAGOV`` -> (USA, GOV), ``IGOUNO`` -> (None, IGO)."""
    code = code.upper().split("/")[0].strip("~-")
    head, rest = code[:3], code[3:6] or None
    if head in NON_STATE_PREFIXES:
        return None, head
    if len(head) < 3:
        return None, None
    return head, rest


@dataclass
class Dictionaries:
    """The PETRARCH dictionaries of a lexicon folder: ``*.actors.txt`` and ``*.agents.txt`` files."""

    actors: list[ActorEntry] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_folder(folder: str | Path | None) -> Dictionaries:
    """Every PETRARCH actor and agent dictionary in ``folder`` (sorted by file name)."""
    found = Dictionaries()
    if not folder:
        return found
    for path in sorted(Path(folder).glob("*.actors.txt")):
        entries, problems = read_actors(path)
        found.actors += entries
        found.problems += problems
    for path in sorted(Path(folder).glob("*.agents.txt")):
        agents, problems = read_agents(path)
        for noun, code in agents.items():
            found.agents.setdefault(noun, code)
        found.problems += problems
    return found
