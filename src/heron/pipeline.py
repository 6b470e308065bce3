"""The coding pipeline: article -> parse -> actors -> events -> places, dates, counts -> records.

``Coder`` holds the compiled resources (spaCy model, actor matchers, trigger lexicon, gazetteer);
they load lazily on first use, never at import or construction. Each stage is a plain function or
class in its own module and can be used alone; this module only wires them together.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

from heron import __version__
from heron.records import (
    Article,
    CodedArticle,
    Count,
    DateRef,
    Event,
    EventCandidate,
    Mention,
    Place,
    Sentence,
)
from heron.settings import Settings

log = logging.getLogger(__name__)


class Coder:
    """Codes articles into events. Cheap to construct; resources load on first use."""

    def __init__(self, settings: Settings | None = None, *, learned: tuple[dict, ...] = ()) -> None:
        self.settings = settings or Settings()
        self.learned = learned  # rows of the store's learned_actors table (see heron.store.learned)

    def with_dyad_rule(self, require_dyad: bool) -> Coder:
        """A coder that differs only in ``require_dyad``, sharing this one's already-loaded model,
        dictionaries, ontology, gazetteer and mention finder (none of them depends on the rule)."""
        fresh = Coder(self.settings.model_copy(update={"require_dyad": require_dyad}), learned=self.learned)
        for name in ("nlp", "knowledge", "ontology", "gazetteer", "mention_finder", "case_lexicon", "sentence_gate"):
            if name in vars(self):
                vars(fresh)[name] = vars(self)[name]
        return fresh

    # -- resources (lazy) -------------------------------------------------------------------
    @cached_property
    def nlp(self):
        from heron.nlp import load_nlp

        return load_nlp(self.settings.model)

    @cached_property
    def knowledge(self):
        from heron.actors.dictionaries import load_builtin, load_dictionary

        from heron.actors.learned import knowledge_from_learned

        # later layers win: built-in < learned from earlier articles < the user's dictionaries
        layers = [knowledge_from_learned(self.learned)] if self.learned else []
        layers += [load_dictionary(p) for p in self.settings.actor_files]
        kb = load_builtin()
        return kb.merged(*layers) if layers else kb

    @cached_property
    def mention_finder(self):
        from heron.actors.mentions import MentionFinder

        return MentionFinder(self.nlp, self.knowledge, use_context_country=self.settings.use_context_country)

    @cached_property
    def event_coder(self):
        from heron.events import EventCoder

        verbs = ()
        if self.settings.verb_files:
            from heron.events.petrarch_verbs import read_verb_dictionary

            verbs = tuple(read_verb_dictionary(p) for p in self.settings.verb_files)
        return EventCoder(self.nlp.vocab, require_dyad=self.settings.require_dyad, verb_dictionaries=verbs,
                           unnamed_perpetrator=self.settings.unnamed_perpetrator)

    @cached_property
    def ontology(self):
        from heron.ontology import load_ontology

        return load_ontology()

    @cached_property
    def gazetteer(self):
        from heron.geo import load_gazetteer

        return load_gazetteer()

    @cached_property
    def case_lexicon(self):
        """Names whose capitals :func:`heron.nlp.truecase.truecase` restores in lower-cased text:
        the actor phrases and the gazetteer's countries, divisions and larger places."""
        from heron.nlp.truecase import build_lexicon, gazetteer_names

        return build_lexicon([*self.knowledge.phrases(), *self.knowledge.cased_phrases(),
                              *gazetteer_names(self.gazetteer)])

    @cached_property
    def partial_parser(self):
        """The gate and the partial parse (heron.nlp.partial), with ``fast``; None where every sentence
        is parsed: by default, with user verb dictionaries (their verbs are not the gate's), or with a
        model that has no ``senter``."""
        if not self.settings.fast or self.settings.verb_files or "senter" not in self.nlp.component_names:
            return None
        from heron.nlp.partial import PartialParser

        return PartialParser(self.nlp, self.sentence_gate, batch_size=self.settings.batch_size)

    @cached_property
    def sentence_gate(self):
        """Which sentences need parsing (heron.nlp.gate), from the mention finder's own phrase
        matchers, the trigger lexicon's lemmas and constraint words, and the count words."""
        from heron.counts.lexicon import count_lexicon
        from heron.actors.unlisted import org_words
        from heron.nlp.gate import SentenceGate, TriggerIndex, any_forms

        finder = self.mention_finder
        lexicon = self.event_coder.lexicon
        lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
        cl = count_lexicon()
        count_lemmas = {*cl.verb_kinds, *cl.passive_only_kinds, *cl.arrest_verbs, *cl.subject_kinds,
                        *cl.adj_kinds, *cl.noun_kinds, *cl.nominal_kinds, *cl.toll_verbs, *cl.protest_nouns}
        words, orgs = finder.words, org_words()
        return SentenceGate(
            self.nlp.vocab,
            matchers=(finder.actor_matcher, finder.cased_matcher, finder.sector_matcher),
            triggers=TriggerIndex(lexicon, lemmatizer, self.nlp.vocab),
            count_words=any_forms(count_lemmas, lemmatizer),
            pronouns={*words["person_pronouns"], *words["plural_pronouns"], *words["thing_pronouns"],
                      *words["pair_nouns"]},
            name_words={*orgs.heads, *orgs.keywords},
        )

    def prepare_text(self, text: str) -> str:
        """The text as parsed: truecased when it is (almost) all lower case or set in capitals,
        else unchanged. Same length either way, so offsets into it are offsets into ``text``."""
        from heron.nlp.truecase import is_mostly_lower, is_mostly_upper, lower_same_length, truecase

        if is_mostly_lower(text):
            return truecase(text, self.case_lexicon)
        if is_mostly_upper(text):
            return truecase(lower_same_length(text), self.case_lexicon)
        return text

    @property
    def version(self) -> str:
        return f"heron-{__version__}"

    def warm_up(self) -> None:
        """Load every resource now (worker start-up), instead of on the first article."""
        _ = self.nlp, self.mention_finder, self.event_coder, self.ontology, self.gazetteer, self.partial_parser

    # -- coding -----------------------------------------------------------------------------
    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_articles([article]))

    def code_articles(self, articles: Iterable[Article], *,
                      on_error: Callable[[Article, Exception], None] | None = None) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them as one stream with ``nlp.pipe``.

        With ``on_error``, an article whose coding raises is handed to it and skipped, and the
        stream goes on; without it, the error propagates.
        """
        limit = self.settings.max_chars
        pairs = ((self.prepare_text(_cut(a, limit)), a) for a in articles)  # truecasing: same offsets
        for doc, article in self._parse(pairs):
            if on_error is None:
                yield self.code_doc(doc, article)
                continue
            try:
                coded = self.code_doc(doc, article)
            except Exception as exc:  # noqa: BLE001 - reported through on_error with the article
                log.exception("coding failed for %s", article.origin or article.id)
                on_error(article, exc)
                continue
            yield coded

    def _parse(self, pairs: Iterable[tuple[str, Article]]) -> Iterator[tuple[Doc, Article]]:
        """(Doc, article) in order: the gated partial parse with ``fast``, else ``nlp.pipe``."""
        partial = self.partial_parser
        if partial is None:
            yield from self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size)
            return
        held: deque[Article] = deque()  # the articles whose texts the parser has taken, in order

        def texts():
            for text, article in pairs:
                held.append(article)
                yield text

        for doc, _ in partial.pipe(texts()):
            yield doc, held.popleft()

    def code_doc(self, doc: Doc, article: Article) -> CodedArticle:
        from heron.actors.coref import resolve
        from heron.counts import find_counts
        from heron.dates import find_dates
        from heron.events.retaliation import link_retaliations
        from heron.geo import dateline_of, geoparse, locate_event
        from heron.nlp.context import DocContext

        # Doc.text, Doc.sents and Doc.ents are rebuilt on every access: compute them once here
        ctx = DocContext.of(doc)
        sents, text = ctx.sents, ctx.text
        sentences = [Sentence(article.id, i, s.start_char, s.end_char, text[s.start_char:s.end_char])
                     for i, s in enumerate(sents)]

        dateline = dateline_of(doc, text=text)
        places = geoparse(doc, article_id=article.id, gazetteer=self.gazetteer, ents=ctx.ents,
                          sentence_of_token=ctx.sent_of_token, text=text)
        places_by_sentence: dict[int, list[Place]] = {}
        for p in places:
            places_by_sentence.setdefault(p.sentence_index, []).append(p)
        dateline_place = next((p for p in places if p.role == "dateline"), None)
        context_country = dateline_place.country if dateline_place else None

        mentions = self.mention_finder.find(doc, published=article.published, context_country=context_country,
                                            skip=(dateline.start, dateline.end) if dateline else None)
        mentions = resolve(doc, mentions)
        if self.settings.use_context_country:  # last resort: the article's country (actors/article_country.py)
            from heron.actors.article_country import fill_article_country

            mentions = fill_article_country(mentions, places, dateline_place=dateline_place, text=text)
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence_index, []).append(m)

        events: list[Event] = []
        counts: list[Count] = []
        all_dates: list[DateRef] = []
        carried: tuple[DateRef, int] | None = None
        previous: list[EventCandidate] = []  # the sentence before's candidates (retaliations)
        for i, sent in enumerate(sents):
            sent_ents = ctx.sentence_ents(i)
            dates = find_dates(sent, published=article.published, ents=sent_ents, doc_text=text)
            all_dates.extend(dates)
            own = _sentence_date(dates)
            if own is not None:
                carried = (own, i) if own.precision == "day" and not own.historical else None
            sent_places = places_by_sentence.get(i, [])
            candidates = self.event_coder.code_sentence(sent, by_sentence.get(i, []), sentence_index=i,
                                                        published=article.published, places=sent_places)
            # "Maoists opened fire on the police. The police retaliated": against the attackers
            candidates = link_retaliations(candidates, previous)
            previous = candidates
            sent_events = []
            actor_tokens = {t for m in by_sentence.get(i, []) for t in range(m.tok_start, m.tok_end)}
            for cand in candidates:
                trigger_index = _token_at(doc, cand.trigger_start)
                place, loc_reason = locate_event(sent, trigger_index=trigger_index, places=sent_places,
                                                 dateline=dateline_place, code=cand.cameo_code,
                                                 actor_tokens=actor_tokens)
                when, how = _event_date(own, carried, article.published)
                if own is None and (targets := [d.text for d in dates if d.target]):
                    how += f" (not {targets[0]!r}: a target date, not when the act happened)"
                sent_events.append(self._event(article, sentences[i].text, i, cand, place, loc_reason, when, how))
            if self.settings.main_only:
                from heron.events.ranking import main_events

                sent_events = main_events(sent_events, per=self.settings.main_per)
            events.extend(sent_events)
            for c in find_counts(sent, article_id=article.id, sentence_index=i, ents=sent_ents):
                if sent_events:
                    c.event_id = sent_events[0].event_id
                    c.location_country = sent_events[0].location_country
                if c.date is None:
                    c.date = (own.value if own and own.value else article.published)
                if c.location_country is None and sent_places:
                    located = [p for p in sent_places if p.role == "location" and p.country]
                    c.location_country = located[0].country if located else None
                counts.append(c)
        events = _settle_article(events, counts, text=text, sentences=sentences, dateline=dateline,
                                 places=places, dateline_place=dateline_place)
        return CodedArticle(article=article, sentences=sentences, mentions=mentions, events=events,
                            places=places, counts=counts, dates=all_dates)

    def _code(self, code: str):
        """The ontology entry; a user verb dictionary's own code (not CAMEO) keeps its string and
        gets no Goldstein score or classes."""
        from heron.errors import OntologyError
        from heron.ontology import CameoCode

        try:
            return self.ontology.get(code)
        except (KeyError, OntologyError):
            return CameoCode(code=code, name=f"user code {code}", goldstein=None, root=code[:2], level=len(code),
                             quad_class=None, penta_class=None, needs_target=True, plover_type="",
                             plover_mode="", plover_context="")

    def _event(self, article: Article, sent_text: str, i: int, cand: EventCandidate, place: Place | None,
               loc_reason: str, when: DateRef | None, how: str) -> Event:
        from heron.actors.article_country import reason_note

        code = self._code(cand.cameo_code)
        src, tgt = cand.source, cand.target
        return Event(
            event_id=_event_id(article.id, i, cand),
            article_id=article.id, sentence_index=i, sentence_text=sent_text,
            start=cand.start or cand.trigger_start, end=cand.end or cand.trigger_end,
            cameo_code=code.code, cameo_root=code.root, cameo_name=code.name, goldstein=code.goldstein,
            quad_class=code.quad_class, penta_class=code.penta_class,
            plover_type=code.plover_type, plover_mode=code.plover_mode,
            source_text=cand.source_text, source_name=src.name if src else None,
            source_code=src.code if src else None, source_country=src.country if src else None,
            source_sectors=list(src.sectors) if src else [],
            target_text=cand.target_text, target_name=tgt.name if tgt else None,
            target_code=tgt.code if tgt else None, target_country=tgt.country if tgt else None,
            target_sectors=list(tgt.sectors) if tgt else [],
            date=when.value if when else None, date_precision=when.precision if when else "none",
            date_reason=how,
            location_name=place.name if place else None, location_country=place.country if place else None,
            latitude=place.latitude if place else None, longitude=place.longitude if place else None,
            location_reason=loc_reason,
            trigger=cand.trigger, pattern_id=cand.pattern_id, reason=cand.reason + reason_note(src, tgt),
            confidence=cand.confidence,
            negated=cand.negated, modality=cand.modality, reported_by=cand.reported_by,
            coder_version=self.version,
        )


def _sentence_date(dates: list[DateRef]) -> DateRef | None:
    dated = [d for d in dates if d.value is not None and not d.target]  # a target date is not when it happened
    current = [d for d in dated if not d.historical]
    return (current or dated or [None])[0]


def _event_date(own: DateRef | None, carried: tuple[DateRef, int] | None,
                published: date | None) -> tuple[DateRef | None, str]:
    """The sentence's own date, else a day carried from an earlier sentence, else publication."""
    if own is not None:
        return own, f"sentence: {own.text!r}" + (f" ({own.reason})" if own.reason else "")
    if carried is not None:
        ref, j = carried
        return ref, f"carried from sentence {j}: {ref.text!r}"
    if published is not None:
        return DateRef(text="", start=0, end=0, value=published, precision="day"), "publication date"
    return None, "none"


