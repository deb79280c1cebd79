"""Printing: one A6 card per card, four to a sheet, backs behind their fronts, one type size, nothing cut off."""

import functools
import math
import os
import re
import shutil
import subprocess

import pytest

from kaartenbak.parse import parse_card
from kaartenbak.printing import SIZES, SMALLEST, lines_too_many, print_run, printed_card
from kaartenbak.store import CardStore

from .conftest import SHIPPED_KAARTEN

# Measures a back of the print page at each size of SIZES, in print media: how many lines it holds
# and how many characters of Dutch text a line of a prompt and of a doorvraag holds on average.
MEASURE_JS = """([prompts, doorvragen]) => {
  const vellen = document.querySelector(".vellen"), back = document.querySelector(".achterkant");
  const original = vellen.className, content = back.innerHTML, result = {};
  // how many average characters of this text the width of its line holds
  const capacity = (item, text) => {
    const span = document.createElement("span");
    span.style.whiteSpace = "nowrap";
    span.textContent = text;
    item.prepend(span);
    const perCharacter = span.getBoundingClientRect().width / text.length;
    span.remove();
    return item.clientWidth / perCharacter;
  };
  for (const name of vellen.dataset.maten.split(" ")) {
    vellen.className = "vellen maat-" + name;
    back.innerHTML = '<p class="a6-kop">x</p><ol class="a6-vragen"><li><ul><li></li></ul></li></ol>';
    const style = getComputedStyle(back), prompt = back.querySelector("ol > li"), doorvraag = back.querySelector("ul > li");
    const height = back.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    result[name] = {lines: height / parseFloat(getComputedStyle(back.firstChild).lineHeight),
                    prompt: capacity(prompt, prompts), text: capacity(doorvraag, doorvragen),
                    fontSize: getComputedStyle(prompt).fontSize};
  }
  vellen.className = original;
  back.innerHTML = content;
  return result;
}"""
OVERFLOWING_JS = "a => a.filter(e => e.scrollHeight > e.clientHeight + 1).map(e => e.dataset.slug || 'leeg')"


def prompts(count, doorvragen=2, words=12):
    """A body with ``count`` prompts of about ``words`` words, each with ``doorvragen`` doorvragen."""
    text = " ".join(["woord"] * words)
    return "## Stof tot nadenken\n\n" + "".join(
        f"- Vraag {i} met {text}?\n" + "".join(f"  - Doorvraag {j} bij vraag {i} met {text}?\n" for j in range(1, doorvragen + 1))
        for i in range(1, count + 1)
    )


def load(kaarten):
    return CardStore(kaarten.root).collection


def test_backs_are_mirrored_for_a_long_edge_flip(kaarten):
    for i in range(1, 4):
        kaarten.card(f"k{i}", nummer=i)
    [sheet] = print_run(load(kaarten)).sheets
    assert [p.card.slug if p else None for p in sheet.fronts] == ["k1", "k2", "k3", None]
    assert [p.card.slug if p else None for p in sheet.backs] == ["k2", "k1", None, "k3"]


@pytest.mark.parametrize("count", [1, 6, 12, 25, 60])
def test_every_card_prints_as_one_card(kaarten, count):
    for i in range(count):
        kaarten.card(f"k{i:02}", body=prompts(i % 14 + 1))
    run = print_run(load(kaarten))
    assert len(run.sheets) == math.ceil(count / 4)
    assert [p.card.slug for sheet in run.sheets for p in sheet.fronts if p] == [f"k{i:02}" for i in range(count)]


def test_a_run_takes_the_largest_size_at_which_every_card_fits(kaarten):
    kaarten.card("kort", body=prompts(2))
    assert print_run(load(kaarten)).size == SIZES[0]
    # enough prompts to fit only at a smaller size: the whole run takes it, the short card too
    count = next(n for n in range(2, 30) if printed_card(parse(kaarten, prompts(n))).size != SIZES[0])
    kaarten.card("langer", body=prompts(count))
    run = print_run(load(kaarten))
    assert run.size == printed_card(load(kaarten).get("langer")).size != SIZES[0]
    assert run.shortened == ()


