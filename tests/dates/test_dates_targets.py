"""A target date ("by 2030", a date after publication) is never the event's date (issue 16.4)."""

from __future__ import annotations

from datetime import date

import pytest

from heron.pipeline import code_text

PUB = date(2024, 5, 10)  # a Friday


@pytest.mark.parametrize("text", [
    "Iran and Russia pledged to double their bilateral trade by 2030.",
    "The two governments promised to finish the gas pipeline by the end of 2027, Iranian officials said.",
    "Pakistan and China agreed to open the new border crossing by March.",
])
def test_a_deadline_is_not_the_event_date(coder, text):
    coded = code_text(text, published=PUB, coder=coder)
    assert coded.events, "the pledge or agreement is coded"
    for e in coded.events:
        assert e.date == PUB, (e.cameo_code, e.date, e.date_reason)
        assert "target date" in e.date_reason


def test_a_date_after_publication_is_a_target(coder):
    coded = code_text("Turkey vowed in a statement to expel the Swedish ambassador on 2 September 2024.", published=PUB,
                      coder=coder)
    assert coded.events and all(e.date == PUB for e in coded.events)


def test_a_past_date_still_dates_the_event(coder):
    coded = code_text("Iran and Russia signed a trade agreement in Moscow on Tuesday.", published=PUB, coder=coder)
    assert coded.events and all(e.date == date(2024, 5, 7) for e in coded.events)
    coded = code_text("Egypt had recalled its ambassador to Qatar by Friday, the ministry said.", published=PUB,
                      coder=coder)
    assert all(e.date == PUB and "Friday" in e.date_reason for e in coded.events)  # 'by' + a day: kept
