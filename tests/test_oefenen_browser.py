"""Practice mode in Chromium: the spelleider hands out the players' links, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from .test_mentor import oefen  # noqa: F401  (the same card folder as the client tests)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [True, False])
def test_the_spelleider_changes_role_and_scenario_and_each_player_sees_only_their_part(browser, live_server, oefen, javascript):  # noqa: F811
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(live_server + "/oefenen?seed=abc")
        ouder = page.locator(".speler").filter(has=page.get_by_role("heading", name="Ouder", exact=True)).locator(".speelt")
        # step to the scenario without roles of its own; "Andere rol" then visibly steps through all three
        if page.get_by_role("link", name="Open als vierde speler").count():
            page.get_by_role("link", name="Ander scenario").click()
            page.wait_for_url("**scenario=2**")
        titles = []
        for r in (2, 3, 4):
            titles.append(ouder.locator("strong").inner_text())
            page.get_by_role("link", name="Andere rol").click()
            page.wait_for_url(f"**rol={r}**")
        assert sorted(titles) == ["Boze ouder", "Drukke ouder", "Stille ouder"]
        assert ouder.locator("strong").inner_text() == titles[0]  # round again
        # the scenario with a fourth player: four players, whose links follow the new scenario
        page.get_by_role("link", name="Ander scenario").click()
        page.wait_for_url("**scenario=*")
        expect(page.locator(".speler h3")).to_have_text(["Leraar", "Ouder", "Vierde speler", "Observator"])
        scenario = page.locator(".oefen-kaarten article.kaart").first.get_attribute("data-slug")
        assert scenario == "scenario-vier"
        assert page.get_by_text("Notitie bij scenario met leerling.").is_visible()  # the spelleider keeps the notes

        page.get_by_role("link", name="Open als vierde speler").click()
        page.wait_for_url("**speler=vierde**")
        expect(page.locator(".oefen-kaarten article.kaart")).to_have_count(2)
        assert page.get_by_text("Geheime zorg van de leerling.").is_visible()
        assert page.get_by_text("Voor de begeleider").count() == 0 and page.get_by_text("Notitie bij").count() == 0

        page.get_by_role("link", name="Overzicht voor de spelleider").click()
        page.get_by_role("link", name="Open als leraar").click()
        page.wait_for_url("**speler=leraar**")
        expect(page.locator(".oefen-kaarten article.kaart")).to_have_count(1)
        assert page.locator("main").inner_text().count("Notitie bij") == 0
        assert "Geheime zorg" not in page.locator("main").inner_text()
    finally:
        context.close()
