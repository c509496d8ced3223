"""First mentions: a summary names the event's place in its opening and introduces each person the
first time it mentions them, as a news writer does.

Sentences picked from different articles each assume their own article's context: the lead
says the talks "wrapped up" without saying where, and a later sentence calls someone by a
surname that only another sentence, not picked, introduced. Both are mended with words the
articles themselves wrote: the place the opening theme's own sentences give ("in Geneva"),
and a person's full name and the role an article set beside it ("Bashar al-Ja'afari, the
leading negotiator for the Damascus government,").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from mdsum.model import Cluster
from mdsum.text.clean import sentence_case
from mdsum.text.quotes import SPEECH_VERBS, outside_quotes
from mdsum.text.tokens import stop_words
from mdsum.text.values import MONTHS, WEEKDAYS

_PARTICLE = r"(?:al|el|de|da|di|du|van|von|der|bin|ibn|le|la)"
_WORD = r"[A-Z][\w'\u2019]+"
# A person's full name: two or more capitalised words, particles ("de", "al-", "van der") allowed before the last.
_FULL_NAME = rf"{_WORD}(?:\s+{_WORD})*\s+(?:{_PARTICLE}[\s-]){{0,2}}{_WORD}(?:-{_WORD})?"
# "Bashar al-Ja'afari, the leading negotiator for the Damascus government, said ...": a name, then its role.
_APPOSITIVE = re.compile(rf"(?<![\w'])({_FULL_NAME}), ((?:the|a|an) [^,;:\"\u201c\u201d()]{{3,90}}?),\s+[a-z]")
_FULL_NAMES = re.compile(rf"(?<![\w'])(?:{_FULL_NAME})(?![\w'])")
_PLACE = re.compile(r"\bin ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b")
_SPEECH_VERBS = rf"(?:{SPEECH_VERBS}|alluded)"
_TITLES = r"(?:Mr|Mrs|Ms|Dr)\.?"
_NOT_PLACES = frozenset([*MONTHS, *WEEKDAYS])
# "He warmly welcomed ...", "After the talks, she said ...": a sentence whose subject is a pronoun, with the
# phrase before it (which must not point back itself: "On that front, he ...").
_PRONOUN_SUBJECT = re.compile(r"^(?P<lead>[^,\"\u201c]{0,60},\s+)?(?P<pronoun>[Hh]e|[Ss]he)\s+(?=[a-z])")
_POINTS_BACK = re.compile(r"\b(?:that|this|these|those|such|then)\b", re.IGNORECASE)
ANTECEDENT_REACH = 3  # sentences back to look for whom "he" is
# The pronouns of the other gender: seen on the way back to a name, they say the person named may be "she" when
# the sentence says "he" ('Toha said. She said 1,500 were homeless. ... He arrived in Talca' is not Toha).
_OTHER_GENDER = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}
# "the United Nations envoy", "The U.N. envoy", "the UN's top envoy for Syria": a person referred to by
# capitalised qualifiers and a role noun, perhaps with an adjective that ranks and what the role is for.
_ROLE_WORD = r"[A-Z][\w.'\u2019-]*"
_ROLE_MENTION = re.compile(
    rf"(?<![\w'-])[Tt]he (?P<qualifiers>(?:{_ROLE_WORD}\s+){{1,3}})(?:(?:top|special|chief)\s+)?(?P<role>[a-z]+)"
    rf"(?:\s+(?:for|to|on)\s+(?P<remit>{_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,2}}))?(?![\w'-])"
)


_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_CONNECTORS = frozenset(["for", "of"])  # inside a title: "UN Special Envoy for Syria"
# A title written as part of a name ("President Macron", "French President Emmanuel Macron", "Prime Minister
# Junichiro Koizumi"): the name is what follows the last title word.
_HONORIFICS = (
    r"(?:President|Premier|Minister|Chancellor|Secretary|General|Senator|Governor|Mayor|Ambassador|Envoy"
    r"|King|Queen|Prince|Princess|Pope|Judge|Justice|Chief|Sheikh|Sir|Lord|Lady|Professor|Rev|Bishop|Cardinal"
    r"|Captain|Colonel|Major|Sergeant|Officer|Detective|Inspector)\.?\s+"
)
_HONORIFIC = re.compile(rf"^.*\b{_HONORIFICS}")
_TITLED = re.compile(rf"\b{_HONORIFICS}$")  # what a mention already has before it: "President Assad"


@dataclass(frozen=True)
class Person:
    """How the articles name someone in full, the title they set before the name most often, and the
    shortest role one of them gave in apposition."""

    full_name: str
    surname: str  # the name a later mention uses alone ("Ja'afari", "de Mistura")
    role: str | None
    title: str | None = None  # "UN Syria envoy", "France's UN ambassador"
    article: bool = False  # the title takes "the" before it, as most articles write it ("the European Union's envoy")

    @property
    def titled(self) -> str:
        """The title as it goes before the full name, with its article."""
        return f"the {self.title}" if self.article and self.title else self.title or ""


def people(texts: Sequence[str]) -> dict[str, Person]:
    """The people the articles name in full, by surname (lower-cased). A name counts as a person's when an
    article gives it a role, a title ("Mr") or words it said; its full form is the one written most often.
    A surname two different full names share is left out, since a bare mention of it could be either."""
    full: dict[str, Counter[str]] = {}
    roles: dict[str, list[str]] = {}
    honoured: set[str] = set()  # full names an article wrote after an honorific ("President Recep Tayyip Erdogan")
    for text in texts:
        for written in _FULL_NAMES.findall(text):
            name = _POSSESSIVE_END.sub("", _HONORIFIC.sub("", written))  # "Bashar al-Assad's troops": Bashar al-Assad
            if len(name.split()) < 2:  # "President Macron": a title and a surname, not a full name
                continue
            first = name.split()[0]
            if (
                not re.fullmatch(rf"{_TITLES}|{_PARTICLE}", first, re.IGNORECASE)
                and not _is_function_word(name)
                and not _names_a_body(name)
            ):
                full.setdefault(_surname(name).lower(), Counter())[name] += 1
                if name != written:
                    honoured.add(name)
        for name, role in _APPOSITIVE.findall(text):
            roles.setdefault(name, []).append(role)
    joined = "\n".join(texts)
    found = {}
    for key, names in full.items():
        usual = max(names, key=lambda name: (names[name], len(name.split())))
        if any(not (name.endswith(other) or other.endswith(name)) for name in names for other in names):
            continue
        surname = _surname(usual)
        role = min(roles.get(usual, []), key=len, default=None)
        titles = Counter(title for text in texts for title in _titles_before(text, usual))
        title = min(titles, key=lambda title: (-titles[title], len(title)), default=None)
        said = (
            rf"{_mention(surname)}(?:'s)? {_SPEECH_VERBS}\b|\b{_SPEECH_VERBS} {re.escape(usual)}\b"  # "said Charles Ammon"
            rf"|\b{_TITLES} {_mention(surname)}\b"
        )
        if role or title or usual in honoured or re.search(said, joined):
            found[key] = Person(usual, surname, role, title, title is not None and _takes_article(texts, title, usual))
    return found


def _takes_article(texts: Sequence[str], title: str, name: str) -> bool:
    """Whether most of the articles' "<title> <name>" have "the" before them ("the European Union's envoy Enrique
    Mora", where "French President Emmanuel Macron" has none)."""
    written = re.compile(rf"(?<![\w'-])(?P<the>[Tt]he\s+)?{re.escape(title)}\s+{re.escape(name)}(?![\w'])")
    found = [match["the"] is not None for text in texts for match in written.finditer(text)]
    return sum(found) * 2 > len(found)


