"""Minors' protection: who must consent, by age (the policy's rule)."""

from __future__ import annotations

from datetime import date
from enum import Enum


class AgeGroup(Enum):
    CHILD = "child"  # under 14: a guardian must consent before any use or data
    TEEN = "teen"  # 14–17: the guardian's consent or the teen's own
    ADULT = "adult"


class InvalidBirthDate(ValueError):
    """A date of birth in the future or implausibly far in the past."""


def age_on(birth: date, today: date) -> int:
    if birth > today:
        raise InvalidBirthDate("the date of birth is in the future")
    years = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if years > 120:
        raise InvalidBirthDate("the date of birth is more than 120 years ago")
    return years


def age_group(birth: date, today: date) -> AgeGroup:
    years = age_on(birth, today)
    if years < 14:
        return AgeGroup.CHILD
    if years < 18:
        return AgeGroup.TEEN
    return AgeGroup.ADULT


def guardian_required(group: AgeGroup) -> bool:
    return group is AgeGroup.CHILD


def guardian_allowed(group: AgeGroup) -> bool:
    return group is not AgeGroup.ADULT
