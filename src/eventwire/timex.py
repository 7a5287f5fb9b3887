"""Normalize temporal expressions to TIMEX3 values against an anchor (the publication date).

Deterministic: nothing here reads the machine's clock. Without an anchor, relative expressions
stay unresolved (``XXXX-04-10``, ``PAST_REF``). What the grammar covers is listed in docs/times.md;
absolute dates in formats it does not know are handed to dateparser.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}  # fmt: skip
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}  # fmt: skip
NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "several": None, "a few": None, "few": None, "many": None})
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "0Y", "century": "00Y"}
# Holidays with a fixed date (month, day) or a rule (month, (weekday, n-th)): US news dates by them.
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
            "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
            "thanksgiving": (11, (3, 4)), "thanksgiving day": (11, (3, 4))}  # fmt: skip
DECADE_WORDS = {w: i for i, w in enumerate("twenties thirties forties fifties sixties seventies eighties nineties".split(), 2)}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

_NUM = r"(\d+|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|many)"
_UNIT = r"(second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?"
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|'\d{2})"
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


@dataclass(frozen=True)
class Timex:
    type: str  # DATE, TIME, DURATION, SET
    value: str


class Context:
    """What a normalization may lean on: the anchor, the clause's tense, the last date mentioned."""

    def __init__(self, anchor: date | None, tense: str | None = None, previous: date | None = None,
                 quarter: str | None = None):  # fmt: skip
        self.anchor = anchor
        self.tense = tense  # "past", "future" or None
        self.previous = previous  # the last full date the text mentioned, for "the next day"
        self.quarter = quarter  # the quarter the text is about ("2024-Q3") when the last expression named one


def parse_anchor(value: str | None) -> date | None:
    """``YYYY-MM-DD`` to a date (None passes through); raises ValueError naming the bad value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _year(raw: str) -> int:
    """Four digits, or 'YY (a two-digit year means the nearest century: '98 -> 1998, '24 -> 2024)."""
    if raw.startswith("'"):
        two = int(raw[1:])
        return 2000 + two if two <= 50 else 1900 + two
    return int(raw)


def _number(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else NUMBERS.get(raw)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _ymd(day: date) -> str:
    return day.isoformat()


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year of a month (and day) given without one: by tense, else the nearest to the anchor."""
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    if day is not None and day <= monthrange(2024, month)[1]:  # within two months either way, the nearest wins
        near = [d for year in (a.year - 1, a.year, a.year + 1) if (d := _safe_date(year, month, day))]
        nearest = min(near, key=lambda d: abs((d - a).days))
        against = ctx.tense == "future" and (a - nearest).days > 7  # "is hosting the summit from May 10" on May 11: written the day before
        if abs((nearest - a).days) <= 60 and not against:
            return nearest.year
    same = (month, day or 1) if day else (month, 1)
    now = (a.month, a.day) if day else (a.month, 1)
    if ctx.tense == "future":
        return a.year if same >= now else a.year + 1
    if ctx.tense == "past":
        return a.year if same <= now else a.year - 1
    delta = month - a.month
    if delta > 6:
        return a.year - 1
    if delta < -6:
        return a.year + 1
    return a.year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_value(year: int | None, month: int, day: int | None) -> str | None:
    if day is not None:
        if year is not None:
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None  # "February 30"
        if day > monthrange(2024, month)[1]:  # 2024 is a leap year: the widest month lengths
            return None
        return f"XXXX-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"


def _weekday(name: str, modifier: str | None, ctx: Context) -> str:
    if ctx.anchor is None:
        return f"XXXX-WXX-{WEEKDAYS[name] + 1}"
    a = ctx.anchor
    target = WEEKDAYS[name]
    back = (a.weekday() - target) % 7
    ahead = (target - a.weekday()) % 7
    if modifier == "last":
        day = a - timedelta(days=back or 7)
    elif modifier == "next":
        day = a + timedelta(days=ahead or 7)
    elif modifier == "this":
        day = a + timedelta(days=ahead) if ctx.tense == "future" else a - timedelta(days=back)
    elif ctx.tense == "future" or ctx.tense is None and ahead < back:
        day = a + timedelta(days=ahead)  # planned, or (with no tense to go by) nearer ahead than behind
    else:  # "met on Monday": the last Monday up to today
        day = a - timedelta(days=back)
    return _ymd(day)


def is_holiday(text: str) -> bool:
    """Whether ``text`` names a holiday the normalizer dates (the model may tag one as an EVENT)."""
    return re.sub(r"^(?:on|at|by|before|after|until|since)?\s*(?:the\s+)?", "", " ".join(text.lower().replace("’", "'").split())) in HOLIDAYS


def _holiday(name: str, ctx: Context) -> Timex:
    """A holiday's date in the year the tense points to ("Christmas", "Thanksgiving Day")."""
    month, rule = HOLIDAYS[name]
    if isinstance(rule, int):
        day_of = lambda year: rule  # noqa: E731
    else:  # (weekday, n): the n-th such weekday of the month
        weekday, nth = rule
        day_of = lambda year: 1 + (weekday - date(year, month, 1).weekday()) % 7 + 7 * (nth - 1)  # noqa: E731
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}-{rule:02d}" if isinstance(rule, int) else f"XXXX-{month:02d}")
    year = _pick_year(month, day_of(ctx.anchor.year), ctx)
    return Timex("DATE", date(year, month, day_of(year)).isoformat())


