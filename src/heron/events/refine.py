"""Refinements of a code by the act's own words, once its trigger and arguments are known.

* political-reform codes (024, 034, 083, 104, 123, 141-145) take CAMEO's fourth digit from cue
  words in the act's clause (``reform_topics`` in ``_frames.yaml``): "rallies calling for the
  president's removal" -> 1411;
* troops sent or arriving as peacekeepers are military protection: 154 / 042 -> 074;
* aid counted in money is economic aid: 070 -> 071;
* the expulsion of thousands is a mass expulsion: 174 -> 201;
* the expulsion or withdrawal of a mission rather than of persons is 166x (CAMEO 166: "expulsions
  or deportations of individuals ... are coded as 174"; "withdrawal of hostile military forces" is
  a yielding, 087): peacekeepers 1661, inspectors or observers 1662, aid agencies 1663 -- "forced
  the UN refugee agency out", "peacekeepers were shipped out", "will withdraw its peacekeeping force";
* a charge or indictment for war crimes is CAMEO 1124 ("allege, charge the target with ...
  participation in war crimes"), not an arrest (173): "was indicted by the war crimes tribunal for
  atrocities", "charged with genocide".

Each returns the new code and a note for the event's reason (or the code unchanged and "").
"""

from __future__ import annotations

from collections.abc import Container

from heron.events.lexicon_model import TriggerLexicon
from heron.events.matcher import Match, grammatical_object

#: acts against people that CAMEO codes as mass violence when thousands suffer them
MASS_CODES = {"174": "201"}
MASS_WORDS = frozenset({"thousands", "tens", "millions"})
PEACEKEEPING_CODES = frozenset({"154", "042"})
#: words that make a threatened force one of mass destruction (CAMEO 1385)
WMD_WORDS = frozenset({"chemical", "biological", "nuclear", "atomic", "radiological", "germ", "nerve", "dirty"})
#: verbs of a legal charge (the arrest row's other verbs detain or jail: those stay 173)
CHARGE_VERBS = frozenset({"indict", "charge", "prosecute"})
WAR_CRIME_WORDS = frozenset({"atrocity", "atrocities", "genocide", "war-crimes", "war crime", "war crimes",
                             "crimes against", "ethnic cleansing", "crime against"})
#: expulsions of persons (174) and withdrawals of forces (087, 0874) that a mission's words make 166x
PULLOUT_CODES = frozenset({"174", "087", "0874"})
OBSERVER_WORDS = frozenset({"inspector", "inspectors", "observer", "observers", "monitor", "monitors",
                            "verifier", "verifiers"})
AID_BODY_WORDS = frozenset({"agency", "agencies", "organization", "organizations", "organisation",
                            "organisations", "group", "groups", "worker", "workers", "charity",
                            "charities", "ngo", "ngos", "mission", "staff"})
AID_WORDS = frozenset({"aid", "relief", "refugee", "humanitarian", "charity", "charities", "ngo", "ngos"})


def refine_code(code: str, m: Match, lexicon: TriggerLexicon, actor_tokens: Container[int]) -> tuple[str, str]:
    if code in lexicon.reform_families:
        return reform_topic(code, m, lexicon, actor_tokens)
    if code in PEACEKEEPING_CODES and _peacekeeping(m, lexicon):
        return "074", f"troops as peacekeepers: {code} -> 074"
    if code == "070" and _in_money(m, lexicon):
        return "071", "aid counted in money: 070 -> 071"
    if code == "138" and m.obj is not None and _mass_destruction(m.obj):
        return "1385", "weapons of mass destruction threatened: 138 -> 1385"
    if code == "173" and m.token.lemma_.lower() in CHARGE_VERBS and _war_crimes(m):
        return "1124", "charged with war crimes: 173 -> 1124"
    pulled = _mission_pulled_out(code, m, lexicon) if code in PULLOUT_CODES else None
    if pulled is not None:
        return pulled, f"a mission expelled or withdrawn, not persons: {code} -> {pulled}"
    if code in MASS_CODES and _many_people(m):
        return MASS_CODES[code], f"{code} of thousands -> {MASS_CODES[code]}"
    return code, ""


