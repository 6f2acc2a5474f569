"""A reader opens the start page in a real browser and finds the lab's name."""

import pytest

pytestmark = pytest.mark.browser


def test_start_page_opens(browser, server):
    page = browser.new_page()
    page.goto(server)
    assert "OK Lab Flensburg" in page.locator("h1").first.inner_text()
    page.close()
