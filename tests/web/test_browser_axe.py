"""The accessibility check itself: axe-core injected into chromium finds what it must and passes what it should.

Without this a broken injection (a missing file, a changed axe API, a Content-Security-Policy refusing the script)
could make every page look accessible.
"""

from __future__ import annotations

import pytest

GOOD = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title></head>
<body><main><h1>Rubrik</h1><p>Text.</p></main></body></html>"""
# no language, an image without text, a button without a name, a field without a label
BAD = """<!doctype html><html><head><meta charset="utf-8"><title>Prov</title></head>
<body><main><h1>Rubrik</h1><img src="data:,"><button id="tom"></button><input type="text"></main></body></html>"""


@pytest.fixture
def blank(browser):
    context = browser.new_context(bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_axe_passes_a_plain_accessible_page(blank, accessible):
    blank.set_content(GOOD)
    result = accessible(blank, "axe_prov_godkand")
    assert result["testEngine"]["name"] == "axe-core" and result["violations"] == []


def test_axe_names_each_serious_violation_with_its_elements(blank, accessible):
    blank.set_content(BAD)
    with pytest.raises(AssertionError) as failed:
        accessible(blank, "axe_prov_brister")
    message = str(failed.value)
    for expected in ("html-has-lang [serious]", "image-alt [critical]", "button-name [critical]", "#tom", "img"):
        assert expected in message, message
