"""What the tests expect, read from the one source of the lab's facts (``_data/lab.yaml``).

Tests compare the built site with these values, so a changed meeting time in the data file
changes the expectations too. Formatting is re-stated here on purpose (plain f-strings),
independent of the extension's code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def hour(hhmm: str) -> str:
    """ "18:00" -> "18", "17:30" -> "17:30" """
    hours, minutes = hhmm.split(":")
    return str(int(hours)) if minutes == "00" else f"{int(hours)}:{minutes}"


@dataclass
class MeetingFacts:
    weekday: str
    start: str
    end: str
    timezone: str
    place: str
    street: str
    postcode: str
    city: str

    @classmethod
    def of(cls, data: dict) -> MeetingFacts:
        m = data["meeting"]
        return cls(
            m["weekday"],
            m["start"],
            m["end"],
            m["timezone"],
            m["place"],
            m["street"],
            str(m["postcode"]),
            m["city"],
        )

    @property
    def index(self) -> int:
        return WEEKDAYS.index(self.weekday)

    @property
    def rule(self) -> str:
        return f"Jeden {self.weekday}, {hour(self.start)}–{hour(self.end)} Uhr"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def at(self, day: date, hhmm: str) -> datetime:
        return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=self.zone)

    def day_before(self, day: date) -> date:
        """The last meeting day strictly before ``day``."""
        back = (day.weekday() - self.index) % 7 or 7
        return day - timedelta(days=back)

    def day_after(self, day: date) -> date:
        """The first meeting day strictly after ``day``."""
        ahead = (self.index - day.weekday()) % 7 or 7
        return day + timedelta(days=ahead)
