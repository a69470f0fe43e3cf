"""Find direct, partial and indirect quotes in a parsed Doc (the pure "find" step).

``find_quotes(doc, lexicon)`` returns candidates; ``attribute`` gives each its speaker;
the component writes the result to ``doc._.eventwire_quotes``.

* Quote-marked spans (``marks.py``) are ``direct`` when they hold a clause with its
  subject or a whole sentence, else ``partial``. A partial quote counts only when a
  speech cue governs it (a reporting verb, a naming verb such as "called ... a 'gamble'",
  or a speech act such as "accused X of a 'reckless' act"): scare quotes and titles that
  nobody says are dropped. A direct quote with no cue in its sentence is "floating" and
  takes the speaker of its paragraph (see ``attribute.py``).
* ``indirect`` quotes are the clauses reporting verbs report, before or after the verb,
  unless a direct quote already covers the clause; one nested inside another reported
  clause is part of it.
* "according to X" makes the clause it modifies an indirect quote by X when X is a
  speaker (an actor or a named entity), not "information" or "video".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from eventwire.actors.lookup import actor_for_token
from eventwire.quotes.clauses import according_to_object, is_negated, reported_clause, subject_of, trim
from eventwire.quotes.lexicon import SpeechLexicon
from eventwire.quotes.marks import MarkedSpan, find_marked_spans, paragraphs, text_of

ATTRIBUTING = ("report", "name", "comm")
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
FUNCTION_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with", "from"}
# share of a reported clause that a direct quote must cover to stand for it
DIRECT_COVER = 0.5
# A reported clause with at most this many words outside its quote marks ("it was “...”",
# "Kyiv “urgently needs ...”") is a partial quote with its subject, not a paraphrase of its own.
MAX_WORDS_AROUND_PARTIAL = 2


@dataclass
class Candidate:
    """A quote before attribution. ``start``/``end`` are character offsets into doc.text."""

    start: int
    end: int
    kind: str
    cue: Token | None
    cue_text: str | None
    subject: Token | None
    floating: bool = False


class _Marks:
    """Marked spans of one Doc with their token ranges."""

    def __init__(self, doc: Doc, spans: list[MarkedSpan]):
        self.doc = doc
        self.spans = spans
        starts = doc.to_array(IDX).tolist()  # not "t.idx for t in doc": a Token per word is slow
        self.tokens = []
        for s in spans:
            a = bisect.bisect_left(starts, s.start)
            b = bisect.bisect_left(starts, s.end)
            self.tokens.append((a, b))
        self.inside = set()
        for a, b in self.tokens:
            self.inside.update(range(a, b))


def _para_of(paras: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    i = bisect.bisect_right([p[0] for p in paras], offset) - 1
    return paras[max(i, 0)] if paras else (0, offset + 1)


def _is_full(doc: Doc, a: int, b: int, span: MarkedSpan) -> bool:
    """A clause with its own subject, a whole sentence, or more than one sentence."""
    tokens = doc[a:b]
    # the top of the quoted words is a clause with its own subject ("“it was extremely
    # important that Putin loses”" is a clause; "it was “extremely important that ...”" is not)
    roots = [
        t
        for t in tokens
        if not t.is_punct and not t.is_space and t.dep_ != "cc" and (t.head.i == t.i or not a <= t.head.i < b)
    ]
    for t in roots if len(roots) == 1 else []:
        if t.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and a <= c.i < b for c in t.children
        ):
            return True
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    closing = text_of(doc)[: span.end].rstrip()[-1:]
    first = next(t for t in words[0].sent if not t.is_punct and not t.is_space)
    if first.i == words[0].i and closing in (",", "?", "!", "."):
        return True  # '"Why now?" asked Lopez.': a sentence of its own before its attribution
    if len(words) < 2:
        return False
    sents = {t.sent.start for t in words}
    if len(sents) > 1:
        return True
    sent = words[0].sent
    outside = [t for t in sent if not (a <= t.i < b) and not t.is_punct and not t.is_space]
    return not outside and any(t.pos_ in ("VERB", "AUX") for t in words)


def _is_title(doc: Doc, a: int, b: int) -> bool:
    """Title Case words not at a sentence start: a title or a name, not speech."""
    words = [t for t in doc[a:b] if t.is_alpha]
    if len(words) < 2 or doc[a].is_sent_start:
        return False
    return all(t.text[0].isupper() or t.lower_ in FUNCTION_WORDS for t in words)


def _governing_cue(doc: Doc, a: int, b: int, lexicon: SpeechLexicon, para: tuple[int, int]) -> Token | None:
    """The speech cue in the same paragraph that the quoted tokens [a, b) depend on, climbing the parse."""
    for root in (t for t in doc[a:b] if not (a <= t.head.i < b) or t.head.i == t.i):
        head, seen = root, 0
        while head.head.i != head.i and seen < 12:
            head, seen = head.head, seen + 1
            if not para[0] <= head.idx < para[1]:
                break
            if a <= head.i < b:
                continue
            cls = lexicon.cue_class(head)
            if cls in ATTRIBUTING and not is_negated(head):
                return head
            if cls == "belief":
                return None
    return None


def _adjacent_report(
    doc: Doc, a: int, b: int, lexicon: SpeechLexicon, marks: _Marks, para: tuple[int, int]
) -> Token | None:
    """A reporting verb next to a full quote in its sentence ("'...,' he said, '...'")."""
    candidates = []
    first, last = doc[a].sent, doc[b - 1].sent if b > a else doc[a].sent
    for t in doc[first.start : last.end]:
        if not para[0] <= t.idx < para[1]:
            continue
        if t.i in marks.inside or lexicon.cue_class(t) != "report" or is_negated(t):
            continue
        own = [c for c in t.children if c.dep_ == "ccomp" and c.i not in marks.inside]
        if own:
            continue
        distance = a - t.i if t.i < a else t.i - b
        candidates.append((distance, t))
    if not candidates:
        return None
    distance, token = min(candidates, key=lambda x: x[0])
    return token if distance <= 12 else None


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and the writer's trailing comma from quoted words."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end - start > 1 and text[end - 1] == "." and not text[end - 2].isupper():
        end -= 1
    return start, end


def _marked_candidates(doc: Doc, marks: _Marks, lexicon: SpeechLexicon) -> list[Candidate]:
    out = []
    paras = paragraphs(text_of(doc))
    for span, (a, b) in zip(marks.spans, marks.tokens):
        if b <= a:
            continue
        full = _is_full(doc, a, b, span)
        if not full and _is_title(doc, a, b):
            continue
        first, last = _para_of(paras, span.start), _para_of(paras, max(span.end - 1, span.start))
        para = (first[0], last[1])  # a quote continued over paragraphs is attributed at its end
        cue = _governing_cue(doc, a, b, lexicon, para)
        if cue is None and full:
            cue = _adjacent_report(doc, a, b, lexicon, marks, para)
        start, end = _clean_span(text_of(doc), span.start, span.end)
        if end <= start:
            continue
        kind = "direct" if full else "partial"
        if cue is None:
            if full:
                out.append(Candidate(start, end, kind, None, None, None, floating=True))
            continue
        out.append(Candidate(start, end, kind, cue, lexicon.cue_text(cue), _subject(cue, lexicon)))
    return out


def _subject(cue: Token, lexicon: SpeechLexicon) -> Token | None:
    paras = paragraphs(text_of(cue.doc))
    para = _para_of(paras, cue.idx)
    subject = subject_of(cue, lambda t: lexicon.cue_class(t) in ATTRIBUTING)
    if subject is None:
        return _stranded_subject(cue, para)
    if para[0] <= subject.idx < para[1]:
        return subject
    # the parser joined a dateline or headline to the sentence: use the part of the
    # subject phrase that lies in the verb's paragraph ("SEOUL, June 20\n\nSouth Korea said")
    local = [t for t in subject.subtree if para[0] <= t.idx < para[1] and t.i < cue.i]
    local = [t for t in local if not (para[0] <= t.head.idx < para[1]) or t.head.i == subject.i]
    return local[0] if local else None


def _stranded_subject(cue: Token, para: tuple[int, int]) -> Token | None:
    """The speaker the parser attached elsewhere ("DATELINE\n\nNATO chief Jens Stoltenberg on
    Monday called ..." parsed with the name as an apposition of the dateline)."""
    if cue.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
        return None
    for token in reversed(cue.doc[cue.sent.start : cue.i]):
        if token.idx < para[0]:
            break
        named = token.ent_type_ in SPEAKER_ENTS or actor_for_token(token) is not None
        if named and token.dep_ in ("appos", "nsubj", "ROOT", "dep", "npadvmod") and token.head.i != cue.i:
            return token
    return None


def _clip(doc: Doc, a: int, b: int, para: tuple[int, int]) -> tuple[int, int]:
    while a < b and doc[a].idx < para[0]:
        a += 1
    while b > a and doc[b - 1].idx >= para[1]:
        b -= 1
    return trim(doc, a, b)


def _close_open_mark(text: str, start: int, end: int) -> int:
    """Keep the closing mark of a quote the clause ends in ('would "never pass"')."""
    words = text[start:end]
    opened = sum(words.count(c) for c in "“«") + words.count('"') % 2  # ’ is mostly an apostrophe
    closed = sum(words.count(c) for c in "”»")
    if end < len(text) and opened > closed and text[end] in '”»"':
        return end + 1
    return end


def _covered(start: int, end: int, directs: list[Candidate]) -> bool:
    inside = sum(max(0, min(end, d.end) - max(start, d.start)) for d in directs)
    return end > start and inside / (end - start) >= DIRECT_COVER


def _mostly_marked(doc: Doc, a: int, b: int, marks: _Marks) -> bool:
    """Tokens ``a:b`` are quoted words plus at most ``MAX_WORDS_AROUND_PARTIAL`` words."""
    inside = [i for i in range(a, b) if i in marks.inside]
    around = [t for t in doc[a:b] if t.i not in marks.inside and not t.is_punct and not t.is_space]
    return bool(inside) and len(around) <= MAX_WORDS_AROUND_PARTIAL


def _indirect_candidates(
    doc: Doc, marks: _Marks, lexicon: SpeechLexicon, directs: list[Candidate]
) -> list[Candidate]:
    paras = paragraphs(text_of(doc))
    is_report = lambda t: lexicon.cue_class(t) == "report"
    is_act = lambda t: lexicon.cue_class(t) in ATTRIBUTING

    # a trailing clause that reports or believes on its own is someone else's ("a pact that
    # Washington fears could ...", "the vessels, which it said had ...")
    def is_other_source(t: Token) -> bool:
        cls = lexicon.cue_class(t) or (lexicon.verbs.get(t.lemma_.lower()) if t.dep_ == "relcl" else None)
        return cls in ("report", "belief")

    found = []
    for token in _verbs(doc):
        if token.i in marks.inside or not is_report(token) or is_negated(token):
            continue
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("decline", "refuse", "fail"):
            continue  # "declined to say when talks would resume": nothing was said
        clause = reported_clause(token, is_other_source, is_act)
        if clause is None:
            continue
        a, b = _clip(doc, *clause, _para_of(paras, token.idx))
        if b <= a or not any(t.pos_ in ("VERB", "AUX") for t in doc[a:b]):
            continue
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        end = _close_open_mark(text_of(doc), start, end)
        if _covered(start, end, directs) or _mostly_marked(doc, a, b, marks):
            continue
        subject = _subject(token, lexicon)
        if subject is None:
            continue  # agentless ("it was announced that", "it is worth mentioning that"): nobody to attribute
        found.append(Candidate(start, end, "indirect", token, lexicon.cue_text(token), subject))
    found.extend(_according_to(doc, lexicon, paras))
    # a report nested in another reported clause is part of it ("said the officials had told X that ...")
    return [c for c in found if not any(o is not c and o.start <= c.cue.idx < o.end for o in found)]


def _verbs(doc: Doc) -> list[Token]:
    """The verbs and auxiliaries of ``doc`` (found on the POS array: only they become Tokens)."""
    return [doc[i] for i, p in enumerate(doc.to_array(POS).tolist()) if p == VERB or p == AUX]


def _according_to(doc: Doc, lexicon: SpeechLexicon, paras: list[tuple[int, int]]) -> list[Candidate]:
    if "according to" not in lexicon.sources or "ccording" not in doc.text:
        return []
    out = []
    for token in doc:
        source = according_to_object(token)
        if source is None or not _is_speaker_like(source):
            continue
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        phrase = (token.left_edge.i, token.right_edge.i + 1)
        a, b = clause.left_edge.i, clause.right_edge.i + 1
        if phrase[0] <= a:
            a = phrase[1]
        elif phrase[1] >= b - 1:
            b = phrase[0]
        else:
            continue
        a, b = _clip(doc, a, b, _para_of(paras, token.idx))
        if b <= a:
            continue
        out.append(
            Candidate(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), "indirect", token, "according to", source)
        )
    return out


def _is_speaker_like(token: Token) -> bool:
    """An actor or a named body ("the Philippine coast guard"), not "information" or "video"."""
    if token.lower_ in ("him", "her", "them", "it"):
        return True
    if actor_for_token(token) is not None or token.ent_type_ in SPEAKER_ENTS:
        return True
    return any(t.ent_type_ in SPEAKER_ENTS for t in token.lefts)


def find_quotes(doc: Doc, lexicon: SpeechLexicon) -> list[Candidate]:
    """Every quote candidate of ``doc``, in text order (speakers not yet resolved)."""
    marks = _Marks(doc, find_marked_spans(text_of(doc)))
    marked = _marked_candidates(doc, marks, lexicon)
    directs = [c for c in marked if c.kind == "direct"]
    indirect = _indirect_candidates(doc, marks, lexicon, directs)
    seen, out = set(), []
    for c in sorted(marked + indirect, key=lambda c: (c.start, c.end)):
        key = (c.start, c.end)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def sentence_of(doc: Doc, offset: int) -> Span | None:
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return token.sent if token is not None and len(token) else None
