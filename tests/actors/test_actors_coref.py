"""Coreference over actor mentions: chains, antecedents and what is left unresolved."""

from __future__ import annotations

from datetime import date

import pytest

from heron.records import Article


@pytest.fixture(scope="module")
def chain(nlp):
    from heron.actors.coref import resolve
    from heron.actors.dictionaries import load_builtin
    from heron.actors.mentions import MentionFinder

    finder = MentionFinder(nlp, load_builtin())

    def run(text: str, on: date | None = None):
        doc = nlp(text)
        return resolve(doc, finder.find(doc, published=on))

    return run


def _at(mentions, text: str, nth: int = 1):
    hits = [m for m in mentions if m.text == text]
    assert len(hits) >= nth, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[nth - 1]


def test_antecedents_form_a_chain_back_to_the_full_name(chain):
    ms = chain("Iraqi Interior Minister Qasim Rahimi visited Basra on Monday. Rahimi said the police were ready. "
               "The minister added that he would return next month.")
    first = _at(ms, "Iraqi Interior Minister Qasim Rahimi")
    short = _at(ms, "Rahimi")
    title = _at(ms, "The minister")
    he = _at(ms, "he")
    assert short.resolved_by == "coref:surname" and ms[short.antecedent] is first
    assert title.resolved_by == "coref:title" and ms[title.antecedent].actors == first.actors
    assert he.resolved_by == "coref:pronoun" and he.actors[0].name == "Qasim Rahimi"
    assert {m.actors[0].code for m in (short, title, he)} == {"IRQGOVCOP"}


def test_object_pronoun_skips_the_subject_of_its_own_verb(chain):
    ms = chain("Jordanian Foreign Minister Samir Haddad met Lebanese Prime Minister Karim Nassar. "
               "He thanked him for the invitation.")
    he, him = _at(ms, "He"), _at(ms, "him")
    assert he.actors[0].name == "Samir Haddad"
    assert him.actors[0].name == "Karim Nassar" and him.actors[0].code == "LBNGOV"


def test_title_respects_the_country_it_names(chain):
    ms = chain("Cuban Foreign Minister Rafael Ortiz met Chilean Foreign Minister Elena Rojas. "
               "The Cuban minister praised the talks.")
    assert _at(ms, "The Cuban minister").actors[0].name == "Rafael Ortiz"


def test_rank_title_finds_the_officer(chain):
    ms = chain("Colombian army commander General Luis Herrera visited the base. The general promised more troops.")
    general = _at(ms, "The general")
    assert general.resolved_by == "coref:title" and general.actors[0].name == "Luis Herrera"
    assert general.actors[0].code == "COLMIL"


def test_pair_phrases_take_the_last_coordinated_mention(chain):
    ms = chain("Ethiopia and Eritrea signed a peace deal. The two countries had fought a border war. "
               "Both sides pledged to reopen embassies.")
    pair = _at(ms, "Ethiopia and Eritrea")
    two = _at(ms, "The two countries")
    both = _at(ms, "Both sides")
    assert [a.code for a in two.actors] == ["ETH", "ERI"] and ms[two.antecedent] is pair
    assert both.resolved_by == "coref:pair" and [a.code for a in both.actors] == ["ETH", "ERI"]


def test_they_prefers_a_plural_body_named_after_the_pair(chain):
    ms = chain("Iran and Iraq held talks. Iraqi police later detained two men. They said the men were smugglers.")
    they = _at(ms, "They")
    assert they.actors[0].code == "IRQCOP"


def test_possessor_of_a_pair_gives_one_actor_each(chain):
    ms = chain("Armenia and Azerbaijan met in Prague. The two countries' leaders agreed to talk again.")
    leaders = next(m for m in ms if m.text.endswith("leaders"))
    assert [a.code for a in leaders.actors] == ["ARMGOV", "AZEGOV"]


def test_counterpart_takes_the_role_of_the_possessor(chain):
    ms = chain("Indonesian Defence Minister Budi Santoso called his Malaysian counterpart on Friday.")
    other = _at(ms, "Malaysian counterpart")
    assert other.actors[0].code == "MYSGOVMIL" and other.actors[0].role == "defence minister"
    assert ms[other.antecedent].actors[0].name == "Budi Santoso"