def _cut(article: Article, limit: int) -> str:
    """The part of the text that is coded: at most ``limit`` characters, with a warning when cut."""
    if len(article.text) <= limit:
        return article.text
    log.warning("%s is %d characters long: only its first %d are coded (Settings.max_chars)",
                article.origin or article.id, len(article.text), limit)
    return article.text[:limit]


def _settle_article(events: list[Event], counts: list[Count], *, text: str, sentences: list[Sentence],
                    dateline, places: list[Place], dateline_place: Place | None) -> list[Event]:
    """Article-wide steps: a headline event the body repeats is dropped (its counts go to the
    body's event), and an event its sentence does not place takes the article's place of the
    action (see :mod:`heron.events.headlines`, :func:`heron.geo.settle_article_places`)."""
    from heron.events.headlines import drop_headline_repeats
    from heron.geo import settle_article_places
    from heron.nlp.headlines import body_start

    start = body_start(text, dateline)
    headline = {s.index for s in sentences if s.end <= start}
    if headline:
        events, replaced = drop_headline_repeats(events, headline)
        for c in counts:
            c.event_id = replaced.get(c.event_id, c.event_id)
    events = settle_article_places(events, places=places, dateline=dateline_place, headline=headline)
    where = {e.event_id: e.location_country for e in events}
    for c in counts:
        if c.event_id in where and where[c.event_id]:
            c.location_country = where[c.event_id]
    return events


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _event_id(article_id: str, i: int, cand: EventCandidate) -> str:
    key = "|".join(
        [article_id, str(i), cand.cameo_code, cand.source.code if cand.source else "",
         cand.target.code if cand.target else "", str(cand.trigger_start)]
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def code_text(text: str, *, published: date | None = None, article_id: str = "text",
              coder: Coder | None = None) -> CodedArticle:
    """Convenience: code one string."""
    coder = coder or Coder()
    return coder.code_article(Article(id=article_id, text=text, published=published))