def reform_topic(code: str, m: Match, lexicon: TriggerLexicon, actor_tokens: Container[int]) -> tuple[str, str]:
    """The fourth digit from cue words in the act's own clause (actor names and the trigger left out)."""
    parts = {p.i for p in m.parts}
    words = [t for t in m.clause.subtree if t.i not in actor_tokens and t.i not in parts]
    lemmas = {t.lemma_.lower() for t in words}
    lemmas |= {f"{a.lemma_.lower()} {b.lemma_.lower()}" for a, b in zip(words, words[1:]) if b.i == a.i + 1}
    for digit, cues in lexicon.reform_topics:
        hit = lemmas & cues
        if hit:
            return code + digit, f"about {sorted(hit)[0]!r}: {code} -> {code}{digit}"
    return code, ""


def _peacekeeping(m: Match, lexicon: TriggerLexicon) -> bool:
    """Peacekeeping words in the act's clause: the troops sent or arriving keep the peace."""
    words = {w for t in m.anchor.subtree for w in (t.lemma_.lower(), t.lower_)}
    return bool(words & lexicon.peacekeeping_words)


def _in_money(m: Match, lexicon: TriggerLexicon) -> bool:
    """The aid's own phrase counts money: "$50 million in aid", "5.1 million dollars of aid"."""
    heads = [t for t in (m.obj, m.obj_head, m.token if m.pattern.pos == "noun" else None) if t is not None]
    near = {t for h in heads for t in (h, h.head, h.head.head, *h.head.children)}  # "dollars of aid"
    for h in heads:
        near |= set(h.subtree)
    return any(t.is_currency or t.lemma_.lower() in lexicon.money_nouns for t in near)


def _many_people(m: Match) -> bool:
    """The act's object counts a thousand or more: "expelled 1,000 refugees", "thousands of villagers"."""
    obj = grammatical_object(m.token) if m.pattern.pos == "verb" else None
    if obj is None:
        return False
    if obj.lower_ in MASS_WORDS:
        return True
    for c in obj.children:
        if c.dep_ == "nummod":
            digits = c.text.replace(",", "")
            if digits.isdecimal() and int(digits) >= 1000:
                return True
            if c.lower_ in ("thousand", "thousands", "million", "millions"):
                return True
    return False


def _mission_pulled_out(code: str, m: Match, lexicon: TriggerLexicon) -> str | None:
    """166x when what is expelled or withdrawn is a peacekeeping force (1661), inspectors or
    observers (1662) or an aid agency (1663), from the words of the object's phrase."""
    obj = m.obj if m.obj is not None else (grammatical_object(m.token) if m.pattern.pos == "verb" else None)
    if obj is None:
        return None
    words = {w for t in obj.subtree for w in (t.lemma_.lower(), t.lower_)}
    if words & lexicon.peacekeeping_words:
        return "1661"
    if words & OBSERVER_WORDS:
        return "1662"
    if code == "174" and words & AID_BODY_WORDS and words & AID_WORDS:
        return "1663"
    return None


def _war_crimes(m: Match) -> bool:
    """War-crimes words in the charge's own phrase: its object, "for"/"with" phrase or "by" agent."""
    words = [t for t in m.token.subtree if t.i != m.token.i]
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    lemmas |= {f"{a.lower_} {b.lower_}" for a, b in zip(words, words[1:]) if b.i == a.i + 1}
    return bool(lemmas & WAR_CRIME_WORDS)


def _mass_destruction(obj) -> bool:
    """ "chemical and biological weapons", "nuclear bombs": the weapon's own modifiers."""
    return any(t.lower_ in WMD_WORDS for t in obj.subtree if t.i < obj.i)
