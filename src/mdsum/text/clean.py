"""Scraped news page -> article text: drop the page furniture, keep every sentence.

Pages are read line by line (a scraped line is a paragraph; hard-wrapped lines are
joined first, mis-decoded text and HTML character references mended). Each line is
either kept or dropped by the first furniture rule that matches it. The rules are general
-- they look at the form of a line (a photo credit at its end, a "More news:" label, a bare
date, page numbers, a breadcrumb "»", a line repeated on the page, a short line that is not
a sentence, a standfirst under the headline) and never at its words, so they hold on any
news page. Of the lines kept, datelines ("GENEVA, July 14 (Xinhua) --") and a headline run
into the opening text are cut off. ``tests/text/test_clean.py`` checks that on the
Multi-News and MultiLing articles no line is dropped and every sentence but the first
survives word for word.

A page flattened into paragraphs (as Multi-News' are) runs the site's own words into its
sentences, where no line rule can see them: `without_furniture` drops a sentence made of a
known template phrase ("Breaking News Emails Get breaking news alerts ...") and cuts one
off the opening of a sentence ("Image copyright AFP Image caption The suspect ..."), as it
cuts an embedded tweet, which ends in its author's handle and day, a picture's caption, which ends
in its credit ("... Alex Wong/Getty Images"), a byline and an agency's dateline off the sentence
they run into.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from typing import NamedTuple

import ftfy

from mdsum.text import values
from mdsum.text.quotes import outside_quotes

# A line without sentence punctuation this short is a heading, label or link title.
MAX_HEADING_WORDS = 20
# "Source: ..." and "Editor: ..." credits are short; a long line is prose that starts so.
MAX_CREDIT_WORDS = 15
SHOUTING_SHARE = 0.9  # of an article's letters in capitals, from which it is written in capitals throughout

_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\ufeff": None, "\u00ad": None, "\r": None})
# A sentence ends in . ! or ?, maybe followed by closing quotes or brackets (also the spaced,
# tokenised form of Multi-News: `out . ''`). Headings, captions and links do not; nor does a
# teaser cut off with an ellipsis.
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?][\s\"'\u201d\u2019)\]\u00bb]*$")
_SENTENCE_INSIDE = re.compile(r"""[.!?]["'”’)\]]*\s+["'“‘(]?[A-Z]""")
_PHOTO_CREDIT = re.compile(
    r"""(?:^|[.!?"'”’]\s*)\((?=[^()]*(?:/|\b(?:photo|file|pool|getty|images|afp|ap|reuters)\b))[^()]{2,80}\)\s*$""",
    re.IGNORECASE,
)
_FILE_PHOTO = re.compile(r"^FILE\s*[-–—:]\s")
_LINK_LABEL = re.compile(
    r"^(?:more news|more stories|read more|read also|also read|see also|related(?: articles| stories| news)?"
    r"|recommended|trending|most read|popular)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(?:sources?|editor|editing by|reporting by|writing by|(?:photo|picture|image|video)(?: credit)?|credit|copyright)\s*:|^©",
    re.IGNORECASE,
)
_PAGE_LINK = r"(?:\d{1,3}|next|prev|previous|older|newer|first|last|page|of|[«»‹›<>|…]+)"
_PAGINATION = re.compile(rf"^{_PAGE_LINK}(?:\s+{_PAGE_LINK})*$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s[»›]\s|\s[»›]$")
# "GENEVA, July 14 (Xinhua) -- ", "SAN BERNARDINO, Calif. (AP) — ", "Juba/Addis Ababa (Reuters) - ", "Verona, N.J.
# (CBSNewYork/AP) — ": where and by whom, not a claim. CNN writes no dash: "Washington (CNN) The ...".
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'-]*(?:(?:\s|/|\s\|\s)[A-Za-z.'-]+){0,4}?)"
    r"(?:,\s*(?P<region>[A-Za-z][A-Za-z.'-]*(?:\s[A-Za-z][A-Za-z.'-]*){0,2})(?=[,\s]))?"
    r"(?:,\s*(?P<when>[A-Za-z]{3,9}\.?\s+\d{1,2}))?"
    r"\s*\(\s*(?P<outlet>[A-Za-z][A-Za-z0-9 .&'/]{0,29}?)\s*\)"
    r"(?:\s*(?:--|[-–—])|(?:(?<=[Cc][Nn][Nn]\))|(?<=[Cc][Nn][Nn]\s\)))(?=\s+[\"\u201c]?[A-Za-z]))\s*"
)
# "Meadow Lake, Saskatchewan – The ...", "BRUNSWICK, Ohio -- A man ...", "CONCORD, N.C. - A local veteran ...": a
# place and a dash before the first sentence.
_PLACE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z.'\u2019-]*(?:\s[A-Z][A-Za-z.'\u2019-]*){0,3}(?:,\s[A-Z][A-Za-z.'\u2019 -]{1,30})?"
    r"\s(?:[\u2013\u2014]|--?)\s(?=[A-Z\"\u201c])"
)
# The same run into a later sentence of a flattened, lower-cased page: "Washington — the trump administration ...",
# "Seattle -- a former pilot ...". An appositive between two dashes is prose: "Germany — the champion — is out."
_LOWER_DATELINE = re.compile(
    r"^(?!(?i:file|photo|update|updated|editor's note)\s)(?P<place>[A-Z][a-z.-]*(?:\s[a-z.-]+){0,2})"
    r"(?:,\s[a-z.]+(?:\s[a-z.]+)?)?\s(?P<dash>[\u2013\u2014]|--?)\s(?=[a-z\"\u201c])"
    r"(?!(?:(?!\s(?P=dash)\s).){0,150}\s(?P=dash)\s)(?=(?:\S+\s+){5})"
)
# No place's name holds these: "That — and ...", "The files — obtained ...", "TMZ has learned -- ...". (Not
# scikit-learn's stop words: importing it costs every reading process a second.)
_NOT_IN_A_PLACE = re.compile(
    r"\b(?:an?|the|this|that|these|those|it|he|she|they|we|you|i|my|our|his|her|their|its|and|but|or|nor|so|yet|if"
    r"|not|no|yes|never|now|then|just|only|still|even|also|all|some|here|there|what|who|why|how|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|is|are|was|were|be|been|has|have|had|do|does|did|says|said|will|would|can"
    r"|could)\b",
    re.IGNORECASE,
)
# "Pete Wentz -- I did not want this divorce!": after a name and a dash, someone's own words, not the news.
_FIRST_PERSON = re.compile(r"i\b|we\b|my\b|our\b", re.IGNORECASE)

# Prose puts a preposition before a weekday date: "on Saturday, January 8, 2005 the ...".
_PROSE_BEFORE_DATE = frozenset(
    [
        "on",
        "by",
        "since",
        "until",
        "till",
        "from",
        "last",
        "next",
        "this",
        "that",
        "before",
        "after",
        "of",
        "and",
        "or",
        "to",
        "for",
        "every",
    ]
)
# What an agency's caption may still say after the date: where the picture was taken (", in Las Vegas.",
# " in Austin, Texas."); prose goes on with what happened.
_PHOTO_PLACE = re.compile(r",?\s+in\s+[\w.'-]+(?:\s[\w.'-]+){0,3}(?:,\s+[\w.'-]+(?:\s[\w.'-]+)?)?[.\s]*$")
# A photo caption says in the present what its picture shows and dates it in full ("Investigators work the site of a
# mass shooting ... on Monday, Dec. 7, 2015 in San Bernardino, Calif."); prose reports in the past or the future:
# a regular past, an auxiliary, or one of the common irregular pasts.
_NOT_PRESENT = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|did|will|would|said|told|took|went|came|made|gave|found|left|began|ran|saw|got"
    r"|held|met|won|lost|fell|struck|sent|spent|paid|brought|bought|thought|caught|fought|sought|kept|felt|built"
    r"|led|fled|shot|wrote|drove|rose|chose|spoke|broke|stole|became|knew|grew|threw|flew|drew|sat|stood|heard"
    r"|sold|hung|swept|forgot|ate|beat|hid|withdrew|oversaw|arose|put|set|cut|hit|let|shut|quit)\b",
    re.IGNORECASE,
)
_ARTICLE_OPENS = re.compile(r"\s+(?:The|A|An)\s+[a-z]")
_STARTS_SENTENCE = re.compile(r"""["'“‘(]?[A-Z0-9]""")
# The opening of a sentence whose first word is all lower case (after any opening quotes or bracket).
_LOWER_OPENING = re.compile(r"""^(["'\u201c\u2018(]*\s?)([a-z])(?=[a-z'\u2019-]*(?:[\s,;:.!?]|$))""")

