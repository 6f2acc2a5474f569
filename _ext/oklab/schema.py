"""Building blocks shared by every schema of the site (data file, page and project front matter)."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are mistakes (typos), never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Formats shared by the meeting, the contacts and the operator of the site.
POSTCODE = r"^\d{5}$"  # a German postcode
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def is_web_address(value: str) -> bool:
    """An address on the web (``https://…``), as opposed to a file or page of this site."""
    return value.startswith(("https://", "http://"))


def _web_address(value: str) -> str:
    if not is_web_address(value) or " " in value or "." not in value:
        raise ValueError(f"muss eine vollständige Adresse sein (https://…), gefunden: {value!r}")
    return value


# Kept as written (no normalisation), so pages show exactly the address in the file.
WebAddress = Annotated[str, AfterValidator(_web_address)]
