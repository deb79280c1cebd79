/* Kaartenbak: the report of a conversation, built in the browser from what gesprekken.js keeps.
   One document with three ways out: print (or save as PDF), copy as rich text for Word, Docs or
   Teams, and download as a Markdown text file. Earlier conversations can be reopened or deleted. */
(function () {
  "use strict";

  var G = window.KaartenbakGesprekken, pagina = document.querySelector("[data-verslag]");
  if (!G || !pagina) return;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function el(tag, tekst, klasse) {
    var node = document.createElement(tag);
    if (tekst) node.textContent = tekst;
    if (klasse) node.className = klasse;
    return node;
  }
  function gevuld(tekst) { return Boolean((tekst || "").trim()); }

  function datumTekst(datum) {
    var delen = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum || "");
    if (!delen) return datum || "zonder datum";
    return new Date(Number(delen[1]), Number(delen[2]) - 1, Number(delen[3]))
      .toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
  }
  function titel(gesprek) { return "Gespreksverslag " + datumTekst(gesprek.datum); }
  function gegevens(gesprek) {
    return [["Student", gesprek.student], ["Begeleider", gesprek.begeleider], ["Context", gesprek.context]]
      .filter(function (paar) { return gevuld(paar[1]); });
  }

  /* A text the mentor may still change here (an agreement, what the student takes away): a field
     on screen, its text on paper and in a copy. */
  function invulveld(id, label, waarde, bij, bewaar) {
    var blok = el("div", null, "invulveld"), veld = el("textarea"), tekst = el("p", waarde, "afdruk-tekst");
    var kop = el("label", label);
    if (bij) kop.append(el("span", " bij " + bij, "visually-hidden"));  /* every card has one: say which */
    kop.htmlFor = veld.id = id;
    veld.rows = 2; veld.maxLength = 2000; veld.value = waarde || "";
    tekst.hidden = !gevuld(waarde);
    veld.addEventListener("input", function () {
      tekst.textContent = veld.value; tekst.hidden = !gevuld(veld.value);
      bewaar(veld.value);
    });
    blok.append(kop, veld, tekst);
    return blok;
  }

  /* The document: the session header, then per card the prompts discussed with the doorvragen in
     view and their notes, the card's note and agreement, and what the student takes away.
     With `bewerkbaar` the agreement and the closing text are fields; without, plain text for copying. */
  function document_(gesprek, bewerkbaar) {
    var doc = el("article", null, "verslag-document");
    var kop = el("header", null, "verslag-kop");
    kop.append(el("h2", titel(gesprek)));
    var meta = gegevens(gesprek);
    if (meta.length) {
      var lijst = el("ul", null, "verslag-meta");
      meta.forEach(function (paar) { var li = el("li"); li.append(el("strong", paar[0] + ": "), paar[1]); lijst.append(li); });
      kop.append(lijst);
    }
    doc.append(kop);
    G.inVerslag(gesprek).forEach(function (kaart, plaats) {
      var sectie = el("section", null, "verslag-kaart"), h = el("h3", kaart.titel);
      if (kaart.bak) h.append(" ", el("span", "(" + kaart.bak + ")", "verslag-bak"));
      sectie.append(h);
      var vragen = G.besprokenVragen(kaart);
      if (vragen.length) {
        sectie.append(el("h4", "Besproken vragen"));
        var ol = el("ol", null, "verslag-vragen");
        vragen.forEach(function (vraag) {
          var li = el("li");
          li.append(el("p", vraag.tekst, "verslag-vraag"));
          if (vraag.doorvragen && vraag.doorvragen.length) {
            var ul = el("ul", null, "verslag-doorvragen");
            vraag.doorvragen.forEach(function (tekst) { ul.append(el("li", tekst)); });
            li.append(ul);
          }
          if (gevuld(vraag.notitie)) { var p = el("p", null, "verslag-notitie"); p.append(el("em", "Notitie: "), vraag.notitie.trim()); li.append(p); }
          ol.append(li);
        });
        sectie.append(ol);
      }
      if (gevuld(kaart.notitie)) sectie.append(el("h4", "Notitie bij de kaart"), el("p", kaart.notitie.trim(), "verslag-tekst"));
      if (bewerkbaar) {
        sectie.append(invulveld("afspraak-" + plaats, "Afspraak", kaart.afspraak, kaart.titel, function (waarde) {
          G.wijzig(function (g) { G.kaart(g, kaart).afspraak = waarde; });
        }));
      } else if (gevuld(kaart.afspraak)) {
        sectie.append(el("h4", "Afspraak"), el("p", kaart.afspraak.trim(), "verslag-tekst"));
      }
      doc.append(sectie);
    });
    if (bewerkbaar) {
      var slot = el("div", null, "verslag-slot");  /* the field's label is its heading */
      slot.append(invulveld("meenemen", "Wat neem je mee?", gesprek.meenemen, "", function (waarde) {
        G.wijzig(function (g) { g.meenemen = waarde; });
      }));
      doc.append(slot);
    } else if (gevuld(gesprek.meenemen)) {
      var eind = el("section", null, "verslag-slot");
      eind.append(el("h3", "Wat neem je mee?"), el("p", gesprek.meenemen.trim(), "verslag-tekst"));
      doc.append(eind);
    }
    return doc;
  }

  function alsMarkdown(gesprek) {
    var regels = ["# " + titel(gesprek), ""];
    gegevens(gesprek).forEach(function (paar) { regels.push(paar[0] + ": " + paar[1] + "  "); });
    regels.push("");
    G.inVerslag(gesprek).forEach(function (kaart) {
      regels.push("## " + kaart.titel + (kaart.bak ? " (" + kaart.bak + ")" : ""), "");
      var vragen = G.besprokenVragen(kaart);
      if (vragen.length) {
        regels.push("### Besproken vragen", "");
        vragen.forEach(function (vraag, i) {
          regels.push((i + 1) + ". " + vraag.tekst);
          (vraag.doorvragen || []).forEach(function (tekst) { regels.push("   - " + tekst); });
          if (gevuld(vraag.notitie)) regels.push("", "   *Notitie:* " + vraag.notitie.trim().replace(/\n/g, "\n   "), "");
        });
        regels.push("");
      }
      if (gevuld(kaart.notitie)) regels.push("### Notitie bij de kaart", "", kaart.notitie.trim(), "");
      if (gevuld(kaart.afspraak)) regels.push("### Afspraak", "", kaart.afspraak.trim(), "");
    });
    if (gevuld(gesprek.meenemen)) regels.push("## Wat neem je mee?", "", gesprek.meenemen.trim(), "");
    return regels.join("\n").replace(/\n{3,}/g, "\n\n");
  }

  var leeg = $("[data-verslag-leeg]"), inhoud = $("[data-verslag-gesprek]"), plek = $("[data-verslag-document]");
  var status = $("[data-verslag-status]"), formulier = $("[data-gegevens]");

  function toon() {
    var gesprek = G.huidig(), niets = G.isLeeg(gesprek);
    leeg.hidden = !niets;
    inhoud.hidden = niets;
    Array.prototype.forEach.call(formulier.elements, function (veld) {
      if (veld.name && veld !== document.activeElement) veld.value = veld.name === "datum" ? gesprek.datum : gesprek[veld.name] || "";
    });
    plek.replaceChildren(document_(gesprek, true));
    toonGesprekken();
  }

  /* The header: a change is kept and shown in the document at once. */
  formulier.addEventListener("input", function (event) {
    var veld = event.target;
    if (!veld.name) return;
    G.wijzig(function (g) { g[veld.name] = veld.value; });
    var kop = $(".verslag-kop", plek), gesprek = G.huidig();
    kop.replaceWith($(".verslag-kop", document_(gesprek, false)));
  });
  formulier.addEventListener("submit", function (event) { event.preventDefault(); });

  $("[data-print]").addEventListener("click", function () { window.print(); });

  $("[data-download]").addEventListener("click", function () {
    var gesprek = G.huidig();
    var blob = new Blob([alsMarkdown(gesprek)], { type: "text/markdown;charset=utf-8" });
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "gespreksverslag" + (gesprek.datum ? "-" + gesprek.datum : "") + ".md";
    document.body.append(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    status.textContent = "Het verslag is gedownload als " + link.download + ".";
  });

  /* Rich text for word processors, plain text for the rest; the selection is the fallback where the
     Clipboard API may not write HTML. */
  $("[data-kopieer-verslag]").addEventListener("click", function () {
    var gesprek = G.huidig(), html = document_(gesprek, false).outerHTML, tekst = alsMarkdown(gesprek);
    var gelukt = function () { status.textContent = "Het verslag staat op het klembord. Plak het in je document."; };
    var kopieerSelectie = function () {
      var kopie = document_(gesprek, false);
      kopie.classList.add("klembord");
      document.body.append(kopie);
      var selectie = window.getSelection(), bereik = document.createRange();
      bereik.selectNodeContents(kopie);
      selectie.removeAllRanges(); selectie.addRange(bereik);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (fout) { ok = false; }
      selectie.removeAllRanges(); kopie.remove();
      if (ok) gelukt(); else status.textContent = "Kopiëren lukte niet. Gebruik Downloaden of Afdrukken.";
    };
    if (navigator.clipboard && window.ClipboardItem) {
      navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([tekst], { type: "text/plain" }),
      })]).then(gelukt, kopieerSelectie);
    } else {
      kopieerSelectie();
    }
  });

  /* ---- the conversations in this browser: start a new one, reopen or delete an earlier one ---- */
  var lijst = $("[data-gesprekken-lijst]");
  /* The list is built anew: focus goes to what happened, not back to the top of the page. */
  function meld(tekst) { status.textContent = tekst; status.focus(); }
  /* A button whose name says which conversation it acts on, for a screen reader, with its short text in view. */
  function knop(tekst, omschrijving, klasse) {
    var button = el("button", tekst, klasse);
    button.type = "button";
    button.append(el("span", ": gesprek van " + omschrijving, "visually-hidden"));
    return button;
  }
  function toonGesprekken() {
    var alle = G.alle(), huidigId = G.huidigId();
    /* a first, empty conversation has nothing to start anew from */
    $("[data-gesprekken]").hidden = alle.length < 2 && G.isLeeg(G.huidig());
    lijst.replaceChildren();
    alle.slice().reverse().forEach(function (gesprek) {
      var li = el("li", null, gesprek.id === huidigId ? "huidig" : "");
      var omschrijving = [datumTekst(gesprek.datum)].concat(gegevens(gesprek).map(function (paar) { return paar[1]; })).join(" · ");
      var aantal = G.inVerslag(gesprek).length;
      li.append(el("span", omschrijving, "gesprek-naam"), " ", el("span", "(" + aantal + (aantal === 1 ? " kaart)" : " kaarten)"), "hint"));
      if (gesprek.id === huidigId) {
        li.append(" ", el("span", "dit gesprek", "chip-label"));
      } else {
        var open = knop("Openen", omschrijving, "secundair");
        open.addEventListener("click", function () { G.kies(gesprek.id); toon(); meld("Het gesprek van " + omschrijving + " is geopend."); });
        li.append(" ", open);
      }
      var weg = knop("Verwijderen", omschrijving, "tekstknop gevaar");
      weg.addEventListener("click", function () {
        if (!weg.dataset.zeker) {
          weg.dataset.zeker = "1";
          weg.firstChild.nodeValue = "Echt verwijderen";
          return;
        }
        G.verwijder(gesprek.id); toon(); meld("Het gesprek van " + omschrijving + " is verwijderd.");
      });
      li.append(" ", weg);
      lijst.append(li);
    });
  }
  $("[data-nieuw-gesprek]").addEventListener("click", function () {
    G.nieuw(); toon(); meld("Een nieuw gesprek is begonnen.");
  });

  window.addEventListener("storage", function (event) { if (event.key === "kaartenbak.gesprekken") toon(); });
  window.addEventListener("pageshow", function (event) { if (event.persisted) toon(); });  /* back from discussion mode */
  $("[data-geen-opslag]").hidden = G.bewaart();
  toon();
})();