_MONTH = f"(?:{'|'.join(values.MONTHS)})"  # a month's name or abbreviation ("august", "aug")

# What a news site's page says about itself, which a flattened page (Multi-News) runs into its sentences: a
# sentence wholly of it is dropped, a run of it opening a sentence is cut off. Phrases of the big sites' templates
# (NBC, ABC, BBC, CNN's story highlights and "5 years ago" stamp, Politico, USA Today and its video player, YouTube's
# "Published on", AP's file-photo captions and credits, the Internet Archive's crawl notice, CBS's "follow ...:
# facebook | twitter", the Mirror's newsletter box, NBC's embedded video and its title, AP's "The Latest on ... (all
# times local):" heading, the "Close" of USA Today's video player before a lower-cased caption, an update's label,
# Raw Story's time stamp and "like raw story on facebook", a bare "Photo: Reuters" credit, a reader's warning that
# "this story contains graphic images", a press release's header),
# never a claim about the news.
_FURNITURE_SENTENCE = re.compile(
    r"^(?:breaking news emails get breaking news alerts and special reports"
    r"|the news and stories that matter, delivered weekday mornings"
    r"|get push notifications with news, features and more"
    r"|add as an interest to stay up to date on the latest news\b.*"
    r"|get daily updates directly to your inbox\b.*"
    r"|get email notifications on [\w .'-]{0,60} daily"
    r"|these crawls are part of an effort to archive pages\b.*"
    r"|that way, as the pages that are referenced are changed\b.*"
    r"|please enable javascript\b.*"
    r"|this material may not be published, broadcast, rewritten,? or redistributed"
    r"|file\s*[-\u2013\u2014:]\s+(?:in\s+)?(?:this|tis|a|an)\b.{0,60}?\b(?:photo|picture|image)s?\b.*"
    r"|this article is from the archive of our partner\b.*"
    r"|in this (?:[\w.,'-]+ ){0,6}?(?:file |handout )?(?:photo|image|picture|video grab|frame grab)(?![\w-]).*"
    r"|story highlights\b.*"  # with no "(CNN)" after them to end them, the bullets run on into the lede
    r'|poster=\s*"[^"]*"\s*true\b.*'  # Politico's video card: its picture's address, title and blurb
    r"|this undated (?:file )?(?:photo|image|picture|handout)\b.*|this (?:\S+ ){0,4}(?:photo|image) (?:provided|released) by\b.*"
    r"|sign up for (?:the |our )?[\w\s-]{0,40}newsletter|sign up for [\w\s-]{0,40} direct to your inbox"
    r"|click here for\b.{0,80}|scroll down for (?:video|more|a look)\b.*"
    r"|(?:\[\s*\]\s*)?(?:previous next\s+)?(?:hide|show) caption\b.*"
    r"|(?P<byline>[\w'-]+\s[\w'-]+)\s(?P=byline)\sis\san?\s.{0,60}\b(?:writer|editor|reporter|correspondent|columnist)\b.*"
    r"|(?:media|image) caption\b.*|all rights reserved|advertisement|read more|text size\W*)\W*$",
    re.IGNORECASE,
)
# A journal's structured abstract, which Multi-News keeps as the article: "Importance rice ... contains inorganic
# arsenic", "Objective to determine ...", "Data sources and study selection a systematic review ...". Its headings
# are cut only from an article that has two of them, one of which never opens prose (a heading of two or more parts,
# or one of `_ONLY_A_HEADING`): "Results were mixed." and "Background checks ..." in a news story keep their words.
_HEADING_PART = (
    r"(?:importance|objectives?|interpretation|relevance|main outcomes?|measures?|methods|findings|design|settings?"
    r"|participants|interventions?|exposures?|results|conclusions?|background|introduction|data sources"
    r"|study selection|data extraction|synthesis)"
)
_ABSTRACT_HEADING = re.compile(
    rf"^(?P<heading>{_HEADING_PART}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_HEADING_PART})*)\s*:?\s+(?=\S)", re.IGNORECASE
)
_ONLY_A_HEADING = frozenset(["importance", "objective", "objectives", "interpretation"])

