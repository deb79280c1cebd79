/* Kaartenbak, static export only: what the server works out per request, done in the browser.
   Filters, search, draws, discussion mode, the random prompt, practice mode and the print
   selection follow the rules of the server, from the index the export writes (kaarten-index.js,
   made by web/export.py): the search terms exactly as kaartenbak/search.py holds them, the
   shuffle of static/draw.js. The pages arrive rendered by the server for one state; this
   script, loaded before kaartenbak.js, turns them into the state the address asks for. */
(function () {
  "use strict";

  var INDEX = window.KAARTENBAK_INDEX, DRAW = window.KaartenbakDraw;
  var pagina = document.documentElement.dataset.statisch;
  var bron = document.querySelector('script[src*="kaarten-index.js"]');
  if (!INDEX || !DRAW || !pagina || !bron) return;

  var REGELS = INDEX.regels;
  var ROOT = new URL(".", bron.src).href;  /* the export's folder: the index lies at its top */
  var params = new URLSearchParams(location.search);
  var kaarten = {};
  INDEX.kaarten.forEach(function (kaart) { kaarten[kaart.slug] = kaart; });

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  /* Links, in the order and with the arguments Flask's url_for gives them; empty ones left out. */
  function query(args) {
    var search = new URLSearchParams();
    Object.keys(args || {}).forEach(function (name) {
      [].concat(args[name]).forEach(function (value) {
        if (value !== "" && value !== null && value !== undefined) search.append(name, String(value));
      });
    });
    var text = search.toString();
    return text ? "?" + text : "";
  }
  function adres(naam, args) { return ROOT + INDEX.paginas[naam] + query(args); }
  function kaartAdres(kaart) { return ROOT + kaart.pagina; }
  function gesprekAdres(kaart, vraag, weergave, trekking) {
    return ROOT + kaart.gesprek + query(Object.assign({ vraag: vraag, weergave: weergave || null }, trekking || {}));
  }

  function titel(tekst) {
    var delen = document.title.split(" · ");
    document.title = tekst + " · " + delen[delen.length - 1];
  }

  /* A row of link buttons, as the templates write them. */
  function knoppen(nav, lijst) {
    nav.textContent = "";
    lijst.filter(Boolean).forEach(function (knop) {
      nav.append(el("a", { "class": knop.klasse === undefined ? "knop secundair" : knop.klasse || null, href: knop.href, rel: knop.rel }, [knop.tekst]), " ");
    });
  }

  /* A card as the server renders it: the export puts one <template> per card on the pages that pick cards. */
  function sjabloon(slug) {
    var template = $('template[data-kaart="' + CSS.escape(slug) + '"]');
    return template ? template.content.firstElementChild.cloneNode(true) : null;
  }
  function vervangKaart(oud, slug) {
    var nieuw = sjabloon(slug);
    if (oud && nieuw) oud.replaceWith(nieuw);
  }

  /* ---- the query string, read as web/filters.py and web/mentor.py read it ---- */
  function kort(tekst) { return Array.from(tekst).slice(0, REGELS.maxTekst).join(""); }
  function getal(naam) {
    var waarde = params.get(naam) || "";
    return /^[0-9]{1,6}$/.test(waarde) && Number(waarde) > 0 ? Number(waarde) : null;
  }
  function leesFilter() {
    var tags = [];
    params.getAll("tag").slice(0, REGELS.maxTags).forEach(function (tag) {
      tag = kort(tag);
      if (tag.trim() && tags.indexOf(tag) === -1) tags.push(tag);
    });
    return { tags: tags, bak: kort(params.get("bak") || ""), q: kort(params.get("q") || "") };
  }
  function filterArgs(filter, wijziging) {
    return Object.assign({ tag: filter.tags, bak: filter.bak, q: filter.q }, wijziging || {});
  }
  function actief(filter) { return Boolean(filter.tags.length || filter.bak || filter.q); }

  /* ---- search: kaartenbak/search.py's rules over the terms it wrote into the index ---- */
  function fold(tekst) {  /* casefold (≈ lower case, ß as ss), then NFKD without the combining marks */
    return tekst.toLowerCase().replace(/ß/g, "ss").normalize("NFKD").replace(/\p{Mn}/gu, "");
  }
  function woorden(tekst) { return fold(tekst).match(/[\p{L}\p{N}_]+/gu) || []; }
  function heeft(object, sleutel) { return Object.prototype.hasOwnProperty.call(object, sleutel); }
  function stam(woord) {  /* search.query_stem: the nearest known word, at most a few letters shorter or longer */
    var letters = Array.from(woord), langer = {};
    Object.keys(INDEX.stammen).forEach(function (ander) {
      if (ander === woord || ander.indexOf(woord) !== 0) return;
      var afstand = Array.from(ander).length - letters.length;
      if (!langer[afstand] || DRAW.compare(ander, langer[afstand]) < 0) langer[afstand] = ander;
    });
    for (var afstand = 0; afstand <= REGELS.achtervoegselMax; afstand++) {
      var korter = letters.slice(0, letters.length - afstand).join("");
      if (afstand < letters.length && heeft(INDEX.stammen, korter)) return INDEX.stammen[korter];
      if (afstand && langer[afstand]) return INDEX.stammen[langer[afstand]];
    }
    return woord;
  }
  var zoekIndex = null;
  function maakZoekIndex() {
    var woordenschat = {};
    var perKaart = INDEX.kaarten.map(function (kaart) {
      Object.keys(kaart.gewichten).forEach(function (term) { woordenschat[term] = true; });
      return { gewichten: kaart.gewichten, titel: new Set(kaart.titelTermen) };
    });
    var bekend = Object.keys(INDEX.stammen).sort(DRAW.compare);
    return { woordenschat: Object.keys(woordenschat), perKaart: perKaart, bekend: bekend, uitbreidingen: Object.create(null) };
  }
  function uitbreiden(term) {  /* SearchIndex.expand: compounds, 'gesprek' also finds 'oudergesprek' */
    if (Array.from(term).length < REGELS.samenstellingMin) return zoekIndex.woordenschat.indexOf(term) !== -1 ? [term] : [];
    if (!zoekIndex.uitbreidingen[term]) {
      zoekIndex.uitbreidingen[term] = zoekIndex.woordenschat.filter(function (woord) { return woord.indexOf(term) !== -1; });
    }
    return zoekIndex.uitbreidingen[term];
  }
  function opties(woord) {  /* SearchIndex.options: the terms of its stem, those that hold the word, or the word less a few letters */
    var gevonden = Array.from(new Set(uitbreiden(stam(woord)).concat(uitbreiden(woord)))), letters = Array.from(woord);
    for (var eraf = 1; eraf <= REGELS.achtervoegselMax; eraf++) {
      if (gevonden.length || letters.length - eraf < REGELS.samenstellingMin) break;
      gevonden = uitbreiden(letters.slice(0, letters.length - eraf).join(""));
    }
    return gevonden;
  }
  function zoekWoorden(tekst) {  /* search.query_words: without stop words, unless the query holds nothing else */
    var alle = Array.from(new Set(woorden(tekst)));
    var echt = alle.filter(function (woord) { return REGELS.stopwoorden.indexOf(woord) === -1; });
    return echt.length ? echt : alle;
  }
  function afstand(a, b) {  /* Levenshtein distance, as rapidfuzz counts it */
    a = Array.from(a); b = Array.from(b);
    var rij = b.map(function (_, j) { return j + 1; });
    rij.unshift(0);
    for (var i = 1; i <= a.length; i++) {
      var vorige = rij[0];
      rij[0] = i;
      for (var j = 1; j <= b.length; j++) {
        var nu = rij[j];
        rij[j] = Math.min(rij[j] + 1, rij[j - 1] + 1, vorige + (a[i - 1] === b[j - 1] ? 0 : 1));
        vorige = nu;
      }
    }
    return rij[b.length];
  }
  function bedoeld(woord) {  /* SearchIndex.closest_word: the nearest known word; of equals the first */
    var grens = Array.from(woord).length <= REGELS.tikfoutKort ? 1 : 2, beste = null;
    zoekIndex.bekend.forEach(function (ander) {
      if (Math.abs(Array.from(ander).length - Array.from(woord).length) > grens) return;
      var d = afstand(woord, ander);
      if (d <= grens) { beste = beste && beste.d <= d ? beste : { woord: ander, d: d }; }
    });
    return beste && beste.woord !== woord ? beste.woord : null;
  }
  function zoeken(tekst) {  /* SearchIndex.search: per card (query words it holds, score); what was left out */
    zoekIndex = zoekIndex || maakZoekIndex();
    var gevonden = Object.create(null), treffers = [], weggelaten = [], voorstellen = Object.create(null);
    zoekWoorden(tekst).forEach(function (woord) {
      var termen = opties(woord);
      if (!termen.length) {
        weggelaten.push(woord);
        var beter = bedoeld(woord);
        if (beter) voorstellen[woord] = beter;
        return;
      }
      treffers.push(new Set(termen));
      INDEX.kaarten.forEach(function (kaart, positie) {
        var sets = zoekIndex.perKaart[positie], beste = 0;
        termen.forEach(function (term) { if (heeft(sets.gewichten, term) && sets.gewichten[term] > beste) beste = sets.gewichten[term]; });
        if (!beste) return;
        if (termen.some(function (term) { return sets.titel.has(term); })) beste += REGELS.titelBonus;
        var rang = gevonden[kaart.slug] = gevonden[kaart.slug] || [0, 0];
        rang[0] += 1;
        rang[1] += beste;
      });
    });
    return { rangen: gevonden, treffers: treffers, weggelaten: weggelaten, voorstellen: voorstellen };
  }

  /* ---- snippets: kaartenbak/snippets.py over the passages it wrote into the index ---- */
  var WOORD = /[\p{L}\p{N}_\u00ad]+/gu;  /* a word; a soft hyphen of a hyphenated title stays inside it */
  function stamVan(woord) { woord = fold(woord.replace(/\u00ad/g, "")); return heeft(INDEX.stammen, woord) ? INDEX.stammen[woord] : woord; }
  function bevat(tekst, treffer) { return (tekst.match(WOORD) || []).some(function (woord) { return treffer.has(stamVan(woord)); }); }
  function markeer(tekst, treffers) {  /* snippets.mark: [text, marked] pieces */
    var stukken = [], begin = 0;
    tekst.replace(WOORD, function (woord, plek) {
      var stam = stamVan(woord);
      if (treffers.some(function (treffer) { return treffer.has(stam); })) {
        stukken.push([tekst.slice(begin, plek), false], [woord, true]);
        begin = plek + woord.length;
      }
      return woord;
    });
    stukken.push([tekst.slice(begin), false]);
    return stukken.filter(function (stuk) { return stuk[0]; });
  }
  function inkorten(tekst, treffers) {  /* snippets.shorten: REGELS.fragmentLengte words around the first hit */
    var woordenLijst = [], m, patroon = new RegExp(WOORD.source, "gu");
    while ((m = patroon.exec(tekst))) woordenLijst.push({ begin: m.index, eind: m.index + m[0].length, tekst: m[0] });
    if (woordenLijst.length <= REGELS.fragmentLengte) return tekst;
    var eerste = woordenLijst.findIndex(function (w) { return treffers.some(function (t) { return bevat(w.tekst, t); }); });
    var start = Math.max(0, Math.min(Math.max(eerste, 0) - REGELS.fragmentVoor, woordenLijst.length - REGELS.fragmentLengte));
    var eind = start + REGELS.fragmentLengte, verder = eind < woordenLijst.length;
    return (start ? "… " : "") + tekst.slice(start ? woordenLijst[start].begin : 0, verder ? woordenLijst[eind - 1].eind : tekst.length) + (verder ? " …" : "");
  }
  function toonStukken(element, stukken) {
    element.textContent = "";
    stukken.forEach(function (stuk) { element.append(stuk[1] ? el("mark", {}, [stuk[0]]) : stuk[0]); });
  }
  function toonFragment(tegel, kaart, treffers) {  /* snippets.snippet, into a tile as templates/_tile.html writes it */
    var kop = $(".tile-titel a", tegel), samenvatting = $(".samenvatting", tegel), oud = $(".fragment", tegel);
    if (oud) oud.remove();
    toonStukken(kop, markeer(kop.textContent, treffers));
    if (samenvatting) toonStukken(samenvatting, markeer(samenvatting.textContent, treffers));
    var getoond = kaart.titel + " " + kaart.samenvatting;
    var missend = treffers.filter(function (treffer) { return !bevat(getoond, treffer); });
    if (!missend.length) return;
    var beste = "", meeste = -1;
    kaart.passages.forEach(function (zin) {
      var aantal = missend.filter(function (treffer) { return bevat(zin, treffer); }).length;
      if (aantal > meeste) { beste = zin; meeste = aantal; }
    });
    if (meeste < 1) return;
    var fragment = el("p", { "class": "fragment" });
    toonStukken(fragment, markeer(inkorten(beste, treffers), treffers));
    $("ul.tags", tegel).before(fragment);
  }

  /* Collection.select: all tags, the deck, the query (best first, ties in collection order), and the tag counts. */
  function selecteer(filter) {
    var tags = [];
    filter.tags.forEach(function (tag) {
      tag = tag.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
      if (tag && tags.indexOf(tag) === -1) tags.push(tag);
    });
    var zoek = filter.q.split(/\s+/).filter(Boolean).join(" ");
    var gekozen = INDEX.kaarten.filter(function (kaart) {
      return tags.every(function (tag) { return kaart.tags.indexOf(tag) !== -1; }) && (!filter.bak || kaart.bak === filter.bak);
    });
    var gezocht = null;
    if (zoek) {
      gezocht = zoeken(zoek);
      var rangen = gezocht.rangen;
      gekozen = gekozen.filter(function (kaart) { return heeft(rangen, kaart.slug); })
        .sort(function (a, b) { return rangen[b.slug][0] - rangen[a.slug][0] || rangen[b.slug][1] - rangen[a.slug][1]; });
    }
    var tellingen = {};
    gekozen.forEach(function (kaart) { kaart.tags.forEach(function (tag) { tellingen[tag] = (tellingen[tag] || 0) + 1; }); });
    var tagTellingen = Object.keys(tellingen).map(function (tag) { return [tag, tellingen[tag]]; })
      .sort(function (a, b) { return b[1] - a[1] || DRAW.compare(a[0], b[0]); });
    return { kaarten: gekozen, tags: tags, tagTellingen: tagTellingen, gezocht: gezocht && zoekNotities(gezocht, zoek, tags) };
  }
  function zoekNotities(gezocht, zoek, tags) {  /* collection._search_notes */
    var voorstel = "";
    if (Object.keys(gezocht.voorstellen).length) {
      voorstel = woorden(zoek).map(function (woord) { return heeft(gezocht.voorstellen, woord) ? gezocht.voorstellen[woord] : woord; }).join(" ");
    }
    var naam = woorden(zoek).join(" "), tag = heeft(INDEX.tagWoorden, naam) ? INDEX.tagWoorden[naam] : "";
    return { treffers: gezocht.treffers, weggelaten: gezocht.weggelaten, voorstel: voorstel, tag: tags.indexOf(tag) === -1 ? tag : "" };
  }

  /* The active filters as chips that each remove one, as templates/_chips.html writes them. */
  function filterChips(filter, naam, wisTekst) {
    var chips = filter.tags.map(function (tag) {
      return { label: "tag: " + tag, href: adres(naam, filterArgs(filter, { tag: filter.tags.filter(function (t) { return t !== tag; }) })) };
    });
    if (filter.bak) chips.push({ label: "bak: " + (INDEX.bakken[filter.bak] ? INDEX.bakken[filter.bak].naam : filter.bak), href: adres(naam, filterArgs(filter, { bak: "" })) });
    if (filter.q) chips.push({ label: "zoekterm: " + filter.q, href: adres(naam, filterArgs(filter, { q: "" })) });
    var lijst = el("ul", { "class": "chips", "aria-label": "Actieve filters" }, chips.map(function (chip) {
      return el("li", {}, [el("a", { "class": "chip", href: chip.href }, [chip.label + " ", el("span", { "aria-hidden": "true" }, ["×"]), el("span", { "class": "visually-hidden" }, [" (filter weghalen)"])])]);
    }));
    lijst.append(el("li", {}, [el("a", { "class": "chip wis", href: adres(naam) }, [wisTekst])]));
    return lijst;
  }

  /* What the overview says about a query, as templates/index.html writes it (web/filters.py: search_notes). */
  function zoekHulp(na, notities, filter, aantal) {
    var regels = [];
    if (notities.weggelaten.length) {
      var woordenLijst = [];
      notities.weggelaten.forEach(function (woord, i) { if (i) woordenLijst.push(", "); woordenLijst.push(el("q", {}, [woord])); });
      var rest = aantal ? "; gezocht zonder " + (notities.weggelaten.length === 1 ? "dat woord" : "die woorden") + "." : ".";
      regels.push(el("p", {}, ["Geen kaart bevat "].concat(woordenLijst, [rest])));
    }
    if (notities.voorstel) {
      regels.push(el("p", {}, ["Bedoelde je: ", el("a", { href: adres("index", filterArgs(filter, { q: notities.voorstel })) + "#resultaten" }, [notities.voorstel]), "?"]));
    }
    if (notities.tag) {
      var href = adres("index", filterArgs(filter, { tag: filter.tags.concat([notities.tag]), q: "" })) + "#resultaten";
      regels.push(el("p", {}, ["Alleen kaarten met de tag ", el("a", { "class": "tag", href: href }, [notities.tag]), " tonen"]));
    }
    if (regels.length) na.after(el("div", { "class": "zoek-hulp", "data-zoek-hulp": "" }, regels));
  }

  /* ---- the overview ---- */
  function overzicht() {
    var filter = leesFilter(), lijst = $(".tiles");
    if (!actief(filter) || !lijst) return;
    var selectie = selecteer(filter), totaal = INDEX.kaarten.length, aantal = selectie.kaarten.length;
    var tegels = {};
    $$(":scope > li", lijst).forEach(function (li) { tegels[$("[data-slug]", li).dataset.slug] = li; li.remove(); });
    selectie.kaarten.forEach(function (kaart) {
      if (!tegels[kaart.slug]) return;
      if (selectie.gezocht) toonFragment(tegels[kaart.slug], kaart, selectie.gezocht.treffers);
      lijst.append(tegels[kaart.slug]);
    });
    $$('.resultaten nav.buren').forEach(function (nav) { nav.remove(); });  /* every card is on this one page */

    titel(aantal + " kaarten gevonden");
    $(".overzicht-kop").textContent = "Gevonden kaarten";
    $(".resultaten .telling").textContent = aantal + " van " + totaal + " kaarten";
    var formulier = $("form.zoek");
    $("#q", formulier).value = filter.q;
    if (filter.bak) formulier.append(el("input", { type: "hidden", name: "bak", value: filter.bak }));
    filter.tags.forEach(function (tag) { formulier.append(el("input", { type: "hidden", name: "tag", value: tag })); });
    var aantalFilters = filter.tags.length + (filter.bak ? 1 : 0) + (filter.q ? 1 : 0);  /* one per chip, as the server counts */
    $("[data-aantal-filters]").textContent = aantalFilters ? "(" + aantalFilters + ")" : "";
    $$("[data-bakken] a").forEach(function (link) {  /* web/filters.py: deck_links */
      var aan = link.dataset.bak === filter.bak;
      link.href = adres("index", filterArgs(filter, { bak: aan ? "" : link.dataset.bak })) + "#resultaten";
      link.className = aan ? "facet actief" : "facet";
      if (aan) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
    });

    var facetten = $("ul.facets[data-tags]");
    if (facetten) {
      var voorbeeld = $("li", facetten).cloneNode(true);
      facetten.textContent = "";
      selectie.tagTellingen.forEach(function (paar) {
        var tag = paar[0], aan = filter.tags.indexOf(tag) !== -1;
        var tags = aan ? filter.tags.filter(function (t) { return t !== tag; }) : filter.tags.concat([tag]);
        var li = voorbeeld.cloneNode(true), link = $("a", li);
        link.href = adres("index", filterArgs(filter, { tag: tags })) + "#resultaten";
        link.className = aan ? "facet actief" : "facet";
        if (aan) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
        $(".facet-naam", link).textContent = tag;
        Array.prototype.forEach.call($(".aantal", link).childNodes, function (node) {
          if (node.nodeType === Node.TEXT_NODE) node.nodeValue = String(paar[1]);
        });
        facetten.append(li);
      });
      if (!selectie.tagTellingen.length) { facetten.previousElementSibling.remove(); facetten.remove(); }
    }

    var chips = filterChips(filter, "index", "Alle filters wissen");
    $(".resultaten .telling").after(chips);
    if (selectie.gezocht) zoekHulp(chips, selectie.gezocht, filter, aantal);

    var acties = $(".selectie-acties");
    $$("a", acties).forEach(function (link) { link.href = link.href.split("?")[0] + query(filterArgs(filter)); });
    if (acties.firstElementChild) acties.firstElementChild.textContent = "Trek een kaart uit deze selectie";
    if (!aantal) {
      acties.remove();
      lijst.replaceWith(el("div", { "class": "leeg" }, [
        el("h2", {}, ["Geen kaarten gevonden"]),
        el("p", {}, ["Geen enkele kaart past bij alle filters samen. Haal een filter weg, probeer een ander woord (bijvoorbeeld ",
          el("a", { href: adres("index", { q: "gesprek" }) }, ["gesprek"]), "), of bekijk ", el("a", { href: adres("index") }, ["alle kaarten"]), "."]),
      ]));
    }
  }

  /* A seed and a number are part of every drawn page's address, as on the server. */
  function metZaad(naam, args) {
    var zaad = params.get("seed") || "", n = getal("n");
    if (DRAW.validSeed(zaad) && n !== null) return { zaad: zaad, n: n };
    location.replace(adres(naam, Object.assign(args, { seed: DRAW.validSeed(zaad) ? zaad : DRAW.newSeed(), n: n || 1 })));
    return null;
  }
  function trekStapel(filter) {
    return selecteer(filter).kaarten.filter(function (kaart) { return REGELS.trekSoorten.indexOf(kaart.soort) !== -1; });
  }

  /* ---- the draw ---- */
  function trek() {
    var filter = leesFilter(), blok = $("[data-trek]"), stand = metZaad("trek", filterArgs(filter));
    if (!stand || !blok) return;
    var stapel = trekStapel(filter), n = stand.n, totaal = stapel.length;
    var kaart = DRAW.nth(stapel, stand.zaad, n);
    var stap = function (m) { return adres("trek", filterArgs(filter, { seed: stand.zaad, n: m })); };
    var opnieuw = adres("trek", filterArgs(filter));
    blok.dataset.n = String(n);
    if (kaart) { blok.dataset.volgende = stap(n + 1); blok.dataset.kaart = kaart.slug; } else { delete blok.dataset.volgende; delete blok.dataset.kaart; }
    titel(kaart ? "Getrokken: " + kaart.titel : "De stapel is leeg");
    $(".trek-kop .positie", blok).textContent = kaart ? n + " getrokken · nog " + (totaal - n) + " in de stapel"
      : totaal ? "alle " + totaal + " kaarten zijn getrokken" : "geen kaarten in deze selectie";
    if (actief(filter)) $(".trek-kop", blok).after(filterChips(filter, "trek", "Trek uit alle kaarten"));
    if (kaart) {
      vervangKaart($(".getrokken article.kaart", blok), kaart.slug);
      $("[data-bespreek]", blok).href = gesprekAdres(kaart, 1, null, filterArgs(filter, { seed: stand.zaad, n: n }));
      $('.trek-acties [rel="next"]', blok).href = stap(n + 1);
      $("[data-schudden]", blok).href = opnieuw;
      var links = $(".trek-links", blok);
      knoppen(links, [n > 1 && { href: stap(n - 1), tekst: "Vorige kaart", rel: "prev", klasse: "" },
        { href: adres("willekeurige-vraag", filterArgs(filter)), tekst: "Willekeurige vraag uit de stapel", klasse: "" }]);
      return;
    }
    $$(".getrokken, .trek-extra, .leeg", blok).forEach(function (oud) { oud.remove(); });
    var uitleg = totaal
      ? [el("h2", {}, ["De stapel is leeg"]), el("p", {}, ["Je hebt alle " + totaal + " kaarten uit deze selectie getrokken. Schud opnieuw om verder te gaan, of ",
          el("a", { href: stap(totaal) }, ["ga terug naar de laatste kaart"]), "."])]
      : [el("h2", {}, ["Geen kaarten om te trekken"]), el("p", {}, ["Er zijn geen kaarten die bij deze filters passen. ",
          el("a", { href: adres("index", filterArgs(filter)) }, ["Bekijk de selectie"]), " of trek uit ", el("a", { href: adres("trek") }, ["alle kaarten"]), "."])];
    blok.append(el("div", { "class": "leeg" }, uitleg.concat([el("p", {}, [el("a", { "class": "knop", href: opnieuw }, ["Opnieuw schudden"]), " ",
      el("a", { "class": "knop secundair", href: adres("verslag") }, ["Naar het verslag"])])])));
  }

  /* ---- discussion mode: the page holds every prompt of its card; show the one asked for ---- */
  function toonVraag(blok, index, totaal) {
    $$("[data-vraag-nr]", blok).forEach(function (sectie) { sectie.hidden = Number(sectie.dataset.vraagNr) !== index; });
    blok.dataset.vraag = String(index);
    $(".positie", blok).textContent = "vraag " + index + " van " + totaal;
    var delen = document.title.split(" · ");
    titel(delen[0] + " · vraag " + index + " van " + totaal);
  }

  /* The export has one file per card for both views: make the mentor's page the projector's, as
     templates/gesprek.html renders it with weergave=scherm — only the prompt, nothing of the mentor's. */
  function alsScherm(blok) {
    document.body.classList.add("scherm");
    blok.dataset.weergave = "scherm";
    $$(".gesprek-terug, .werkbalk, .vraag-notitie, .gesprek-knoppen, .notities, aside.begeleider, [data-toetsen]", blok).forEach(function (oud) { oud.remove(); });
    $$("details[data-doorvragen]", blok).forEach(function (details) {
      details.replaceWith(el("div", { "class": "doorvragen-blok", "data-doorvragen": "", hidden: "" }, [
        el("h2", { "class": "doorvragen-kop" }, ["Doorvragen"]), $("ul", details)]));
    });
    blok.append(el("p", { "class": "scherm-timer", "data-scherm-timer": "", hidden: "" }, [
      el("span", { "class": "visually-hidden" }, ["Timer: "]), el("span", { "data-scherm-tijd": "" })]));
  }

  function gesprek() {
    var blok = $("[data-gesprek]"), kaart = blok && kaarten[blok.dataset.gesprek];
    if (!kaart || !kaart.vragen.length) return;
    var totaal = kaart.vragen.length, index = getal("vraag");
    var weergave = params.get("weergave") === "scherm" ? "scherm" : "";
    var filter = leesFilter(), zaad = params.get("seed") || "", n = getal("n");
    var trekking = DRAW.validSeed(zaad) && n !== null ? filterArgs(filter, { seed: zaad, n: n }) : null;
    if (index === null || index > totaal) { location.replace(gesprekAdres(kaart, Math.min(index || 1, totaal), weergave, trekking)); return; }
    toonVraag(blok, index, totaal);
    blok.dataset.scherm = gesprekAdres(kaart, index, "scherm");
    if (weergave) { alsScherm(blok); return; }
    var vorige = $("[data-naar-vorige]", blok), volgende = $("[data-naar-volgende]", blok);
    vorige.hidden = index === 1; vorige.href = gesprekAdres(kaart, Math.max(index - 1, 1), null, trekking);
    volgende.hidden = index === totaal; volgende.href = gesprekAdres(kaart, Math.min(index + 1, totaal), null, trekking);
    $("[data-einde]", blok).hidden = index !== totaal;
    if (!trekking) return;
    /* opened from a draw: back to the pile, and on to the next card of the same draw (web/mentor.py: _after_card) */
    var terug = adres("trek", trekking), volgendeKaart = DRAW.nth(trekStapel(filter), zaad, n + 1);
    blok.dataset.terug = terug;
    var terugLink = $("[data-terug-link]", blok);
    terugLink.href = terug;
    terugLink.lastChild.nodeValue = " Terug naar de stapel";
    var verder = $("[data-volgende-kaart]", blok);
    verder.hidden = false;
    verder.href = volgendeKaart ? gesprekAdres(volgendeKaart, 1, null, filterArgs(filter, { seed: zaad, n: n + 1 })) : adres("trek", filterArgs(filter, { seed: zaad, n: n + 1 }));
    $("[data-toetsen]", blok).textContent = $("[data-toetsen]", blok).textContent.replace(/Esc: .*$/, "Esc: terug naar de stapel");
  }

  /* The random prompt: the page the export froze shows one prompt of some card; rebuild it for the drawn one. */
  function toonWillekeurig(blok, kaart, index, nav) {
    var bak = INDEX.bakken[kaart.bak], vraag = kaart.vragen[index - 1], totaal = kaart.vragen.length;
    blok.className = "gesprek bak-kleur " + bak.css;
    Object.assign(blok.dataset, { gesprek: kaart.slug, titel: kaart.titel, bak: bak.naam, url: kaartAdres(kaart), terug: nav.terug, scherm: gesprekAdres(kaart, index, "scherm"), volgende: nav.volgende });
    if (nav.vorige) blok.dataset.vorige = nav.vorige; else delete blok.dataset.vorige;
    $(".bak-label", blok).textContent = bak.naam;
    $(".gesprek-titel", blok).textContent = kaart.titel;
    var sectie = $("[data-vraag-nr]", blok), notitie = $("[data-vraag-notitie]", sectie);
    sectie.dataset.vraagNr = String(index);
    sectie.setAttribute("aria-labelledby", "vraag-" + index);
    $$("[data-doorvragen]", sectie).forEach(function (oud) { oud.remove(); });
    var kop = $(".vraag", sectie);
    kop.id = "vraag-" + index;
    kop.textContent = vraag.vraag;
    if (vraag.doorvragen.length) {
      kop.after(el("details", { "class": "doorvragen-blok", "data-doorvragen": "", open: "" }, [
        el("summary", {}, ["Doorvragen"]),
        el("ul", { "class": "doorvragen" }, vraag.doorvragen.map(function (tekst) { return el("li", {}, [tekst]); })),
      ]));
    }
    $("label", notitie).htmlFor = $("textarea", notitie).id = "notitie-vraag-" + index;
    toonVraag(blok, index, totaal);
    titel(kaart.titel + " · vraag " + index + " van " + totaal);
    knoppen($(".gesprek-knoppen", blok), [
      nav.vorige && { href: nav.vorige, tekst: "Vorige vraag", rel: "prev" },
      { href: nav.volgende, tekst: "Nog een willekeurige vraag", rel: "next", klasse: "knop" },
    ]);
    $("[data-terug-link]", blok).href = nav.terug;
    $("[data-scherm-openen]", blok).href = gesprekAdres(kaart, index, "scherm");
    var notities = $("[data-notities]", blok);
    if (notities.dataset.notities !== kaart.slug) {
      Object.assign(notities.dataset, { notities: kaart.slug, titel: kaart.titel, bak: bak.naam });
      notities.setAttribute("aria-labelledby", "notities-" + kaart.slug);
      $("h2", notities).id = "notities-" + kaart.slug;
      $$("textarea", notities).forEach(function (veld) {
        veld.id = veld.dataset.veld + "-" + kaart.slug;
        veld.previousElementSibling.htmlFor = veld.id;
      });
    }
    notities.dataset.url = kaartAdres(kaart);
    var begeleider = $("aside.begeleider", blok);
    if (!kaart.begeleider) { if (begeleider) begeleider.remove(); return; }
    if (!begeleider) {
      begeleider = el("aside", { "class": "begeleider", "aria-label": "Voor de begeleider" }, [el("h2", {}, ["Voor de begeleider"]), el("p")]);
      notities.after(begeleider);
    }
    $("p", begeleider).textContent = kaart.begeleider;
  }

  function willekeurigeVraag() {
    var filter = leesFilter(), stand = metZaad("willekeurige-vraag", filterArgs(filter));
    if (!stand) return;
    var vragen = [];
    trekStapel(filter).forEach(function (kaart) {
      kaart.vragen.forEach(function (_, i) { vragen.push({ kaart: kaart, index: i + 1 }); });
    });
    var sleutel = function (paar) { return paar.kaart.slug + "\n" + String(paar.index).padStart(3, "0"); };
    var getrokken = vragen.length ? DRAW.nth(vragen, stand.zaad, (stand.n - 1) % vragen.length + 1, sleutel) : null;
    var blok = $("[data-gesprek]");
    if (!getrokken) {
      titel("Geen vragen");
      $("main").replaceChildren(el("div", { "class": "tekstpagina leeg" }, [
        el("h1", {}, ["Geen vragen"]), el("p", {}, ["Er zijn geen kaarten met vragen in deze selectie."]),
        el("p", {}, [el("a", { href: adres("index", filterArgs(filter)) }, ["Terug"])]),
      ]));
      return;
    }
    if (!blok) return;
    var stap = function (m) { return adres("willekeurige-vraag", filterArgs(filter, { seed: stand.zaad, n: m })); };
    toonWillekeurig(blok, getrokken.kaart, getrokken.index, {
      vorige: stand.n > 1 ? stap(stand.n - 1) : null,
      volgende: stap(stand.n + 1),
      terug: kaartAdres(getrokken.kaart),
    });
  }

  /* ---- practice mode: the same scenario and roles for the same seed, one view per player ---- */
  var UITLEG = {
    leraar: "Je kent alleen de situatie; hoe de ouder reageert, merk je in het gesprek.",
    ouder: "Lees de situatie en je rolkaart. Laat je rolkaart niet aan de leraar zien.",
    vierde: "Lees de situatie en je rolkaart. Laat je rolkaart niet aan de anderen zien.",
    geenVierde: "In dit scenario speelt geen vierde speler mee. Vraag de spelleider om een nieuwe link.",
    observator: "Lees alles en let tijdens het gesprek op de punten van de observatiekaart.",
  };
  var ZIET = { leraar: "Ziet alleen het scenario.", observator: "Ziet alle kaarten en geeft feedback met de observatiekaart." };
  var ZIET_ROLLEN = { ouder: ["ouder"], vierde: ["vierde"], observator: ["ouder", "vierde"] };  /* as web/mentor.py's SEES_ROLES */

  function spelleiderUitleg(vierde) {
    var sterk = function (woord) { return el("strong", {}, [woord]); };
    return vierde
      ? ["Een rollenspel met vier spelers: de ", sterk("leraar"), " voert het gesprek, de ", sterk("ouder"), " en de ", sterk("vierde speler"),
        " spelen elk een rolkaart, de ", sterk("observator"), " let op en geeft feedback. Geef elke speler de eigen link: de leraar ziet de rolkaarten niet. Zijn jullie met z'n drieën, dan speelt de observator de vierde rol erbij."]
      : ["Een rollenspel met drie spelers: de ", sterk("leraar"), " voert het gesprek, de ", sterk("ouder"), " speelt de rolkaart, de ", sterk("observator"),
        " let op en geeft feedback. Geef elke speler de eigen link: de leraar ziet de rolkaart van de ouder niet."];
  }

  function oefenen() {
    var blok = $("[data-oefenen]"), rollen = REGELS.rollen;
    var zaad = params.get("seed") || "", s = getal("scenario") || 1, r = getal("rol") || 1, speler = params.get("speler") || "";
    if (!heeft(rollen, speler)) speler = "";
    if (!DRAW.validSeed(zaad)) { location.replace(adres("oefenen", { seed: DRAW.newSeed(), scenario: s, rol: r, speler: speler || null })); return; }
    var soort = function (naam) { return INDEX.kaarten.filter(function (kaart) { return kaart.soort === naam; }); };
    var scenarios = soort("scenario"), observator = soort("observatie")[0];
    /* kaartenbak/practice.py: the scenario's own roles (the export lists only role cards on the site), else the parent roles */
    var eigen = function (slugs) { return (slugs || []).map(function (slug) { return kaarten[slug]; }); };
    var alleOuders = eigen(REGELS.ouderRollen);
    if (!blok || !scenarios.length || !alleOuders.length) return;
    var scenario = DRAW.nth(scenarios, zaad, (s - 1) % scenarios.length + 1);
    var ouders = eigen(scenario.rollen), vierdes = eigen(scenario.vierdeSpeler);
    if (!ouders.length) ouders = alleOuders;
    var inSpel = {
      ouder: DRAW.nth(ouders, zaad, (r - 1) % ouders.length + 1),
      vierde: vierdes.length ? DRAW.nth(vierdes, zaad, (r - 1) % vierdes.length + 1) : null,
    };
    var link = function (wijziging) { return adres("oefenen", Object.assign({ seed: zaad, scenario: s, rol: r, speler: speler || null }, wijziging)); };
    var label = rollen[speler] || "Spelleider";

    titel("Oefenen · " + label);
    $(".rol-label", blok).textContent = label;
    var uitleg = $(".oefenen-kop p", blok);
    if (speler) {
      uitleg.replaceChildren("Je bent de ", el("strong", {}, [label.toLowerCase()]), ". " + UITLEG[speler === "vierde" && !inSpel.vierde ? "geenVierde" : speler]);
      $$(".spelers", blok).forEach(function (oud) { oud.remove(); });
    } else {
      uitleg.replaceChildren.apply(uitleg, spelleiderUitleg(inSpel.vierde));
      var namen = Object.keys(rollen).filter(function (naam) { return naam !== "vierde" || inSpel.vierde; });
      var lijst = $(".speler-lijst", blok);
      lijst.replaceChildren.apply(lijst, namen.map(function (naam) {
        var rolkaart = inSpel[naam], speelt = ZIET[naam] ? el("p", { "class": "ziet" }, [ZIET[naam]]) : null;
        if (rolkaart) {
          speelt = el("p", { "class": "speelt", "data-rolkaart": rolkaart.slug }, ["Rolkaart: ", el("strong", {}, [rolkaart.titel])]);
          if (rolkaart.samenvatting) speelt.append(el("br"), rolkaart.samenvatting);
        }
        return el("li", { "class": "speler" }, [el("h3", {}, [rollen[naam]])].concat(speelt ? [speelt] : [],
          [el("p", { "class": "speler-link" }, [el("a", { "class": "knop", href: link({ speler: naam }) }, ["Open als " + rollen[naam].toLowerCase()])])]));
      }));
    }
    knoppen($(".trek-knoppen", blok), [
      { href: link({ scenario: s + 1 }), tekst: "Ander scenario" },
      (ouders.length > 1 || vierdes.length > 1) && { href: link({ rol: r + 1 }), tekst: "Andere rol" },
      { href: adres("oefenen"), tekst: "Nieuw rollenspel" },
      speler && { href: link({ speler: null }), tekst: "Overzicht voor de spelleider" },
    ]);

    var plek = $(".oefen-kaarten", blok);
    vervangKaart($('[aria-labelledby="scenario-kop"] article.kaart', plek), scenario.slug);
    $$('[aria-labelledby="ouder-kop"], [aria-labelledby="vierde-kop"], [aria-labelledby="observator-kop"]', plek).forEach(function (oud) { oud.remove(); });
    var sectie = function (id, kop, kaart) {
      plek.append(el("section", { "aria-labelledby": id }, [el("h2", { id: id, "class": "kaart-soort" }, [kop]), sjabloon(kaart.slug)]));
    };
    (ZIET_ROLLEN[speler] || []).forEach(function (naam) {
      if (inSpel[naam]) sectie(naam + "-kop", naam === "ouder" ? "Rolkaart van de ouder" : "Rolkaart van de vierde speler", inSpel[naam]);
    });
    if (speler === "observator" && observator) sectie("observator-kop", "Observatiekaart", observator);
    /* the notes for the mentor: for the spelleider and the observer only, as the server renders them */
    if (speler && speler !== "observator") $$("aside.begeleider", plek).forEach(function (notitie) { notitie.remove(); });
  }

  /* ---- the print view: the chosen cards, regrouped four to a sheet with the backs mirrored, at the
     largest type size at which all of them fit, as kaartenbak/printing.py picks it ---- */
  function afdrukken() {
    var enkel = heeft(kaarten, params.get("kaart")) ? kaarten[params.get("kaart")] : null;
    var filter = leesFilter(), vellen = $(".vellen");
    if ((!enkel && !actief(filter)) || !vellen) return;
    var gekozen = enkel ? [enkel] : selecteer(filter).kaarten;
    var perKaart = {};
    $$(".vel.voorkanten", vellen).forEach(function (voorkant) {
      var achterkanten = Array.from(voorkant.nextElementSibling.children);
      Array.from(voorkant.children).forEach(function (voor, plaats) {
        if (voor.dataset.slug) perKaart[voor.dataset.slug] = { voor: voor, achter: achterkanten[REGELS.achterkant.indexOf(plaats)] };
      });
    });
    var stukken = gekozen.map(function (kaart) { return perKaart[kaart.slug]; }).filter(Boolean);
    var maat = gekozen.reduce(function (kleinste, kaart) {
      return Math.max(kleinste, REGELS.drukmaten.indexOf(kaart.drukmaat));
    }, 0);
    var leeg = function () { return el("div", { "class": "a6 leeg-vak" }); };
    vellen.textContent = "";
    vellen.className = "vellen maat-" + REGELS.drukmaten[maat];
    var aantalVellen = Math.ceil(stukken.length / REGELS.perVel);
    for (var vel = 0; vel < aantalVellen; vel++) {
      var stuk = stukken.slice(vel * REGELS.perVel, (vel + 1) * REGELS.perVel);
      var voor = el("section", { "class": "vel voorkanten", "aria-label": "Vel " + (vel + 1) + ", voorkant" });
      var achter = el("section", { "class": "vel achterkanten", "aria-label": "Vel " + (vel + 1) + ", achterkant" });
      for (var plaats = 0; plaats < REGELS.perVel; plaats++) {
        voor.append(stuk[plaats] ? stuk[plaats].voor : leeg());
        var gespiegeld = stuk[REGELS.achterkant[plaats]];
        achter.append(gespiegeld ? gespiegeld.achter : leeg());
      }
      vellen.append(voor, achter);
    }
    var uitleg = $(".afdruk-uitleg");
    $(".telling", uitleg).textContent = gekozen.length + (gekozen.length === 1 ? " kaart" : " kaarten") + " op " + aantalVellen +
      (aantalVellen === 1 ? " vel" : " vellen") + " A4 (" + aantalVellen * 2 + " pagina's).";
    /* the cards that do not fit: only those of the selection */
    var ingekort = $("[data-ingekort]", uitleg);
    if (ingekort) {
      var getoond = $$("li[data-slug]", ingekort).filter(function (regel) {
        regel.hidden = !gekozen.some(function (kaart) { return kaart.slug === regel.dataset.slug; });
        return !regel.hidden;
      });
      ingekort.hidden = getoond.length === 0;
    }
    var terug = $$("p a", uitleg).pop();
    if (terug) terug.href = enkel ? kaartAdres(enkel) : adres("index", filterArgs(filter));
  }

  var werk = {
    "pages.index": overzicht,
    "pages.afdrukken": afdrukken,
    "mentor.trek": trek,
    "mentor.gesprek": gesprek,
    "mentor.willekeurige_vraag": willekeurigeVraag,
    "mentor.oefenen": oefenen,
  }[pagina];
  if (werk) werk();

  /* Notes keep the address of their card for the report, which lives at another depth of the folder. */
  $$("[data-notities]").forEach(function (notities) { notities.dataset.url = new URL(notities.dataset.url, location.href).href; });
  $$(".deel-link").forEach(function (veld) { veld.value = location.href; });
})();
