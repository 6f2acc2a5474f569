"""Render _static/social-preview.png (1200×630, the image social networks show for a link)
from the logo, with the system Chromium. Run after changing the logo:

    .venv/bin/python tools/social_preview.py
"""

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
LOGO = ROOT / "_static" / "logo-light.svg"
OUT = ROOT / "_static" / "social-preview.png"
NAME = "OK Lab Flensburg"

PAGE = """<!doctype html><html lang="de"><body style="margin:0;width:1200px;height:630px;
display:flex;align-items:center;justify-content:center;gap:72px;background:#f5f7fa;
font-family:sans-serif;color:#102c48"><div style="width:320px;flex:none">{logo}</div>
<div style="font-size:84px;font-weight:700;line-height:1.1;max-width:560px">{name}</div>
</body></html>"""


def main() -> None:
    logo = LOGO.read_text(encoding="utf-8").replace("<svg", '<svg width="320"', 1)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"))
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(PAGE.format(logo=logo, name=NAME))
        page.screenshot(path=OUT)
        browser.close()
    print(f"geschrieben: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