# A press release's header, which a flattened page runs into its first sentence: "October 9, 2018 for immediate
# release contact: kathleen lewis ( 707 ) 255-5056 x11, klewis@mastersommeliers.org court of master sommeliers ... napa,
# ca – the board ...": the release's date, its contacts up to the last phone number or address, and the headline and
# dateline after them where a place with its state's abbreviation and a dash follows.
_CONTACT = r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\(\s?\d{3}\s?\)\s?|\d{3}[.-])\d{3}[.-]\d{4}(?:\s?x\d+)?)"
_PRESS_RELEASE_HEADER = (
    rf"(?:{_MONTH}\.?\s\d{{1,2}},\s\d{{4}}\s+)?(?:press release\s+)?for immediate release\b.{{0,80}}?\bcontacts?\s*:"
    rf".{{0,160}}?{_CONTACT}(?:[,;\s]+{_CONTACT})*"
    r"(?:.{0,200}?\s[a-z.'-]+(?:\s[a-z.'-]+)?,\s[a-z.]{2,6}\s(?:(?:[\u2013\u2014]|--?)\s)+(?=[a-z]))?\s*"
)
_FURNITURE_OPENING = re.compile(
    r"^(?:\s*(?:media playback is (?:unsupported|not supported) on (?:your|this) device"
    r"|image copyright\b.{0,60}?\bimage caption"
    r"|image copyright (?:getty images|afp|reuters|pa|ap|epa|science photo library|spl|thinkstock|istock|alamy)\b"
    r"|\(\s*published\s[^()]{0,40}\)|\(\s*(?:istock(?:photo)?|shutterstock|thinkstock)\s*\)"
    r"|\(\s*(?:associated press|ap|reuters|(?:the )?canadian press|cnn(?:\s+business|\s+money)?)\s*\)"
    r"(?:\s*(?:--|[-\u2013\u2014]))?"
    r"|\(\s*[a-z .'-]{3,40}/[a-z .'-]{2,40}(?:\.\.\.|\u2026)"  # a credit the page cut short: "( louis deluca/the dallas ..."
    r"|(?:photo\s+)?advertisement(?:\s*-)?(?: continue reading the main story)?"
    r"|story continued below|continue reading below|text size\s*-\s*\+\s*reset"
    r"|get the latest from today sign up for our newsletter|\|\s*ap photo"
    r"|(?:by reuters\s+)?photo\s*:\s*(?:reuters|getty images|afp|ap)(?:/[a-z'-]+(?:\s(?!(?:the|an?)\s)[a-z'-]+)?)?\.?(?=\s)"
    r"|(?:[a-z]{1,6}\s+)?warning\s*:\s*(?:this|the following)\s(?:story|article|video|report)\s(?:\S+\s){0,4}?"
    r"(?:contains|depicts|includes)\s(?:\S+\s){0,2}?(?:imagery|images?|language|content|footage)\b"
    r"(?:\s(?:and|or)\s(?:\S+\s)?(?:imagery|images?|language|content|footage)\b)?\.?"
    r"|this article is (?:over|more than) (?:\d+|an?|one) (?:years?|months?|weeks?|days?) old"
    r"|no mags,? no sales,?(?: no [a-z]+,?)* mandatory credit"
    # "Update:", "Updated |", "Update, oct. 28:", "Updated at 7: 40 a.m. ET:", "Update at 1: 35 p.m. Tuesday:"
    r"|updated?(?:\sat\s\d{1,2}(?::\s?\d\d)?\s?[ap]\.\s?m\.(?:\s(?:[ecmp][sd]?t\b|[a-z]+day)\s?[.:|]?|\s?[:|])"
    r"|(?:,\s[a-z]{3,9}\.?\s\d{1,2})?\s?[:|])(?=\s|$)"
    r"|(?:video by\s*:\s*[\w. ]{0,40}?\s)?buy photo|\|\s*getty(?:\s+images)?|related (?:video|stories)\s*:?"
    r"|(?:close\s+)?skip in skip x embed x share"
    r"|story highlights\b.{0,600}?\(\s*cnn\s*\)"
    r"|\d+ (?:years?|months?|weeks?|days?|hours?) ago(?:\s+updated\b[^()]{0,40}?(?=\s*\(\s*cnn\s*\)))?(?=[\w\s,.'-]{0,40}\(\s*cnn\s*\))"
    rf"|published on {_MONTH}\.?\s+\d{{1,2}},\s*\d{{4}}(?![\d,])"
    r"|hide transcript show transcript\b.{0,200}?\|\s*share copy link copy"
    r"|play facebook twitter(?: google plus)? embed\b.{0,200}?\s\d{1,2}:\s?\d{2}(?=\s)"
    rf"|\(\s*ansa\s*\)\s*-\s*[a-z .'-]{{2,30}},\s*{_MONTH}\.?\s\d{{1,2}}\s*-"
    r"|\d{4}/\d\d/\d\d\s\d\d:\s?\d\d(?:\sby\s[a-z-]+\s[a-z-]+)?(?=\s[a-z .'-]{2,30},\s[a-z]+\.?\s\d{1,2}\s\(\s*yonhap)"
    r"|could not subscribe, try again later invalid email"
    r"|(?-i:[Cc]lose)(?=\s(?-i:[a-z]))(?!\s(?:to|by|up|family|friends?|relatives|ties|aides?|associates|allies|ally|advisers?"
    r"|observers|calls?|encounters?|races?|contacts?|range|quarters|attention)\b)"
    r"|video by [\w. ]{0,40}? for usa today"
    r"|click here for (?:a mobile version of the scribblelive|(?:the )?full story)"
    r"|sign up for (?:more newsletters here|the new us morning briefing)"
    r"|the latest on [^()]{0,120}\(\s*all times local\s*\)\s*:?(?:\s*\d{1,2}(?::\s?\d{2})?\s?[ap]\.\s?m\.)?"
    r"|follow [\w.]+\s?: (?:facebook|twitter|instagram)(?: \| (?:facebook|twitter|instagram))*"
    r"|(?:\d{1,2}:\s?\d{2}\s[ecmp][sd]t\s)?like raw story on facebook"
    r"|_taboola\b.*\}\s*\);"
    r"|breaking news emails get breaking news alerts and special reports\.)\s*"
    rf"|{_PRESS_RELEASE_HEADER})+",
    re.IGNORECASE,
)