def _relative(unit: str, amount: int, base: date | None) -> str:
    """A point ``amount`` units away from ``base`` at the unit's granularity."""
    if base is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    if unit == "day":
        return _ymd(base + timedelta(days=amount))
    if unit == "week":
        return _week(base + timedelta(weeks=amount))
    if unit == "month":
        year, month = _shift_months(base, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "year":
        return f"{base.year + amount:04d}"
    if unit == "decade":
        return f"{(base.year + 10 * amount) // 10:03d}"
    return _ymd(base)


_UNITS_WORDS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SPELLED = {**{w: i for i, w in enumerate(_UNITS_WORDS)}, **{w: 10 + i for i, w in enumerate(_TEENS)},
           **{w: 20 + 10 * i for i, w in enumerate(_TENS)}}  # fmt: skip
_UNITS_RE, _TEENS_RE, _TENS_RE = ("|".join(words) for words in (_UNITS_WORDS[1:], _TEENS, _TENS))
_TENS_UNITS = rf"(?:{_TENS_RE})(?:[- ](?:{_UNITS_RE}))?"  # "twenty", "twenty-four"
_SMALL = rf"(?:{_TENS_UNITS}|{_TEENS_RE}|{_UNITS_RE})"


def _spelled(words: str) -> int:
    """ "twenty-four" -> 24 (words matching ``_SMALL``)."""
    return sum(SPELLED[w] for w in re.split(r"[- ]", words))


def _digits(t: str) -> str:
    """Numbers written in words as digits: "twenty years", "nineteen ninety-six", "the year two thousand",
    "a hundred years" (broadcast transcripts spell them out). "one" to "twelve" stay words when alone."""
    t = re.sub(rf"\b(nineteen|twenty) ((?:{_TENS_RE})(?:[- ]\w+)?|{_TEENS_RE})\b",
               lambda m: str(_spelled(m.group(1)) * 100 + _spelled(m.group(2))) if re.fullmatch(_SMALL, m.group(2)) else m.group(0),
               t)  # fmt: skip
    t = re.sub(rf"\btwo thousand(?:(?: and)? ({_SMALL}))?\b", lambda m: str(2000 + (_spelled(m.group(1)) if m.group(1) else 0)), t)
    t = re.sub(rf"\b(an?|{_SMALL}) hundred\b", lambda m: str(100 * (1 if m.group(1) in ("a", "an") else _spelled(m.group(1)))), t)
    return re.sub(rf"\b{_TENS_UNITS}\b|\b(?:{'|'.join(_TEENS[3:])})\b", lambda m: str(_spelled(m.group(0))), t)


def normalize(text: str, ctx: Context) -> Timex | None:
    """TIMEX3 type and value of a temporal expression, or None when it is not one (or not a real date)."""
    t = " ".join(text.lower().replace("’", "'").replace(",", " ").split())
    t = _digits(re.sub(r"'s$", "", t))  # "last year's"
    t = re.sub(r"^(?:on|in|at|by|since|from|until|till|during|for|before|after|of|around|about|between|early|late|mid-?)\s+", "", t)
    t = re.sub(r"^(?:over|nearly|almost|about|around|just|only|roughly|approximately|some|under|more than|less than|barely|"
               r"fewer than|at least|up to|as many as|as much as|as long as|as little as)\s+", "", t)  # "nearly five months": the amount
    t = re.sub(r"^(?:earlier|later|the day|during the day)(?: on)? (?=monday|tuesday|wednesday|thursday|friday|saturday|sunday)", "", t)
    if ctx.anchor is not None and (m := re.fullmatch(r"the (year|month|week)", t)):  # "the year": the current one
        return Timex("DATE", _relative(m.group(1), 0, ctx.anchor))
    t = re.sub(r"^(?:the|its|their|our|that)\s+(?:(?:early|late|mid-?)\s*(?=\d))?", "", t)  # "the late 1970s"
    t = re.sub(r"^mid-(?=\d)", "", t)  # "mid-2011"
    t = re.sub(r"^(?:earlier|later|early|late|mid) (today|tonight|this (?:morning|afternoon|evening|week|month|year)|morning|afternoon|evening)$",
               r"\1", t)  # fmt: skip
    a = ctx.anchor
    vague = _vague(t)
    if vague:
        return vague
    if t == "day" and (ctx.previous or a):  # "later in the day": the day being told about
        return Timex("DATE", _ymd(ctx.previous or a))
    if m := re.fullmatch(r"(?:earlier|later) in the (week|month|year)", t):  # "earlier in the week": the one being told about
        return Timex("DATE", _relative(m.group(1), 0, ctx.previous or a))
    if fiscal := _reported_period(t, ctx):
        return fiscal
    if re.search(r"-old$", t) or t in ("year", "month", "week", "quarter"):
        return None  # "a 6-year-old": an age; a bare "year" is no expression of time on its own
    if a is not None and t in ("year-end", "year end"):
        return Timex("DATE", f"{a.year:04d}-12-31")
    if m := re.fullmatch(r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ](year|month|week|day|hour|minute)s?(?:[- ]long)?", t):
        amount = _number(m.group(1))  # "five-year", "12-year-old", "48-hour", "45-minutes"
        code = UNITS[m.group(2)]
        return Timex("DURATION", f"PT{amount}{code}" if m.group(2) in ("hour", "minute") else f"P{amount}{code}")
    if quarter := _quarter(t, ctx):
        return quarter
    if m := re.fullmatch(r"(?:fiscal(?: year)?|year) (\d{4}|'\d{2})", t):  # "fiscal 1989": the year, as TimeML writes it
        return Timex("DATE", f"{_year(m.group(1)):04d}")
    if a is not None and t in ("fiscal year", "full year", "current fiscal year", "current year", "whole year"):
        return Timex("DATE", f"{a.year:04d}")
    if clock := _clock(t, ctx):
        return clock
    if season := _season(t, ctx):
        return season
    if t in ("annually", "yearly", "every year", "each year"):
        return Timex("SET", "P1Y")
    if t in ("weekend", "this weekend", "the weekend"):
        if a is None:
            return Timex("DATE", "XXXX-WXX-WE")
        return Timex("DATE", _week(a + timedelta(days=(5 - a.weekday()) % 7 if ctx.tense == "future" else -((a.weekday() + 2) % 7 or 7))) + "-WE")
    if m := re.fullmatch(rf"(last|next|this|coming|past)\s+{_MONTH}", t):  # "last September"
        which, month = m.group(1), MONTHS[m.group(2).rstrip(".")]
        tense = "past" if which in ("last", "past") else "future" if which in ("next", "coming") else ctx.tense
        year = _pick_year(month, None, Context(a, tense, ctx.previous)) if which != "this" else (a.year if a else None)
        if a is not None and which in ("last", "past") and month == a.month:
            year = a.year - 1
        return Timex("DATE", _date_value(year, month, None))
    if m := re.fullmatch(rf"{_MONTH} (?:of )?(this|last|next) year", t):  # "June last year"
        year = _year_of(f"{m.group(2)} year", ctx)
        return Timex("DATE", _date_value(year, MONTHS[m.group(1).rstrip(".")], None))
    if t in HOLIDAYS:
        return _holiday(t, ctx)
    if t in ("today", "this morning", "this afternoon", "this evening", "tonight", "this week", "this month", "this year",
             "yesterday", "tomorrow", "the day before yesterday", "day before yesterday"):  # fmt: skip
        return _deictic(t, a)
    if m := re.fullmatch(r"(last|next|this|coming|past)\s+(week|month|year|weekend)", t):
        which, unit = m.groups()
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[which]
        if unit == "weekend":
            return Timex("DATE", _relative("week", step, a) + "-WE" if a else "XXXX-WXX-WE")
        return Timex("DATE", _relative(unit, step, a))
    if m := re.fullmatch(rf"(?:(last|next|this|coming)\s+)?{_WEEKDAY}(?:\s+(morning|afternoon|evening|night))?", t):
        modifier, name, part = m.groups()
        value = _weekday(name, "next" if modifier == "coming" else modifier, ctx)
        return Timex("TIME", f"{value}T{PART_OF_DAY[part]}") if part else Timex("DATE", value)
    if m := re.fullmatch(rf"{_NUM}\s+{_UNIT}\s+(ago|later|earlier|before|after|from now|on)", t):
        amount, unit, direction = _number(m.group(1)), m.group(2).removesuffix("ie"), m.group(3)
        if amount is None:
            return Timex("DATE", "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF")
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        base = a if direction in ("ago", "from now") else (ctx.previous or a)
        if unit == "decade":  # "a decade ago": the year, ten years back
            unit, amount = "year", amount * 10
        return Timex("DATE", _relative(unit, sign * amount, base))
    if m := re.fullmatch(r"(?:late |early )?(last|yesterday|tomorrow)\s*(night|morning|afternoon|evening)", t):
        which, part = m.groups()  # "last night": the evening before the report; "tomorrow morning"
        step = 1 if which == "tomorrow" else -1
        return Timex("TIME", f"{_ymd(a + timedelta(days=step))}T{PART_OF_DAY[part]}" if a else f"XXXX-XX-XXT{PART_OF_DAY[part]}")
    if m := re.fullmatch(r"(next|following|previous|preceding|same)\s+(day|week|month|year|morning|evening|night)", t):
        which, unit = m.groups()
        step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[which]
        if unit in PART_OF_DAY:
            base = ctx.previous or a
            day = _ymd(base + timedelta(days=max(step, 0))) if base else "XXXX-XX-XX"
            return Timex("TIME", f"{day}T{PART_OF_DAY[unit]}")
        return Timex("DATE", _relative(unit, step, ctx.previous or a))
    if m := re.fullmatch(r"(day|week|month|year) (before|after|earlier|later)", t):
        unit, direction = m.groups()
        return Timex("DATE", _relative(unit, -1 if direction in ("before", "earlier") else 1, ctx.previous or a))
    if m := re.fullmatch(r"(?:(?:every|each)\s+(year|quarter|month|week|day)|(annually|yearly|monthly|weekly|daily))", t):
        unit = m.group(1) or {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week",
                              "daily": "day"}[m.group(2)]  # fmt: skip
        return Timex("SET", "P3M" if unit == "quarter" else f"P1{UNITS[unit]}")
    if m := re.fullmatch(rf"(?:past|last|next|coming|first|recent)?\s*{_NUM}?\s*{_UNIT}", t):
        return _duration(t)
    if m := re.fullmatch(r"(?:end|start|beginning|middle|first half|second half|rest|remainder) of (?:the )?(.+)", t):
        rest = m.group(1)
        return normalize("this " + rest if rest in ("year", "month", "week") else rest, ctx)
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", t):  # "the 20th century": TIMEX3 writes its first two digits
        return Timex("DATE", f"{int(m.group(1)) - 1:02d}")
    if t in DECADE_WORDS:  # "the nineties"
        return Timex("DATE", f"19{DECADE_WORDS[t]}")
    if m := re.fullmatch(r"(\d{3})0'?s", t):
        return Timex("DATE", m.group(1))
    if m := re.fullmatch(r"'?([2-9])0'?s", t):  # "the '70s"
        return Timex("DATE", f"19{m.group(1)}")
    if m := re.fullmatch(r"(\d{4})", t):
        year = int(m.group(1))
        return Timex("DATE", f"{year:04d}") if 1000 <= year <= 2200 else None
    return _calendar(t, ctx)


def _vague(t: str) -> Timex | None:
    if t in ("now", "currently", "at present", "present", "nowadays", "these days", "right now", "at the moment"):
        return Timex("DATE", "PRESENT_REF")
    if re.fullmatch(r"(?:coming|upcoming) (?:few |several |many )?(?:days|weeks|months|years|decades)", t):
        return Timex("DATE", "FUTURE_REF")  # "in the coming months": some time ahead
    if m := re.fullmatch(r"(?:recent|past|last|next) (?:few |several |many )?(days|weeks|months|years|decades)", t):
        return Timex("DURATION", f"PX{ {'days': 'D', 'weeks': 'W', 'months': 'M', 'years': 'Y', 'decades': 'DE'}[m.group(1)]}")
    if t in ("recently", "lately", "the past", "past", "earlier", "previously", "once", "former times", "recent"):
        return Timex("DATE", "PAST_REF")
    if t in ("soon", "future", "later", "shortly", "in the future"):
        return Timex("DATE", "FUTURE_REF")
    return None


ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def _year_of(phrase: str | None, ctx: Context) -> int | None:
    """The year named by "2009", "'09", "this year", "last year", "next year" (None: not said)."""
    if not phrase:
        return None
    if m := re.fullmatch(r"(?:of |in )?(\d{4}|'\d{2})", phrase):
        return _year(m.group(1))
    if m := re.fullmatch(r"(?:of |in )?(this|last|next|the previous|the following) year", phrase):
        if ctx.anchor is None:
            return None
        return ctx.anchor.year + {"this": 0, "last": -1, "next": 1, "the previous": -1, "the following": 1}[m.group(1)]
    return None


def _clock(t: str, ctx: Context) -> Timex | None:
    """ "6 a.m.", "7:15 p.m.", "noon", "18:00 UTC" (with an optional weekday or "today") -> a TIME on the
    day being told about."""
    m = re.fullmatch(rf"(?:(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow)\s+)?(?:at\s+)?(?:(\d{{1,2}})(?:[:.](\d{{2}}))?\s*(a\.?m\.?|p\.?m\.?|utc|gmt)|(noon|midday|midnight))"
                  rf"(?:\s+(?:[a-z]{{1,3}}t|gmt|utc|local time))?(?:\s+(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow))?", t)  # "10 a.m. EST"
    if not m:
        return None
    _, hour, minute, suffix, word, _ = m.groups()
    if word:
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(hour), int(minute or 0)
        if suffix.startswith("p") and hour < 12:
            hour += 12
        elif suffix.startswith("a") and hour == 12:
            hour = 0
    if hour > 24 or minute > 59:
        return None
    words = t.split()
    day_word = next((w for w in words if w in WEEKDAYS or w in ("today", "tonight", "yesterday", "tomorrow")), None)
    if day_word in WEEKDAYS:
        day = _weekday(day_word, None, ctx)
    elif day_word:
        day = _deictic(day_word, ctx.anchor).value.split("T")[0]
    else:
        base = ctx.previous or ctx.anchor
        day = _ymd(base) if base else "XXXX-XX-XX"
    return Timex("TIME", f"{day}T{hour:02d}:{minute:02d}")


def _reported_period(t: str, ctx: Context) -> Timex | None:
    """Company results: "a year earlier", "the year-ago period", "the quarter", "the 1988 quarter".

    Results are reported by quarter, so once the text names a quarter ("third-quarter profit rose to
    $5 million from $4 million a year earlier"), the period compared with is that quarter a year
    before, and "the quarter" or "the latest period" is the quarter itself. With no quarter named,
    "a year ago" is the year before publication and "the quarter" the last one ended.
    """
    a, named = ctx.anchor, ctx.quarter
    if m := re.fullmatch(r"(?:a )?year[- ](?:ago|earlier)(?: (quarter|period|results))?", t):
        if named:
            return Timex("DATE", _shift_quarter(named, -4))
        if m.group(1) and a is not None:  # the latest quarter ended, a year before
            return Timex("DATE", _shift_quarter(_latest_quarter(a), -4))
        return Timex("DATE", f"{a.year - 1:04d}") if a is not None else None
    if named and (m := re.fullmatch(r"(\d{4}) (?:quarter|period)", t)):  # "the 1988 quarter": the same quarter that year
        return Timex("DATE", f"{m.group(1)}-{named[5:]}")
    if t in ("quarter", "latest quarter", "latest period", "recent quarter", "quarter just ended") and (named or a):
        return Timex("DATE", named or _latest_quarter(a))
    if m := re.fullmatch(r"(this|last|next) year's (quarter|.+ quarter)", t):  # "last year's third quarter"
        rest = m.group(2)
        if rest == "quarter":
            if not (named or a):
                return None
            rest = f"{_ordinal_name((named or _latest_quarter(a))[-1])} quarter"
        return _ordinal_quarter(f"{rest} of {m.group(1)} year", ctx)
    if m := re.fullmatch(r"(\d{4}) (.+ quarter)", t):  # "the 1988 second quarter"
        return _ordinal_quarter(f"{m.group(2)} {m.group(1)}", ctx)
    return None


def _latest_quarter(day: date) -> str:
    """The last quarter ended before ``day``: what results published that day report."""
    return _shift_quarter(f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}", -1)


def _shift_quarter(value: str, quarters: int) -> str:
    index = int(value[:4]) * 4 + int(value[-1]) - 1 + quarters
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _ordinal_name(digit: str) -> str:
    return {"1": "first", "2": "second", "3": "third", "4": "fourth"}[digit]


def _quarter(t: str, ctx: Context) -> Timex | None:
    if ctx.anchor is not None and t in ("last quarter", "previous quarter", "current quarter", "this quarter", "next quarter"):
        step = {"current quarter": 0, "this quarter": 0, "next quarter": 1}.get(t, -1)  # "the quarter": the one just reported
        index = ctx.anchor.year * 4 + (ctx.anchor.month - 1) // 3 + step
        return Timex("DATE", f"{index // 4:04d}-Q{index % 4 + 1}")
    return _ordinal_quarter(t, ctx)


def _ordinal_quarter(t: str, ctx: Context) -> Timex | None:
    """ "the third quarter", "Q3 2024", "the fourth quarter of last year", "third-quarter" -> 2024-Q3."""
    t = re.sub(r"^(?:an? )?(?:fiscal )?(?=first|second|third|fourth)", "", t)  # "a fourth-quarter charge", "the fiscal first quarter"
    m = re.fullmatch(r"(?:(last|this|next|current|previous|past|latest)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])"
                     r"(?:[- ]quarter)?(?:\s+(.+))?", t)
    if not m or not ("quarter" in t or m.group(2).startswith("q")):
        return None
    number, rest = ORDINALS[m.group(2)], m.group(3)
    year = _year_of(rest, ctx)
    if rest and year is None:
        return None
    if year is None and ctx.anchor is not None:
        current = (ctx.anchor.month - 1) // 3 + 1
        year = ctx.anchor.year - (1 if number > current and ctx.tense != "future" else 0)
    return Timex("DATE", f"{year:04d}-Q{number}" if year is not None else f"XXXX-Q{number}")


def _season(t: str, ctx: Context) -> Timex | None:
    """ "this summer", "autumn 2008", "last winter" -> 2024-SU."""
    m = re.fullmatch(r"(?:(last|this|next|coming|past)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(.+))?", t)
    if not m:
        return None
    which, season, rest = m.groups()
    year = _year_of(rest, ctx)
    if rest and year is None:
        return None
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which or "", 0)
    return Timex("DATE", f"{year:04d}-{SEASONS[season]}" if year is not None else f"XXXX-{SEASONS[season]}")