def test_it_refers_to_a_country_not_a_person(chain):
    ms = chain("Kenyan President Daniel Mwangi said Somalia must act. It denied harbouring militants.")
    it = _at(ms, "It")
    assert it.actors[0].code == "SOM"


def test_its_fighters_of_a_group_are_the_group(chain):
    ms = chain("Boko Haram said its fighters had taken the town.")
    assert next(m for m in ms if m.text == "its fighters").actors[0].code == "NGAREB"


def test_unresolvable_words_make_no_mention(chain):
    ms = chain("He said they would come. Lyon is cold in winter.")
    assert ms == []


def test_a_surname_matches_only_a_name_it_belongs_to(chain):
    ms = chain("Malian Prime Minister Moussa Traore met Amadou Keita. Keita said nothing.")
    assert not any(m.resolved_by == "coref:surname" for m in ms)


def test_pronouns_do_not_reach_far_back(chain):
    ms = chain("Peruvian President Jorge Salas spoke. The weather was warm. Markets rose. Prices fell. He left.")
    assert not any(m.text == "He" for m in ms)


def test_pipeline_keeps_coreference_and_roles_by_date(coder):
    text = ("Kerry met Iranian Foreign Minister Javad Zarif in Vienna on Tuesday. Zarif said the two sides "
            "had made progress. The Iranian minister said he would brief Rouhani.")
    coded = coder.code_article(Article(id="coref-1", text=text, published=date(2015, 7, 7)))
    by_text = {m.text: m for m in coded.mentions}
    assert by_text["Kerry"].actors[0].code == "USAGOV"
    assert by_text["the two sides"].resolved_by == "coref:pair"
    assert {a.country for a in by_text["the two sides"].actors} == {"USA", "IRN"}
    assert by_text["The Iranian minister"].actors[0].name == "Mohammad Javad Zarif"
    assert by_text["he"].actors[0].code == "IRNGOV"
    assert by_text["Rouhani"].actors[0].role == "president"


def test_possessive_refers_to_its_clause_subject_first(chain):
    ms = chain("Chilean Foreign Minister Ramon Vidal met Peruvian Trade Minister Jorge Salas in Lima. "
               "Vidal spoke first. Salas, for his part, said that exports would grow.")
    his = _at(ms, "his")
    assert his.resolved_by == "coref:pronoun" and his.actors[0].name == "Jorge Salas"


def test_the_two_countries_leaders_are_one_government_actor_per_country(chain):
    ms = chain("Ghana and Togo signed a border accord. The deal reflects the will of the two countries' leaders.",
               )
    leaders = next(m for m in ms if m.text.endswith("leaders"))
    assert sorted(a.code for a in leaders.actors) == ["GHAGOV", "TGOGOV"]
    assert leaders.resolved_by == "coref:pair"


def test_their_takes_a_coordinated_subject_of_its_clause(chain):
    ms = chain("Ecuadorian police arrested six men in Quito. Peru and Chile want to expand their trade.")
    their = _at(ms, "their")
    assert {a.country for a in their.actors} == {"PER", "CHL"}


def test_pronoun_gender_follows_the_title(chain):
    ms = chain("Mrs. Grace Okafor, the Nigerian trade minister, met Kenyan Trade Minister Peter Mwangi in Abuja. "
               "He said the talks went well.")
    assert _at(ms, "He").actors[0].name == "Peter Mwangi"


def test_gender_learned_from_an_earlier_pronoun(chain):
    ms = chain("Mr. Tomas Berg, Norway's fisheries minister, met Icelandic Fisheries Minister Anna Sigurdardottir. "
               "She said he had made a fair offer.")
    she, he = _at(ms, "She"), _at(ms, "he")
    assert she.actors[0].name != he.actors[0].name
    assert he.actors[0].name == "Tomas Berg"


def test_it_reaches_back_one_sentence_only(chain):
    ms = chain("Vietnam protested on Monday. Fishermen were angry on the coast. It said nothing more.")
    assert not [m for m in ms if m.text == "It"]