# The agencies (and CNN) whose datelines, "Beirut (AP) — ...", a flattened page runs into any of its sentences, and
# the American TV stations whose sites write theirs so: "Denver ( cbs4 ) –", "Camden, tn ( wsmv ) -", "( kpix 5 ) —",
# also as a station's copy of the agency's story: "( kdka/ap )".
_AGENCY = re.compile(
    r"(?:[\w.-]+/)?(?:(?:the )?associated press|ap|reuters|afp|cnn(?: money| business)?|upi|xinhua|dpa|efe|ansa|tass"
    r"|kyodo|yonhap|pti|ians|ani|bloomberg|sana|(?:cbs|nbc|abc|fox)(?:\s?\d+|[a-z]+)?|[kw][a-z]{3}(?:-tv)?(?:\s?\d+)?)",
    re.IGNORECASE,
)
# A byline: "/ Updated by Julia Ainsley and Courtney Kube WASHINGTON — Government lawyers ..." (NBC; also "/ Updated /
# Source: NBC News by ...", and "/ Updated" alone), each name a first name, maybe an initial, and a last name, and the
# place of a dateline after them; or NBC's time stamp, "Aug. 5, 2017, 7: 10 pm gmt / updated aug. 5, 2017, 8: 57 pm
# gmt", then maybe "by Elizabeth Chuck" (or "by Reuters, ...").
_NAME = r"[a-z][\w'-]*(?:\s[a-z]\.)?\s[a-z][\w'-]*"
_STAMP = rf"{_MONTH}\.?\s\d{{1,2}},\s\d{{4}},\s\d{{1,2}}:\s?\d\d\s[ap]m\s(?:gmt|utc|et)"
_BYLINE = re.compile(
    rf"^(?:/\s*updated(?:\s*/\s*source:\s*(?:nbc news|associated press|reuters))?(?:\s+by\s+{_NAME})?(?=[\s,])|{_STAMP}\s/\s*updated\s{_STAMP}(?:\s+by\s+(?:reuters,\s)?{_NAME})?)"
    rf"(?:(?:,|,?\s+and)\s+{_NAME})*"
    r"(?:\s+[a-z][\w.'-]*(?:\s[a-z][\w.'-]*){0,2}(?:,\s[a-z][\w.'-]*(?:\s[a-z][\w.'-]*)?)?\s(?:--|[\u2013\u2014])(?=\s))?\s*",
    re.IGNORECASE,
)
# A picture's caption and its credit, run into the sentence after them. The credit ends the caption: NPR's
# "enlarge this image toggle caption Kin Cheung/AP Kin Cheung/AP" (the credit written twice), Getty's "Alex
# Wong/Getty Images", "(Photo: AFP/Getty Images)", AP's "(AP Photo/Evan Vucci)", Reuters' "Reuters/Kevin
# Lamarque", "(Photo: Alex Brandon, AP)"; or a gallery's counter: Hearst's "Photo: usgs image 2 of 19", "... 1 / 32
# back to gallery". Everything up to the credit is cut (a headline or caption; the lede follows).
_PARTICLE = r"(?:van|von|de|der|da|del|della|di|du|la|le|al|el|bin|ben|mac|mc|st\.)"
_CREDITED_CAPTION = re.compile(
    r"^(?:.{0,200}?\b(?:enlarge this image\s+)?(?:i\s+)*i?toggle caption\s+(?P<credit>\S.{0,80}?)\s+(?P=credit)"
    r"|.{0,250}(?:/|\bvia|\bphoto:|\bcredit:|\bphoto by)\s*getty images(?:\s+(?:news|sport|entertainment)\b)?(?:\s*/\s*(?:via\s+)?[\w.-]+(?:\s+images)?)*"
    r"(?:\s+for\s+[\w.-]+)?(?:\s*\))?(?:\s+hide caption)?"
    r"|\s*(?-i:[Gg]etty images)(?=\s+[a-z])"
    r"|.{0,400}?\(\s*(?:credit:\s*|photo:\s*)?ap photo\s*/[^()]{1,60}(?:\)|\.\.\.)(?:\s*\(\s*associated press\s*\))?"
    r"|\s*\(\s*(?:[^()]{0,60}(?:/\s*|\bfor\s+))?the washington post\s*\)|\s*\(\s*[^()]{1,60}\bvia ap\s*\)"
    r"|.{0,300}?\bimage \d+ of /?\s?\d+(?: caption close image \d+ of \d+)?(?: buy photo)?"
    r"|.{0,300}?\b\d+ / \d+ back to gallery"
    r"|.{0,400}?\(\s*(?:photo|photograph|credit)(?:\s+by\s|\s*:)[^()]{0,80}\)"
    r"|\s*\|\s*[\w.' -]{1,40}/\s*ap photo\b"
    rf"|\s*\(?\s*reuters\s*/\s*[a-z][\w'-]*(?:\s[a-z]\.)?(?:\s{_PARTICLE})*\s[a-z][\w'-]*"
    r"(?:\s*/\s*(?:file photo|files?|pool|illustration|handout))?(?:\s+-(?:\s+[a-z]*\d\w*)?(?=\s))?\s*\)?)\s*",
    re.IGNORECASE,
)
# A word every credit above holds within its reach: most sentences have none, and only they are matched against
# `_CREDITED_CAPTION`, whose long optional openings make it the slowest pattern the reader runs.
_CREDIT_WORD = re.compile(r"caption|getty|photo|credit|reuters|washington post|via ap|gallery|image \d", re.IGNORECASE)
CREDIT_REACH = 480  # characters: past the longest opening (400) and the credit after it