def parse(kaarten, body):
    bak = load(kaarten).bakken.get("proef") if kaarten.root.exists() else None
    if bak is None:
        kaarten.bak()
        bak = load(kaarten).bakken["proef"]
    card, _ = parse_card("proef/x.md", "x", f"---\ntitel: Een kaart\ntags: [reflectie]\n---\n{body}", bak, frozenset())
    return card


def test_a_card_too_long_at_the_smallest_size_is_shortened_from_the_end(kaarten):
    card = parse(kaarten, prompts(5))
    assert lines_too_many(card) > 0
    printed = printed_card(card)
    assert printed.shortened and printed.size is None
    kept = [prompt for _, prompt in printed.prompts]
    # prompts are kept from the start, in order; doorvragen go from the last prompts first
    assert [p.text for p in kept] == [p.text for p in card.prompts[: len(kept)]]
    doorvragen = [len(p.doorvragen) for p in kept]
    assert doorvragen == sorted(doorvragen, reverse=True) and doorvragen[0] == 2
    whole = [p.doorvragen for p in card.prompts[: len(kept)]]
    assert all(p.doorvragen == w[: len(p.doorvragen)] for p, w in zip(kept, whole, strict=True))
    assert len(kept) == 5 and 0 in doorvragen
    assert printed.size is None and printed_card(parse(kaarten, prompts(3))).size is not None


def test_shortening_drops_whole_prompts_once_the_doorvragen_are_gone(kaarten):
    card = parse(kaarten, prompts(40, doorvragen=0, words=20))
    printed = printed_card(card)
    assert printed.shortened and 0 < len(printed.prompts) < 40
    assert [n for n, _ in printed.prompts] == list(range(1, len(printed.prompts) + 1))


def test_a_run_with_a_shortened_card_is_at_the_smallest_size(kaarten):
    kaarten.card("kort", body=prompts(1))
    kaarten.card("lang", body=prompts(20))
    run = print_run(load(kaarten))
    assert run.size == SMALLEST and [card.slug for card in run.shortened] == ["lang"]


def test_a_fitting_card_is_not_shortened_and_has_no_overflow(kaarten):
    card = parse(kaarten, prompts(3))
    assert lines_too_many(card) == 0 and not printed_card(card).shortened


def test_text_cards_print_their_sections_without_aan_de_slag_and_bronnen(kaarten):
    body = "Inleiding.\n\n## De situatie\n\nHet is avond.\n\n## Aan de slag\n\n- Doe iets.\n\n## Bronnen\n\n- Een boek.\n\n" + prompts(2)
    kaarten.card("scenario", soort="scenario", tags="[reflectie]", body=body)
    printed = printed_card(load(kaarten).get("scenario"))
    assert printed.prompts_heading == "Stof tot nadenken" and len(printed.prompts) == 2
    text = "".join(printed.sections)
    assert "Inleiding." in text and "De situatie" in text and "Aan de slag" not in text and "Bronnen" not in text


def test_a_long_text_card_is_shortened_by_its_prompts_first_then_its_last_sections(kaarten):
    sections = "".join(f"## Deel {i}\n\n" + "Een zin met wat woorden erin. " * 12 + "\n\n" for i in range(1, 9))
    kaarten.card("rol", soort="rol", tags="[reflectie]", body="Inleiding.\n\n" + sections + prompts(3))
    printed = printed_card(load(kaarten).get("rol"))
    assert printed.shortened and printed.prompts == () and 1 <= len(printed.sections) < 9
    assert "Inleiding." in printed.sections[0]


@pytest.mark.parametrize("count, too_many", [(3, False), (14, True)])
def test_the_check_warns_about_a_card_that_does_not_fit_on_one_printed_card(kaarten, count, too_many):
    card = parse(kaarten, prompts(count))
    _, problems = parse_card("proef/x.md", "x", f"---\ntitel: Een kaart\ntags: [reflectie]\n---\n{prompts(count)}", load(kaarten).bakken["proef"], frozenset())
    messages = [p for p in problems if "gedrukte kaart" in p.message]
    if not too_many:
        assert messages == []
        return
    [problem] = messages
    assert problem.level == "waarschuwing"
    lines = lines_too_many(card)
    assert f"past niet op één gedrukte kaart: {lines} {'regel' if lines == 1 else 'regels'} te veel" in problem.message
    assert "minder vragen of doorvragen" in problem.message