def people_of(cluster: Cluster) -> dict[str, Person]:
    """The people every sentence of ``cluster``'s articles names (`people`): whom a model's sentences may mention."""
    return people([text for document in cluster.documents for text in document.sentences])


def _titles_before(text: str, name: str) -> Iterator[str]:
    """The titles ``text`` sets right before ``name``: two or more capitalised words ("UN Special Envoy for
    Syria"), or capitalised words and a role noun ("UN Syria envoy"), back to punctuation or a function word."""
    for match in re.finditer(rf"(?<![\w'-]){re.escape(name)}(?!\w)(?!['\u2019](?!s\b))", text):  # or "name's"
        words = text[: match.start()].split()[-8:]
        title: list[str] = []
        for word in reversed(words):
            acronym = word.isupper() and len(word) > 1  # "UN", "U.N."
            capitalised = acronym or (
                bool(re.fullmatch(r"[A-Z][\w'\u2019.-]*", word)) and word.lower() not in _not_titles()
            )
            role_noun = (
                all(part.islower() for part in title)  # nouns next to the name: "fisheries envoy"
                and re.fullmatch(r"[a-z]+", word)
                and not re.fullmatch(rf"{_SPEECH_VERBS}|\w+(?:ing|ed)", word)
                and word not in stop_words()
            )
            if not (capitalised or role_noun or (title and word in _CONNECTORS)):
                break
            title.insert(0, word)
        while title and (title[0] in _CONNECTORS or not title[0][:1].isupper()):
            title.pop(0)
        if len(title) > 1 or (title and _HONORIFIC.match(f"{title[0]} ")):  # "UN" alone qualifies a body as often
            yield " ".join(title)