# "... pic.twitter.com/1xd2huyy1j — Robin Hood 702 (@robinhood702) December 14, 2017 The blackjack player was
# ...": a tweet embedded in the page, signed with its author's handle and day, run into the article's next sentence.
_EMBEDDED_TWEET = re.compile(
    r"^.*[\u2014\u2013-]\s*[^()\u2014\u2013]{1,60}\(\s*@\w{1,30}\s*\)\s*"
    rf"{_MONTH}\.?\s+\d{{1,2}},\s*\d{{4}}\s*",
    re.IGNORECASE,
)


class Line(NamedTuple):
    """A line of a page and why it was dropped (``rule``), or None when it is article text."""

    text: str
    rule: str | None


def is_sentence(text: str, min_words: int = 1) -> bool:
    """A real sentence: ``min_words`` words or more, ended like a sentence (not a heading,
    caption, link or cut-off teaser). The cleaner, the extractive pool and the model
    post-check all ask it, so they agree on what a sentence is."""
    return len(text.split()) >= min_words and bool(_SENTENCE_END.search(text))


def sentence_case(sentence: str) -> str:
    """``sentence`` with its first word capitalised when it is all lower case, as a lower-cased corpus
    (Multi-News: "a dallas police officer has died ...") or a cut opening ("Image caption the suspect ...",
    "On 27 September 2017, on 27 September ...") leaves it: a summary's sentences open as prose does. A
    word written in mixed case ("iPhone") is left as it is."""
    return _LOWER_OPENING.sub(lambda match: match.group(1) + match.group(2).upper(), sentence, count=1)