def test_the_warning_shows_in_the_check_and_on_controle(kaarten, client, runner):
    kaarten.card("lang", body=prompts(14))
    result = runner.invoke(args=["kaarten", "check", str(kaarten.root)])
    assert "proef/lang.md: waarschuwing: past niet op één gedrukte kaart" in result.output
    assert "past niet op één gedrukte kaart" in client.get("/controle").get_data(as_text=True)


def test_print_page_offers_the_cards_of_the_selection(client, kaarten):
    kaarten.card("een", titel="Een", tags="[emoties]")
    kaarten.card("twee", titel="Twee", tags="[reflectie]")
    page = client.get("/afdrukken?tag=emoties").get_data(as_text=True)
    assert 'data-slug="een"' in page and 'data-slug="twee"' not in page
    assert "1 kaart op 1 vel A4 (2 pagina's)" in page
    assert 'data-slug="twee"' in client.get("/afdrukken?kaart=twee").get_data(as_text=True)
    assert "tweede kaart" not in page and "deel 1" not in page


def test_the_front_links_to_the_card_with_a_qr_code(client, kaarten):
    kaarten.card("een", titel="Een")
    page = client.get("/afdrukken").get_data(as_text=True)
    assert page.count('class="a6-qr"') == 1 and "<svg" in page
    assert "De hele kaart, met inleiding, Aan de slag en bronnen: scan de code" in page


@pytest.mark.parametrize("settings", [{"KAARTENBAK_STATISCH": True}])
def test_the_export_has_no_qr_codes_and_says_the_card_is_on_the_site(client, kaarten):
    kaarten.card("een", titel="Een")
    page = client.get("/afdrukken").get_data(as_text=True)
    assert "a6-qr" not in page and "<svg" not in page.split('class="vellen')[1]
    assert "staat op de site." in page


def test_the_page_lists_the_shortened_cards_with_a_link(client, kaarten):
    kaarten.card("kort", body=prompts(1))
    page = client.get("/afdrukken").get_data(as_text=True)
    assert "data-ingekort" not in page
    kaarten.card("lang", titel="Lange kaart", body=prompts(20))
    page = client.get("/afdrukken").get_data(as_text=True)
    assert re.search(r'<li data-slug="lang"><a href="/kaart/lang">Lange kaart</a></li>', page)
    assert page.count("Ingekort: de hele kaart staat op de site.") == 1


def require_pdftotext():
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def shipped_base():
    from app import create_app
    from audit.browser import serve

    app = create_app({"TESTING": True, "KAARTEN_DIR": str(SHIPPED_KAARTEN), "KAARTEN_CHECK_INTERVAL": 3600})
    with serve(app) as base:
        yield base


@pytest.mark.browser
def test_the_sizes_are_what_a_back_holds_in_chromium(browser, shipped_base):
    cards = CardStore(SHIPPED_KAARTEN).collection
    texts = [" ".join(p.text for c in cards for p in c.prompts), " ".join(d for c in cards for p in c.prompts for d in p.doorvragen)]
    page = browser.new_page()
    page.goto(shipped_base + "/afdrukken?bak=ouderbetrokkenheid")
    page.emulate_media(media="print")
    measured = page.evaluate(MEASURE_JS, [text[:3000] for text in texts])
    page.close()
    for size in SIZES:
        found = measured[size.name]
        assert found["fontSize"] == f"{size.points * 4 / 3:g}px"
        # the estimator may be more careful than the browser, never less, and not by much
        assert found["lines"] - 1.5 <= size.lines <= found["lines"], size
        assert 0.9 * found["prompt"] <= size.prompt <= found["prompt"], size
        assert 0.9 * found["text"] <= size.text <= found["text"], size