@cache
def _not_titles() -> frozenset[str]:
    """Capitalised words that start a sentence or name a day, not a title: "On", "The", "Friday"."""
    return frozenset([*stop_words(), *_NOT_PLACES])


# The last word of a body's or firm's name, which says, and may say something, like a person: "Baltic Cargo said it
# would stay independent" must not make "Cargo" a surname ("Nordrail's takeover of Cargo").
_ORGANISATION_NOUNS = frozenset(
    [
        "agency",
        "airlines",
        "airport",
        "airways",
        "association",
        "authority",
        "bank",
        "brewing",
        "capital",
        "cargo",
        "club",
        "co",
        "college",
        "commission",
        "committee",
        "company",
        "corp",
        "corporation",
        "council",
        "court",
        "department",
        "energy",
        "entertainment",
        "foods",
        "foundation",
        "fund",
        "group",
        "holdings",
        "hospital",
        "inc",
        "industries",
        "institute",
        "insurance",
        "international",
        "labs",
        "league",
        "logistics",
        "ltd",
        "media",
        "ministry",
        "motors",
        "network",
        "news",
        "office",
        "partners",
        "party",
        "pharmaceuticals",
        "police",
        "press",
        "railways",
        "records",
        "resources",
        "school",
        "service",
        "services",
        "shipping",
        "society",
        "studios",
        "systems",
        "technologies",
        "telecom",
        "tours",
        "travel",
        "trust",
        "union",
        "university",
        "utilities",
    ]
)


def _names_a_body(name: str) -> bool:
    """Whether ``name`` ends as a body's or firm's name does: one of `_ORGANISATION_NOUNS`, or a field in "-ics"
    ("Acme Robotics", "General Dynamics", "Ortho Therapeutics")."""
    last = name.split()[-1].lower()
    return last in _ORGANISATION_NOUNS or last.endswith("ics")


def _is_function_word(name: str) -> bool:
    """A capitalised word that is not a name: "The", "In" at the start of a sentence."""
    return any(word.lower() in stop_words() for word in name.split() if word[:1].isupper())


def _surname(name: str) -> str:
    """The last name with its particle: "Staffan de Mistura" gives "de Mistura", "Bashar al-Ja'afari" "Ja'afari"."""
    match = re.search(rf"(?:\b{_PARTICLE}\s){{0,2}}[\w'\u2019]+$", name, re.IGNORECASE)
    return match.group(0) if match else name


def _mention(surname: str) -> str:
    """A pattern for ``surname`` alone, its first letter in either case ("de Mistura", "De Mistura")."""
    first = surname[0]
    return rf"(?<![\w'-])[{first.lower()}{first.upper()}]{re.escape(surname[1:])}(?!\w)(?!['\u2019](?!s\b))"


