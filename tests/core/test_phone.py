from __future__ import annotations

import pytest

from artreview_desktop.core.phone import InvalidPhoneNumber, mask, normalize_mobile


@pytest.mark.parametrize(
    "text", ["13812345678", "+86 138 1234 5678", "+86-138-1234-5678", "008613812345678", " 8613812345678 ",
             "(138) 1234-5678"],
)
def test_accepted_forms(text: str) -> None:
    assert normalize_mobile(text) == "13812345678"


@pytest.mark.parametrize(
    "text", ["", "1381234567", "138123456789", "12812345678", "23812345678", "+1 415 555 0100", "1381234567a",
             "+8613812345"],
)
def test_refused_forms(text: str) -> None:
    with pytest.raises(InvalidPhoneNumber):
        normalize_mobile(text)


def test_mask() -> None:
    assert mask("13812345678") == "138****5678"