def _deictic(t: str, a: date | None) -> Timex:
    offsets = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "day before yesterday": -2}
    if t in offsets:
        return Timex("DATE", _ymd(a + timedelta(days=offsets[t])) if a else "XXXX-XX-XX")
    if t in ("this week", "this month", "this year"):
        return Timex("DATE", _relative(t.split()[1], 0, a))
    day = _ymd(a) if a else "PRESENT_REF"
    part = next((code for word, code in PART_OF_DAY.items() if word in t), None)
    if part and a:
        return Timex("TIME", f"{day}T{part}")
    return Timex("DATE", day)


def _duration(t: str) -> Timex | None:
    m = re.search(rf"{_NUM}?\s*{_UNIT}$", t)
    if not m:
        return None
    plural = t.endswith("s") and not t.endswith("ss")
    amount = _number(m.group(1)) if m.group(1) else (None if plural else 1)  # "years" is an unknown number
    unit = "century" if m.group(2).startswith("centur") else m.group(2)  # "centuries" matches "centurie"
    code = UNITS[unit]
    count = "X" if amount is None else str(amount)
    if unit in ("hour", "minute", "second"):
        return Timex("DURATION", f"PT{count}{code}")
    if unit == "decade":
        return Timex("DURATION", f"P{count}0Y" if amount is not None else "PXY")
    if unit == "century":
        return Timex("DURATION", f"P{count}00Y" if amount is not None else "PXY")
    return Timex("DURATION", f"P{count}{code}")