def _mentions(sentence: str, known: dict[str, Person]) -> Iterator[tuple[str, Person, re.Match[str] | None]]:
    """The people ``sentence`` mentions, each with its mention by surname alone (None when it names
    them in full, or the surname only inside a longer name)."""
    for key, person in known.items():
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", sentence, re.IGNORECASE):  # not "North" in "Northolt"
            mention = re.search(rf"(?:\b{_TITLES} )?{_mention(person.surname)}(?=(\s+[a-z])?)", sentence)
            in_full = person.full_name in sentence or (mention is not None and _inside_a_name(mention, person))
            yield key, person, None if in_full else mention


def _inside_a_name(mention: re.Match[str], person: Person) -> bool:
    """Whether the surname ``mention`` ends a name written another way ("Bashar al Assad" for "Bashar al-Assad"):
    the word before it is a particle or one of the person's given names."""
    before = mention.string[: mention.start()].split()[-1:]
    given = person.full_name.split()[: -len(person.surname.split())]
    return bool(before) and (re.fullmatch(_PARTICLE, before[0], re.IGNORECASE) is not None or before[0] in given)


def named_people(sentence: str, known: dict[str, Person]) -> list[str]:
    """The people ``sentence`` names, by their key in ``known``, in the order it first names them."""
    lowered = sentence.lower()
    return sorted((key for key, _, _ in _mentions(sentence, known)), key=lambda key: (lowered.find(key), key))


def introduction_words(sentence: str, known: dict[str, Person]) -> dict[str, int]:
    """Everyone ``sentence`` mentions (by their key in ``known``), with the words introducing them would add
    to it: none when it names them in full, their first name and title or role when by surname alone."""
    return {
        key: 0
        if mention is None
        else len(person.full_name.split()) - len(mention.group(0).split()) + len(_description(person, mention).split())
        for key, person, mention in _mentions(sentence, known)
    }


def _description(person: Person, mention: re.Match[str]) -> str:
    """What introduces the person beyond their name: their title, which fits anywhere, else their role
    in apposition, which only a subject before its verb takes; empty when the articles give neither."""
    if person.title:
        before = mention.string[: mention.start()]
        return "" if _TITLED.search(before) or before.lower().endswith(f"{person.title.lower()} ") else person.titled
    return person.role if person.role and mention.group(1) else ""


def _introduced(person: Person, description: str) -> str:
    if person.title and description == person.titled:
        return f"{description} {person.full_name}"
    return f"{person.full_name}, {description},"


def _runs(words: Sequence[str]) -> list[list[str]]:
    """Capitalised words upper-cased without dots or a possessive, in runs: an acronym ("U.N.", "UN") is a
    run of its own, consecutive other words one run ("United Nations")."""
    runs: list[list[str]] = []
    open_run = False
    for word in words:
        plain = re.sub(r"['\u2019]s$|\.", "", word)
        if not plain:
            continue
        acronym = plain.isupper() and len(plain) > 1
        if open_run and not acronym:
            runs[-1].append(plain.upper())
        else:
            runs.append([plain.upper()])
        open_run = not acronym
    return runs


def _fits_title(qualifiers: Sequence[str], title: Sequence[str]) -> bool:
    """Whether every qualifier of a role mention is in the title, a run of words or its initials
    ("United Nations", "U.N." and "UN" all fit "UN Syria envoy")."""
    runs = _runs(title)
    spellings = {word for run in runs for word in run} | {
        "".join(word[0] for word in run) for run in runs if len(run) > 1
    }
    return all(
        all(word in spellings for word in run) or (len(run) > 1 and "".join(word[0] for word in run) in spellings)
        for run in _runs(qualifiers)
    )


def _role_head(title: str) -> str:
    """The role noun of a title: "envoy" of "UN Syria envoy" and of "UN Special Envoy for Syria"."""
    return re.split(r"\s+(?:for|of)\s+", title)[0].split()[-1].lower()


