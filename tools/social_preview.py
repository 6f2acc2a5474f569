"""Render _static/social-preview.png (1200×630, the image social networks show for a link)
from the logo, with the system Chromium. Run after changing the logo:

    .venv/bin/python tools/social_preview.py

The logo file, the site's name and the colours come from conf.py, like the site's own.
"""

import runpy
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_static" / "social-preview.png"

PAGE = """<!doctype html><html lang="de"><body style="margin:0;width:1200px;height:630px;
display:flex;align-items:center;justify-content:center;gap:72px;background:{background};
font-family:sans-serif;color:{text}"><div style="width:320px;flex:none">{logo}</div>
<div style="font-size:84px;font-weight:700;line-height:1.1;max-width:560px">{name}</div>
</body></html>"""


def main() -> None:
    conf = runpy.run_path(str(ROOT / "conf.py"))
    logo_file = ROOT / "_static" / conf["html_theme_options"]["light_logo"]
    logo = logo_file.read_text(encoding="utf-8").replace("<svg", '<svg width="320"', 1)
    palette = conf["palette_light"]
    html = PAGE.format(
        logo=logo,
        name=conf["project"],
        background=palette["oklab-surface"],
        text=palette["oklab-navy"],
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"))
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(html)
        page.screenshot(path=OUT)
        browser.close()
    print(f"geschrieben: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