def _calendar(t: str, ctx: Context) -> Timex | None:
    """Month/day/year expressions in the common news orders; dateparser for the rest."""
    t = re.sub(rf"^{_WEEKDAY}\s+", "", t)
    patterns = (
        (rf"{_MONTH}\s+{_DAY}(?:\s+{_YEAR})?", ("month", "day", "year")),
        (rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s+{_YEAR})?", ("day", "month", "year")),
        (rf"{_MONTH}(?:\s+of)?\s+{_YEAR}", ("month", "year")),
        (rf"{_MONTH}", ("month",)),
        (r"(\d{4})-(\d{2})-(\d{2})", ("year", "nmonth", "day")),
        (r"(\d{4})-(\d{2})", ("year", "nmonth")),
    )
    for pattern, names in patterns:
        m = re.fullmatch(pattern, t)
        if not m:
            continue
        parts = dict(zip(names, m.groups()))
        month = int(parts["nmonth"]) if "nmonth" in parts else MONTHS[parts["month"].rstrip(".")]
        if not 1 <= month <= 12:
            return None
        day = int(parts["day"]) if parts.get("day") else None
        year = _year(parts["year"]) if parts.get("year") else _pick_year(month, day, ctx)
        value = _date_value(year, month, day)
        return Timex("DATE", value) if value else None
    return _dateparser(t, ctx)


@lru_cache(maxsize=256)
def _parser(anchor: date):
    """A dateparser parser relative to ``anchor`` (building one costs ~0.1 s, so they are kept)."""
    from dateparser.date import DateDataParser

    base = datetime.combine(anchor, datetime.min.time())
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first"})


def _dateparser(t: str, ctx: Context) -> Timex | None:
    if not re.search(r"\d", t) or ctx.anchor is None:  # without digits it is not an absolute date
        return None
    if re.fullmatch(r"\d{1,3}", t):
        return None  # "aged 49", "CAC 40": a number, not a year
    data = _parser(ctx.anchor).get_date_data(t)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return Timex("DATE", f"{found.year:04d}")
    if data.period == "month":
        return Timex("DATE", f"{found.year:04d}-{found.month:02d}")
    return Timex("DATE", found.isoformat())