def _referred_to(mention: re.Match[str], known: dict[str, Person]) -> tuple[str, Person] | None:
    """The one person whose title the role ``mention`` fits ("the U.N. envoy", "the UN's top envoy for
    Syria": "UN Syria envoy Staffan de Mistura"): the same role noun, and every qualifier and what the role
    is for in the title; None when no one, or more than one, fits."""
    remit = (mention["remit"] or "").split()
    fitting = [
        (key, person)
        for key, person in known.items()
        if person.title
        and _role_head(person.title) == mention["role"]
        and _fits_title(mention["qualifiers"].split(), person.title.split())
        and _fits_title(remit, person.title.split())
    ]
    return fitting[0] if len(fitting) == 1 else None


def referred_to_by_role(sentence: str, known: dict[str, Person]) -> list[str]:
    """The people ``sentence`` refers to by role alone (`_referred_to`), by their key in ``known``: a model
    that names them ("de Mistura said ..." for "the UN's top envoy for Syria said ...") names the line's own."""
    return [found[0] for mention in _ROLE_MENTION.finditer(sentence) if (found := _referred_to(mention, known))]


def _named_by_role(sentence: str, known: dict[str, Person], seen: set[str], spare_words: int) -> tuple[str, int]:
    """``sentence`` with its first role mention of someone not yet named (and not named in it) given their
    title and full name, when ``spare_words`` allows; and the words that added."""
    for mention in _ROLE_MENTION.finditer(sentence):
        if (found := _referred_to(mention, known)) is None:
            continue
        key, person = found
        named = f"{person.titled} {person.full_name}"
        if mention.group(0).startswith("The"):  # as the role mention wrote it
            named = named[:1].upper() + named[1:]
        added = len(named.split()) - len(mention.group(0).split())
        if key in seen or any(k == key for k, _, _ in _mentions(sentence, known)) or added > spare_words:
            continue
        seen.add(key)
        return sentence[: mention.start()] + named + sentence[mention.end() :], added
    return sentence, 0


def introduce_people(sentences: Sequence[str], known: dict[str, Person], spare_words: int) -> list[str]:
    """``sentences`` with each person's first mention by surname alone given their full name, then, as
    far as ``spare_words`` allows after every full name, their title or role (`_description`).

    A person an earlier sentence refers to by role ("the U.N. envoy said ...") is named there, title
    and full name, when their title fits the role and only theirs does: a reader should not meet "the
    U.N. envoy" twice before learning that he is Staffan de Mistura."""
    mended = list(sentences)
    described: list[tuple[int, Person, str]] = []
    seen: set[str] = set()
    for index, sentence in enumerate(mended):
        sentence, added = _named_by_role(sentence, known, seen, spare_words)
        mended[index] = sentence
        spare_words -= added
        named: list[tuple[re.Match[str], Person]] = []
        for key, person, mention in _mentions(sentence, known):
            if key in seen:
                continue
            seen.add(key)
            added = len(person.full_name.split()) - len(mention.group(0).split()) if mention else 0
            if mention is not None and added <= spare_words:
                named.append((mention, person))
                spare_words -= added
                if description := _description(person, mention):
                    described.append((index, person, description))
        # from the last mention back, so that each one's place in the sentence still holds when it is named
        for mention, person in sorted(named, key=lambda pair: pair[0].start(), reverse=True):
            sentence = sentence[: mention.start()] + person.full_name + sentence[mention.end() :]
        mended[index] = sentence
    for index, person, description in described:
        if len(description.split()) <= spare_words:
            mended[index] = sentence_case(mended[index].replace(person.full_name, _introduced(person, description), 1))
            spare_words -= len(description.split())
    return mended


# Words before a title that qualify it: "former Lakeside mayor", "the acting President".
_QUALIFIES_A_TITLE = r"(?:[Ff]ormer|[Aa]cting|[Ii]nterim|[Oo]utgoing|[Ll]ate|[Tt]hen)"


