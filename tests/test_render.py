"""Rendering: Markdown becomes safe HTML, and the prompts are found with their doorvragen."""

import pytest

from kaartenbak.render import render

PROMPTS = """\
Inleiding.

## Stof tot nadenken

- Welke gesprekken voer je *als mentor*?
  - Met wie?
  - Wanneer?
- Hoe sluit je af?

## Bronnen

- Gordon
"""


def test_prompts_and_doorvragen_are_found_and_numbered():
    rendered = render(PROMPTS, "proef")
    assert [p.text for p in rendered.prompts] == ["Welke gesprekken voer je als mentor?", "Hoe sluit je af?"]
    assert rendered.prompts[0].doorvragen == ("Met wie?", "Wanneer?")
    assert '<ol class="vragen">' in rendered.html
    assert '<ul class="doorvragen">' in rendered.html
    assert "<li>Gordon</li>" in rendered.html  # other sections render as written


def test_four_space_indentation_is_flagged_not_silently_merged():
    assert render("## Stof tot nadenken\n\n- Vraag?\n    - Doorvraag?\n", "proef").misindented
    assert not render(PROMPTS, "proef").misindented


@pytest.mark.parametrize(
    "payload, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("[klik](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
        ('<form action="/x"><input name="a"></form>', "<form"),
        ('<p style="background:url(x)" onclick="x()">t</p>', "onclick"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ('<object data="x"></object>', "<object"),
    ],
)
def test_html_in_cards_never_runs_script(payload, forbidden):
    html = render(f"Tekst\n\n{payload}\n", "proef").html
    assert forbidden not in html.lower()


def test_links_to_other_cards_point_at_card_pages():
    rendered = render("Zie [de andere kaart](andere-kaart) en [extern](https://example.org).", "proef")
    assert 'href="/kaart/andere-kaart"' in rendered.html
    assert 'href="https://example.org"' in rendered.html
    assert rendered.links == ("andere-kaart",)
