/* Kaartenbak: what the conversation adds to the card, draw and discussion pages — notes and agreements
   kept in this browser, prompts recorded as discussed, stepping through a card without reloading,
   the keys, and a projector window that follows the mentor. Everything works without it, prompt by prompt. */
(function () {
  "use strict";

  var G = window.KaartenbakGesprekken;
  if (!G) return;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  var OVERSLAAN = "kaartenbak.overslaan";  /* the draw skips cards already discussed in this conversation */
  function overslaanAan() { try { return localStorage.getItem(OVERSLAAN) === "1"; } catch (fout) { return false; } }

  function kaartInfo(blok) {
    return { slug: blok.dataset.gesprek || blok.dataset.notities, titel: blok.dataset.titel, bak: blok.dataset.bak,
      url: new URL(blok.dataset.url, location.href).href };
  }

  /* Every field and tick box shows what is stored, again whenever the page comes back (Back, another tab):
     a browser restoring an older value would otherwise write it over a newer one at the next key. */
  var vullers = [];
  function vulIn() {
    var gesprek = G.huidig();
    vullers.forEach(function (vul) { vul(gesprek); });
  }
  window.addEventListener("pageshow", vulIn);
  window.addEventListener("storage", function (event) { if (event.key === "kaartenbak.gesprekken") vulIn(); });
  $$("[data-geen-opslag]").forEach(function (melding) { melding.hidden = G.bewaart(); });

  /* ---- the note and agreement of a card (card page and discussion mode) ---- */
  $$("[data-notities]").forEach(function (sectie) {
    var info = kaartInfo(sectie);
    sectie.hidden = false;
    $$("textarea[data-veld]", sectie).forEach(function (veld) {
      var naam = veld.dataset.veld;
      vullers.push(function (gesprek) { veld.value = (G.zoekKaart(gesprek, info.slug) || {})[naam] || ""; });
      veld.addEventListener("input", function () {
        G.wijzig(function (gesprek) { G.kaart(gesprek, info)[naam] = veld.value; });
      });
    });
  });

  /* ---- the card page: a tick box after every prompt ---- */
  var artikel = $("article.kaart[data-slug]"), notities = $("[data-notities]");
  if (artikel && notities && !$("[data-gesprek]")) {
    var kaartPagina = kaartInfo(notities);
    $$("ol.vragen > li", artikel).forEach(function (item, plaats) {
      var nr = plaats + 1, tekst = (item.firstChild ? item.firstChild.textContent : item.textContent).trim();
      var label = document.createElement("label"), vink = document.createElement("input");
      label.className = "vink";
      vink.type = "checkbox";
      vullers.push(function (gesprek) {
        var bekend = G.zoekVraag(G.zoekKaart(gesprek, kaartPagina.slug), nr);
        vink.checked = Boolean(bekend && bekend.besproken);
      });
      vink.addEventListener("change", function () {
        G.wijzig(function (gesprek) { G.vraag(G.kaart(gesprek, kaartPagina), nr, tekst).besproken = vink.checked; });
      });
      label.append(vink, " besproken");
      item.insertBefore(label, $("ul", item));
    });
  }

  /* ---- the draw: say when a card is in this conversation already, and optionally skip such cards ---- */
  var trek = $("[data-trek]"), overslaan = $("[data-overslaan]");
  if (trek && overslaan) {
    var slug = trek.dataset.kaart, al = Boolean(slug && G.zoekKaart(G.huidig(), slug));
    overslaan.closest(".overslaan").hidden = false;
    overslaan.checked = overslaanAan();
    if (overslaan.checked && al && trek.dataset.volgende) { location.replace(trek.dataset.volgende); return; }
    var melding = $("[data-al-besproken]");
    if (melding) melding.hidden = !al;
    overslaan.addEventListener("change", function () {
      try { localStorage.setItem(OVERSLAAN, overslaan.checked ? "1" : "0"); } catch (fout) { /* not kept */ }
    });
  }

  /* ---- discussion mode ---- */
  var blok = $("[data-gesprek]");
  if (!blok) { vulIn(); return; }
  var scherm = blok.dataset.weergave === "scherm";
  var stappen = blok.hasAttribute("data-stappen");
  var totaal = Number(blok.dataset.totaal);
  var kanaal = "BroadcastChannel" in window ? new BroadcastChannel("kaartenbak-gesprek") : null;
  var info = kaartInfo(blok);
  var timer = $("[data-timer]");
  var doorvragenScherm = false;  /* the doorvragen on the projector: closed until the mentor opens them */

  function huidigNr() { return Number(blok.dataset.vraag); }
  function sectie(nr) { return $('[data-vraag-nr="' + nr + '"]', blok); }
  function vraagTekst(nr) { var kop = $(".vraag", sectie(nr)); return kop ? kop.textContent.trim() : ""; }
  function doorvragen(nr) { return $("[data-doorvragen]", sectie(nr)); }
  function adres(nr) {
    var url = new URL(location.href);
    url.searchParams.set("vraag", String(nr));
    return url.href;
  }
  function schermAdres(nr) {  /* the projector's page needs no draw: it follows the mentor */
    var url = new URL(blok.dataset.scherm, location.href);
    url.searchParams.set("vraag", String(nr));
    return url.href;
  }

  /* What the projector shows: the card, the prompt, whether its doorvragen are open, and the timer if asked. */
  function stand() {
    var tonen = $("[data-timer-scherm]");
    return { slug: info.slug, vraag: huidigNr(), scherm: schermAdres(huidigNr()), doorvragen: doorvragenScherm,
      timer: timer && tonen && tonen.checked ? Number(timer.dataset.eindtijd || 0) : 0 };
  }
  function meld() { if (kanaal && !scherm) kanaal.postMessage(stand()); }

  /* Every prompt the mentor shows counts as discussed, with the doorvragen in view; the mentor can untick it. */
  function legVast(nr) {
    if (scherm || !sectie(nr)) return;
    G.wijzig(function (gesprek) {
      var kaart = G.kaart(gesprek, info), bekend = G.zoekVraag(kaart, nr), vraag = G.vraag(kaart, nr, vraagTekst(nr));
      if (!bekend) vraag.besproken = true;
      var open = doorvragen(nr);
      vraag.doorvragen = open && open.open ? $$("li", open).map(function (li) { return li.textContent.trim(); }) : [];
    });
    toonVink(nr);
  }
  function toonVink(nr, gesprek) {
    var vink = $("[data-vink]", blok), vraag = G.zoekVraag(G.zoekKaart(gesprek || G.huidig(), info.slug), nr);
    if (vink) vink.checked = Boolean(vraag && vraag.besproken);
  }
  vullers.push(function (gesprek) { toonVink(huidigNr(), gesprek); });

  function toonDoorvragenKnop() {
    var knop = $("[data-doorvragen-scherm]", blok);
    if (!knop) return;
    knop.disabled = !doorvragen(huidigNr());
    knop.setAttribute("aria-pressed", String(doorvragenScherm));
  }

  function toon(nr, focus) {
    if (nr < 1 || nr > totaal || !sectie(nr)) return;
    $$("[data-vraag-nr]", blok).forEach(function (s) { s.hidden = Number(s.dataset.vraagNr) !== nr; });
    blok.dataset.vraag = String(nr);
    $("[data-positie]", blok).textContent = "vraag " + nr + " van " + totaal;
    document.title = document.title.replace(/vraag \d+ van \d+/, "vraag " + nr + " van " + totaal);
    doorvragenScherm = false;
    if (!scherm) {
      var vorige = $("[data-naar-vorige]", blok), volgende = $("[data-naar-volgende]", blok), einde = $("[data-einde]", blok);
      vorige.hidden = nr === 1; vorige.href = adres(Math.max(nr - 1, 1));
      volgende.hidden = nr === totaal; volgende.href = adres(Math.min(nr + 1, totaal));
      einde.hidden = nr !== totaal;
      history.replaceState(history.state, "", adres(nr));
      toonDoorvragenKnop();
      legVast(nr);
      meld();
    } else {
      var open = doorvragen(nr);
      if (open) open.hidden = true;
    }
    if (focus) $(".vraag", sectie(nr)).focus();
  }

  if (!scherm) {
    /* the tools of the bar that need JavaScript */
    $$("[data-vraag-notitie]", blok).forEach(function (el) { el.hidden = false; });
    $("[data-besproken-keuze]", blok).hidden = !totaal;  /* a card without prompts has nothing to tick */
    var toetsen = $("[data-toetsen]");
    if (toetsen) toetsen.hidden = false;

    var vink = $("[data-vink]", blok);
    if (vink) vink.addEventListener("change", function () {
      var nr = huidigNr();
      G.wijzig(function (gesprek) { G.vraag(G.kaart(gesprek, info), nr, vraagTekst(nr)).besproken = vink.checked; });
    });

    $$("[data-vraag-nr]", blok).forEach(function (s) {
      var nr = Number(s.dataset.vraagNr), veld = $("[data-vraag-notitie] textarea", s), open = $("[data-doorvragen]", s);
      if (veld) {
        vullers.push(function (gesprek) {
          var bekend = G.zoekVraag(G.zoekKaart(gesprek, info.slug), nr);
          veld.value = bekend ? bekend.notitie || "" : "";
        });
        veld.addEventListener("input", function () {
          G.wijzig(function (gesprek) { G.vraag(G.kaart(gesprek, info), nr, vraagTekst(nr)).notitie = veld.value; });
        });
      }
      if (open) open.addEventListener("toggle", function () { if (nr === huidigNr()) legVast(nr); });
    });

    $("[data-doorvragen-scherm]", blok).addEventListener("click", function () {
      if (!doorvragen(huidigNr())) return;
      doorvragenScherm = !doorvragenScherm;
      toonDoorvragenKnop();
      meld();
    });

    var open = $("[data-scherm-openen]", blok);
    if (open) open.addEventListener("click", function (event) {
      event.preventDefault();
      window.open(blok.dataset.scherm, "kaartenbak-scherm", "popup");
    });
    if (timer) {  /* whether the projector shows the timer is kept for this tab, like the timer itself */
      var opScherm = $("[data-timer-scherm]", timer);
      try { opScherm.checked = sessionStorage.getItem("kaartenbak.timer-op-scherm") === "1"; } catch (fout) { /* not kept */ }
      timer.addEventListener("timer", meld);
      opScherm.addEventListener("change", function () {
        try { sessionStorage.setItem("kaartenbak.timer-op-scherm", opScherm.checked ? "1" : "0"); } catch (fout) { /* not kept */ }
        meld();
      });
    }

    /* "Volgende kaart" skips a card discussed already, as the draw does: the pile picks the next one */
    var verder = $("[data-volgende-kaart]", blok);
    if (verder) verder.addEventListener("click", function (event) {
      var naar = new URL(verder.href), slug = (/\/kaart\/([^/]+)\/gesprek/.exec(naar.pathname) || [])[1];
      var gesprek = G.huidig(), kaart = slug && G.zoekKaart(gesprek, decodeURIComponent(slug));
      if (!overslaanAan() || !kaart || G.inVerslag(gesprek).indexOf(kaart) === -1) return;
      event.preventDefault();
      var stapel = new URL(blok.dataset.terug, location.href);
      stapel.searchParams.set("n", naar.searchParams.get("n"));
      location.href = stapel.href;
    });

    if (stappen) {
      $("[data-naar-vorige]", blok).addEventListener("click", function (event) { event.preventDefault(); toon(huidigNr() - 1, true); });
      $("[data-naar-volgende]", blok).addEventListener("click", function (event) { event.preventDefault(); toon(huidigNr() + 1, true); });
    }
  }

  /* ---- the projector: follows the mentor's window, shows no notes ---- */
  var schermTimer = $("[data-scherm-timer]"), schermKlok = null;
  function toonSchermTimer(einde) {
    clearInterval(schermKlok);
    schermTimer.hidden = !einde;
    if (!einde) return;
    var tik = function () {
      var over = Math.max(0, Math.round((einde - Date.now()) / 1000));
      $("[data-scherm-tijd]", schermTimer).textContent = Math.floor(over / 60) + ":" + String(over % 60).padStart(2, "0");
      if (!over) clearInterval(schermKlok);
    };
    tik();
    schermKlok = setInterval(tik, 250);
  }
  if (kanaal) {
    kanaal.onmessage = function (event) {
      var bericht = event.data || {};
      if (bericht.vraagStand && !scherm) {  /* a projector is there: offer what only it shows */
        $("[data-doorvragen-scherm]", blok).hidden = false;
        if (!bericht.hier) meld();
        return;
      }
      if (!scherm || !bericht.slug) return;
      kanaal.postMessage({ vraagStand: true, hier: true });  /* tell a mentor's page that loaded later that the projector is there */
      if (bericht.slug !== info.slug) { location.replace(bericht.scherm); return; }
      if (bericht.vraag !== huidigNr()) {
        toon(bericht.vraag, false);
        history.replaceState(history.state, "", adres(bericht.vraag));
      }
      var open = doorvragen(huidigNr());
      if (open) open.hidden = !bericht.doorvragen;
      toonSchermTimer(bericht.timer);
    };
    if (scherm) kanaal.postMessage({ vraagStand: true }); else meld();
  }

  vulIn();
  if (!scherm) { legVast(huidigNr()); toonDoorvragenKnop(); }

  /* ---- keys: where there is a keyboard ---- */
  function ga(url) { if (url) location.href = url; }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var key = event.key.toLowerCase();
    if (event.target.closest("textarea, select, input:not([type=checkbox]):not([type=radio])")) {  /* typing: keys are text, Esc leaves the field */
      if (key === "escape") event.target.blur();
      return;
    }
    var paneel = event.target.closest("details[open]:not([data-doorvragen])");
    if (key === "escape" && paneel) {  /* Esc closes a panel (the timer) before it leaves the page */
      paneel.open = false;
      $("summary", paneel).focus();
      return;
    }
    if (key === " " && event.target.closest("button, summary, a, input")) return;  /* space activates the control or ticks the box */
    if (key === "arrowright" || key === " ") {
      event.preventDefault();
      if (scherm) return;
      if (stappen) toon(huidigNr() + 1, true); else ga(blok.dataset.volgende);
    } else if (key === "arrowleft") {
      event.preventDefault();
      if (scherm) return;
      if (stappen) toon(huidigNr() - 1, true); else ga(blok.dataset.vorige);
    } else if (key === "d" && !scherm) { $("[data-doorvragen-scherm]", blok).click(); }
    else if (key === "t" && timer && timer.toggle) { timer.toggle(); }
    else if (key === "v") {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
    }
    else if (key === "escape" && !document.fullscreenElement && !scherm) { ga(blok.dataset.terug); }
  });

  /* Arriving by "Volgende kaart" or a step: the prompt, not the top of the page, is where you are. */
  try {
    if (new URL(document.referrer).pathname.indexOf("/gesprek") !== -1) $(".vraag", sectie(huidigNr()) || blok).focus();
  } catch (fout) { /* opened directly */ }
})();