def mention_once(sentences: Sequence[str], known: dict[str, Person]) -> list[str]:
    """``sentences`` with each person named in full only at their first mention: a later full name, with
    the title before it or the role after it, becomes the surname ("The United Nations envoy Staffan de
    Mistura welcomed ..." -> "De Mistura welcomed ..."). A model rewriting a plan line by line
    introduces everyone again in each sentence."""
    mended = list(sentences)
    seen: set[str] = set()
    for index, sentence in enumerate(mended):
        for key, person, mention in list(_mentions(sentence, known)):
            if mention is None and key in seen:
                sentence = _by_surname(sentence, person)
            seen.add(key)
        mended[index] = sentence
    return mended


def _by_surname(sentence: str, person: Person) -> str:
    """``sentence`` with its first full mention of ``person`` (and its title or role) cut to the surname; a word
    that qualifies the title goes with it ("sentenced former Lakeside mayor Daniel Kerr" is "sentenced Kerr", not
    "sentenced former Kerr")."""
    titles = sorted(set(_titles_before(sentence, person.full_name)), key=len, reverse=True)
    title = (
        rf"(?:(?:[Tt]he\s+)?(?:{_QUALIFIES_A_TITLE}\s+)?(?:{'|'.join(map(re.escape, titles))})\s+)?" if titles else ""
    )
    role = rf"(?:,\s+{re.escape(person.role)},)?" if person.role else ""
    match = re.search(rf"(?<![\w'-]){title}{re.escape(person.full_name)}(?![\w']){role}", sentence)
    if match is None:
        return sentence
    surname = person.surname
    if not sentence[: match.start()].strip(" \"'\u201c\u2018("):
        surname = surname[0].upper() + surname[1:]
    return sentence[: match.start()] + surname + sentence[match.end() :]


def name_pronoun_subject(sentence: str, previous: Sequence[str], known: dict[str, Person]) -> str | None:
    """``sentence`` with its pronoun subject replaced by the surname of the person it stands for, or None
    when that person is not certain: the nearest of the ``previous`` sentences (the latest last) that
    names anyone must name exactly one person, a sentence without a name before it names no one, and none of
    them on the way may speak of someone of the other gender ("she" when the sentence says "he").

    Reading "He warmly welcomed a call by Macron ..." right after a sentence about de Mistura, a reader
    knows who welcomed it; a summary that picks the sentence alone must say so.
    """
    subject = _PRONOUN_SUBJECT.match(sentence)
    if subject is None or (subject.group("lead") and _POINTS_BACK.search(subject.group("lead"))):
        return None
    other_gender = _OTHER_GENDER[subject.group("pronoun").lower()]
    for earlier in reversed(previous[-ANTECEDENT_REACH:]):
        if other_gender.search(outside_quotes(earlier)):
            return None
        named = {key: person for key, person, _ in _mentions(earlier, known)}
        if len(named) > 1:
            return None
        if named:
            surname = next(iter(named.values())).surname
            if not subject.group("lead"):
                surname = surname[0].upper() + surname[1:]
            return sentence[: subject.start("pronoun")] + surname + sentence[subject.end("pronoun") :]
    return None


def event_place(lead: str, opening: Iterable[str], everywhere: Iterable[str]) -> str | None:
    """Where the opening theme's sentences say the event happened ("in Geneva"): the place they name
    most (the cluster's most named on a tie), provided at least two sentences of the cluster name it
    so; None when they name none. A ``lead`` (the sentence that opens) that names places of its own
    gives it from those: "In Indonesia," must not open "The toll of the tsunami that hit countries in
    Asia and Eastern Africa rose", which says where."""
    told = Counter(_places(lead) or [place for text in opening for place in _places(text)])
    attested = Counter(place for text in everywhere for place in _places(text))
    ranked = sorted((place for place in told if attested[place] >= 2), key=lambda p: (-told[p], -attested[p], p))
    return ranked[0] if ranked else None


def _places(text: str) -> set[str]:
    return {place for place in _PLACE.findall(text) if place.split()[0].lower() not in _NOT_PLACES}