@pytest.mark.browser
@pytest.mark.parametrize("bak", ["ouderbetrokkenheid", "oudergesprekken-oefenen", "lastige-situaties"])
def test_a_deck_prints_one_card_per_card_at_one_size_with_nothing_cut_off(browser, shipped_base, tmp_path, bak):
    require_pdftotext()
    deck = [card for card in CardStore(SHIPPED_KAARTEN).collection if card.bak == bak]
    run = print_run(deck)
    page = browser.new_page()
    page.goto(shipped_base + f"/afdrukken?bak={bak}")
    page.emulate_media(media="print")
    assert page.locator(".voorkant[data-slug]").count() == page.locator(".achterkant[data-slug]").count() == len(deck)
    assert page.locator(".a6[data-slug]").count() == 2 * len(deck)
    assert page.locator(".a6").evaluate_all(OVERFLOWING_JS) == []
    sizes = page.locator(".achterkant").evaluate_all("a => [...new Set(a.map(e => getComputedStyle(e).fontSize))]")
    assert sizes == [f"{run.size.points * 4 / 3:g}px"] and run.size.points >= 9
    shortened = {card.slug for card in run.shortened}
    assert set(page.locator(".ingekort-melding li").evaluate_all("a => a.map(e => e.dataset.slug)")) == shortened
    pdf = tmp_path / "kaarten.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    page.close()

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 2 * math.ceil(len(deck) / 4)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    unbroken = unbreak(text)
    missing = [prompt.text for card in deck if card.slug not in shortened for prompt in card.prompts if unbreak(prompt.text) not in unbroken]
    assert missing == []
    assert "tweede kaart" not in text and "deel 2" not in text


def unbreak(text: str) -> str:
    """Text without spaces and hyphens, so a line broken at a hyphen ('ik-' / 'boodschap') still reads as one."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


@functools.cache
def shipped_words():
    return " ".join(p.text.rstrip("?") for card in CardStore(SHIPPED_KAARTEN).collection for p in card.prompts).split()


def dutch(words, start):
    """``words`` words of the shipped prompts from ``start`` on: real Dutch, as wide as the cards' text is."""
    corpus = shipped_words()
    return " ".join(corpus[(start + i) % len(corpus)] for i in range(words))


def real_prompts(count, doorvragen, words):
    return "## Stof tot nadenken\n\n" + "".join(
        f"- {dutch(words, i * 97)}?\n" + "".join(f"  - {dutch(words, i * 97 + j * 31)}?\n" for j in range(1, doorvragen + 1))
        for i in range(count)
    )


def fits_at(card, size):
    fitting = printed_card(card).size
    return fitting is not None and fitting.points >= size.points


@pytest.mark.browser
def test_the_longest_backs_that_fit_do_not_overflow(browser, kaarten, live_server):
    """At each size, the cards with the most prompts that still fit by the estimate: nothing may overflow."""
    for words in (5, 11, 18, 24):
        for doorvragen in (0, 1, 3):
            for size in SIZES:
                count = 1
                while fits_at(parse(kaarten, real_prompts(count + 1, doorvragen, words)), size):
                    count += 1
                kaarten.card(f"k{words}-{doorvragen}-{size.name}", body=real_prompts(count, doorvragen, words), titel=f"Kaart met {count} vragen")
    page = browser.new_page()
    for card in load(kaarten):
        page.goto(live_server + f"/afdrukken?kaart={card.slug}")
        page.emulate_media(media="print")
        assert page.locator(".a6").evaluate_all(OVERFLOWING_JS) == [], card.slug
    page.close()


def test_a_card_with_thousands_of_prompts_prints_its_first_ones_without_doorvragen(kaarten):
    card = parse(kaarten, prompts(1500, doorvragen=2, words=1))
    printed = printed_card(card)
    assert printed.shortened and [n for n, _ in printed.prompts] == list(range(1, len(printed.prompts) + 1))
    assert len(printed.prompts) > 10 and all(prompt.doorvragen == () for _, prompt in printed.prompts)
