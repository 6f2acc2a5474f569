"""Building blocks shared by every schema of the site (data file, page and project front matter)."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are mistakes (typos), never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _web_address(value: str) -> str:
    if not value.startswith(("https://", "http://")) or " " in value or "." not in value:
        raise ValueError(f"muss eine vollständige Adresse sein (https://…), gefunden: {value!r}")
    return value


# Kept as written (no normalisation), so pages show exactly the address in the file.
WebAddress = Annotated[str, AfterValidator(_web_address)]