def lower_cased(sentence: str) -> str:
    """``sentence`` as a lower-cased corpus writes it (Multi-News: a capital only on the word that opens a sentence,
    one after a full stop included): what a model fitted on such a corpus reads, whatever the casing of its input."""
    written, opens = [], True
    for word in sentence.split(" "):
        written.append(word if opens else word.lower())
        opens = (opens and not any(character.isalnum() for character in word)) or bool(_SENTENCE_END.search(word))
    return " ".join(written)


def unshouted(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """``sentences`` of an article written in capitals (a wire feed, a pasted telex) lower-cased and opened with a
    capital, as Multi-News is: read as written, every word looks like a name and no sentence like prose. An article
    with lower case in it is returned as it is."""
    letters = [character for sentence in sentences for character in sentence if character.isalpha()]
    capitals = sum(character.isupper() for character in letters)
    if not letters or capitals < SHOUTING_SHARE * len(letters):
        return sentences
    return tuple(sentence_case(sentence.lower()) for sentence in sentences)


def is_sentence_like(line: str) -> bool:
    """True when ``line`` ends like a sentence or has a sentence boundary inside it."""
    return is_sentence(line) or bool(_SENTENCE_INSIDE.search(line))


def page_lines(raw: str) -> tuple[str, ...]:
    """The page's non-blank lines, whitespace-normalised, hard-wrapped lines joined, text decoded in the wrong
    encoding along the way mended ("donâ€™t" is "don’t", ftfy) and HTML's character references ("&amp;",
    "&#124;") read as the characters they stand for.

    A line continues the previous one when that one does not end a sentence and this
    one starts in lower case, as wrapped prose does and headings, labels and dates don't.
    """
    lines: list[str] = []
    previous_blank = True
    for raw_line in html.unescape(ftfy.fix_encoding(raw)).translate(_INVISIBLE).split("\n"):
        line = " ".join(raw_line.split())
        if not line:
            previous_blank = True
            continue
        if lines and not previous_blank and line[0].islower() and not is_sentence(lines[-1]):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        previous_blank = False
    return tuple(lines)


def _furniture(line: str, repeated: set[str]) -> str | None:
    """The name of the first furniture rule ``line`` matches, or None for article text."""
    sentence_like = is_sentence_like(line)
    words = len(line.split())
    if _PHOTO_CREDIT.search(line) or _FILE_PHOTO.match(line):
        return "caption"
    if _LINK_LABEL.match(line):
        return "link"
    if _CREDIT.match(line) and words <= MAX_CREDIT_WORDS:
        return "credit"
    if values.is_date_line(line):
        return "date"
    if _PAGINATION.match(line):
        return "pagination"
    if _BREADCRUMB.search(line) and not sentence_like:
        return "navigation"
    if line in repeated:
        return "repeated"
    if not sentence_like and words <= MAX_HEADING_WORDS:
        return "heading"
    return None


def classify_lines(raw: str) -> tuple[Line, ...]:
    """Every line of the page with the rule that drops it (None: kept as article text).

    Three rules look beyond the line: a line that occurs twice on the page is a caption
    or an echoed headline -- unless most of the page's prose occurs twice, when the article
    itself was pasted twice and only its second copy is dropped (as "duplicate"); after a
    bare "Read more:" label the link titles that follow are dropped up to the next sentence;
    and a line that is not a sentence directly under the headline, however long, is its
    standfirst (the article then says it properly).
    """
    lines = page_lines(raw)
    repeated = {line for line, count in Counter(lines).items() if count > 1}
    pasted_twice = _mostly_repeated(lines, repeated)
    seen: set[str] = set()
    classified: list[Line] = []
    in_link_list, in_header = False, True
    for line in lines:
        if pasted_twice:
            rule = "duplicate" if line in seen else _furniture(line, repeated=set())
            seen.add(line)
        else:
            rule = _furniture(line, repeated)
        if in_link_list and not is_sentence_like(line):
            rule = "link"
        elif rule is None and in_header and classified[-1:] and classified[-1].rule == "heading":
            rule = None if is_sentence_like(line) else "standfirst"
        if rule == "link":
            label = _LINK_LABEL.match(line)
            in_link_list = in_link_list if label is None else not label["rest"]
        elif rule is None:
            in_link_list = in_header = False
        classified.append(Line(line, rule))
    return tuple(classified)


def _mostly_repeated(lines: tuple[str, ...], repeated: set[str]) -> bool:
    """True when more than half of the page's prose lines occur twice: a page pasted twice, not an echoed caption."""
    prose = [line for line in lines if is_sentence_like(line)]
    return sum(line in repeated for line in prose) * 2 > len(prose)


class FusedHeadline(NamedTuple):
    """A headline run into its page's text, the date between them, and the text."""

    headline: str
    text: str
    date: dt.date


def fused_headline(paragraph: str) -> FusedHeadline | None:
    """The headline, the article text and their date for a page flattened into one paragraph
    that opens with its headline and date ("Aid pledges rise Saturday, January 1, 2005 In an
    abrupt ...", "Tsunami toll passes 80,000 December 29, 2004 The death toll ..."), as WikiNews
    pages are in MultiLing; None for any other paragraph."""
    weekday = next(values.weekday_dates(paragraph), None)
    found: values.Found | None
    if weekday is not None and weekday.year is not None:
        found = values.Found(dt.date(weekday.year, weekday.month, weekday.day), weekday.start, weekday.end)
    else:  # a date without its weekday is a headline's only before "The", "A" or "An" and the story
        found = next((d for d in values.full_dates(paragraph) if _ARTICLE_OPENS.match(paragraph, d.end)), None)
    if found is None:
        return None
    headline, text = paragraph[: found.start].strip(), paragraph[found.end :].strip()
    leading = values.full_dates(headline)
    if leading and leading[0].start == 0:  # "2005/01/08 Tsunami aid ..."
        headline = headline[leading[0].end :].strip()
    words = headline.split()
    if not 2 <= len(words) <= MAX_HEADING_WORDS or words[-1].lower() in _PROSE_BEFORE_DATE:
        return None
    return FusedHeadline(headline, text, found.date) if _STARTS_SENTENCE.match(text) else None


def dated_like_a_photo(sentence: str) -> bool:
    """Whether ``sentence`` is dated as a news agency dates its photos, by weekday, day, month and year, and reads
    as a caption: it closes on that date with no preposition before it ("... in Tokyo Thursday, March 17, 2011."),
    or on where the picture was taken after it ("... respond to the scene, Sunday, Dec. 20, 2015, in Las Vegas.");
    or it tells in the present what the picture shows (`_NOT_PRESENT`). Prose dates what happened "on Tuesday,
    ..." and reports it in the past or the future."""
    dated = [found for found in values.weekday_dates(sentence) if found.year is not None]
    if not dated:
        return False
    if not _NOT_PRESENT.search(outside_quotes(sentence)):
        return True
    after = sentence[dated[-1].end :]
    if re.search(r"\w", after) and not _PHOTO_PLACE.match(after):
        return False
    before = sentence[: dated[-1].start].split()
    return not before or before[-1].lower() not in _PROSE_BEFORE_DATE


def clean_page(raw: str) -> str:
    """The article text of a scraped page: kept lines as paragraphs separated by blank
    lines, datelines cut off, and a headline fused to the opening paragraph cut off."""
    lines = classify_lines(raw)
    kept = [_without_dateline(line.text) for line in lines if line.rule is None]
    if kept and lines[0].rule is None and (fused := fused_headline(kept[0])):
        kept[0] = fused[1]
    if kept:
        kept[0] = _PLACE_DATELINE.sub("", kept[0], count=1)
    return "\n\n".join(text for text in kept if text)


def _without_dateline(paragraph: str) -> str:
    """``paragraph`` less its `DATELINE`, opening as a sentence does ("Washington ( cnn ) the u.s. ..." in
    lower-cased Multi-News is "The u.s. ...")."""
    cut = DATELINE.sub("", paragraph, count=1)
    return paragraph if cut == paragraph else sentence_case(cut)


def _without_run_in_dateline(sentence: str) -> str:
    """``sentence`` less a dateline that a flattened page runs into any sentence: a news agency's ("Hong Kong (AP) —
    A ...", where a bracket before a dash may be prose: "Such waste of paper (and ink cartridges) — not to mention
    ...") or a place's in lower-cased text (`_LOWER_DATELINE`)."""
    cased = sentence_case(sentence)
    dateline = DATELINE.match(cased)
    if dateline and _AGENCY.fullmatch(dateline["outlet"]):
        return cased[dateline.end() :]
    place = _LOWER_DATELINE.match(cased)
    if place and not _NOT_IN_A_PLACE.search(place["place"]) and not _FIRST_PERSON.match(cased, place.end()):
        return cased[place.end() :]  # "That — and ...", "The files — obtained ...", "Pete Wentz -- I did not ..." stay
    return sentence


def without_furniture(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """``sentences`` less the site's own words run into them (`_FURNITURE_SENTENCE`, `_FURNITURE_OPENING`), less
    the tweets embedded before them and less a structured abstract's headings (`without_abstract_headings`): "Image
    copyright Getty Images Image caption The suspect ..." is "The suspect ..."."""
    sentences = without_abstract_headings(sentences)
    kept = []
    for sentence in sentences:
        rest = sentence
        for _ in range(3):  # what is cut may uncover more: "(AP Photo/...) (Associated Press) Paris (AP) — The ..."
            cut = _EMBEDDED_TWEET.sub("", _FURNITURE_OPENING.sub("", rest, count=1).strip(), count=1).strip()
            if _CREDIT_WORD.search(cut, 0, CREDIT_REACH):
                cut = _CREDITED_CAPTION.sub("", cut, count=1).strip()
            cut = _BYLINE.sub("", cut, count=1).strip()
            cut = _without_run_in_dateline(cut)
            if cut == rest:
                break
            rest = cut
        if rest and not _FURNITURE_SENTENCE.match(rest):  # what is left may be furniture too: "(AP) FILE - In this ..."
            kept.append(sentence if rest == sentence else sentence_case(rest))
    return tuple(kept)


def without_abstract_headings(sentences: tuple[str, ...]) -> tuple[str, ...]:
    """``sentences`` of a journal's structured abstract less the headings that open them ("Objective to determine
    ..." is "To determine ..."); an article that is not one, by `_ABSTRACT_HEADING`'s test, is returned as it is."""
    found = [_ABSTRACT_HEADING.match(sentence) for sentence in sentences]
    headings = {match["heading"].lower() for match in found if match}
    if len(headings) < 2 or not any(heading in _ONLY_A_HEADING or " " in heading for heading in headings):
        return sentences
    return tuple(
        sentence_case(sentence[match.end() :]) if match else sentence
        for sentence, match in zip(sentences, found, strict=True)
    )
