/* Kaartenbak: the conversations ("gesprekken") kept in this browser's localStorage, never on the server.
   A conversation holds its date, optional names and context, a closing note, and per card the prompts
   that were discussed (with the doorvragen in view and a note each), a note and an agreement. */
(function () {
  "use strict";

  var SLEUTEL = "kaartenbak.gesprekken";
  var OUD = "kaartenbak.verslag";  /* the report of earlier versions: one card list without a header */

  function vandaag() {
    var nu = new Date();
    return nu.getFullYear() + "-" + String(nu.getMonth() + 1).padStart(2, "0") + "-" + String(nu.getDate()).padStart(2, "0");
  }

  function nieuwGesprek() {
    return { id: "g" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6), datum: vandaag(),
      student: "", begeleider: "", context: "", meenemen: "", kaarten: [] };
  }

  /* The report of earlier versions becomes the current conversation, so no note is lost. */
  function overgenomen(oud) {
    var gesprek = nieuwGesprek();
    Object.keys((oud && oud.kaarten) || {}).forEach(function (slug) {
      var kaart = oud.kaarten[slug];
      gesprek.kaarten.push({ slug: slug, titel: kaart.titel || slug, bak: "", url: kaart.url || "", notitie: kaart.notitie || "", afspraak: "",
        vragen: Object.keys(kaart.vragen || {}).map(Number).sort(function (a, b) { return a - b; }).map(function (nr) {
          return { nr: nr, tekst: kaart.vragen[nr], doorvragen: [], notitie: "", besproken: true };
        }) });
    });
    return gesprek;
  }

  /* localStorage may be off or full: the page keeps working, notes are just not kept. */
  function lees() {
    var data = null;
    try { data = JSON.parse(localStorage.getItem(SLEUTEL)); } catch (fout) { data = null; }
    if (!data || !Array.isArray(data.lijst)) {
      data = { huidig: null, lijst: [] };
      try {
        var oud = JSON.parse(localStorage.getItem(OUD));
        if (oud && oud.kaarten && Object.keys(oud.kaarten).length) {
          var gesprek = overgenomen(oud);
          data = { huidig: gesprek.id, lijst: [gesprek] };
          localStorage.setItem(SLEUTEL, JSON.stringify(data));
          localStorage.removeItem(OUD);
        }
      } catch (fout) { /* nothing to take over */ }
    }
    return data;
  }
  function bewaar(data) {
    try { localStorage.setItem(SLEUTEL, JSON.stringify(data)); return true; } catch (fout) { return false; }
  }

  function huidig(data) {
    var gesprek = data.lijst.filter(function (g) { return g.id === data.huidig; })[0];
    if (!gesprek) {
      gesprek = nieuwGesprek();
      data.lijst.push(gesprek);
      data.huidig = gesprek.id;
    }
    return gesprek;
  }

  function vraagHeeftIets(vraag) { return vraag.besproken || Boolean((vraag.notitie || "").trim()); }
  function kaartHeeftIets(kaart) {
    return Boolean((kaart.notitie || "").trim() || (kaart.afspraak || "").trim()) || kaart.vragen.some(vraagHeeftIets);
  }
  /* A card stays while any prompt of it was shown, even unticked: shown again, it must stay unticked. */
  function opgeruimd(gesprek) {
    gesprek.kaarten = gesprek.kaarten.filter(function (kaart) { return kaartHeeftIets(kaart) || kaart.vragen.length; });
    return gesprek;
  }

  var api = {
    vandaag: vandaag,
    /* The current conversation as it is stored now (a copy: change it through wijzig). */
    huidig: function () { return opgeruimd(huidig(lees())); },
    alle: function () { return lees().lijst.map(opgeruimd); },
    huidigId: function () { var data = lees(), gesprek = huidig(data); bewaar(data); return gesprek.id; },
    /* Read, change and store in one go, so two tabs never overwrite each other's older copy. */
    wijzig: function (verander) {
      var data = lees(), gesprek = huidig(data);
      verander(gesprek);
      opgeruimd(gesprek);
      return bewaar(data);
    },
    /* The entry of a card in a conversation, made when it is first needed. */
    kaart: function (gesprek, info) {
      var kaart = gesprek.kaarten.filter(function (k) { return k.slug === info.slug; })[0];
      if (!kaart) {
        kaart = { slug: info.slug, titel: info.titel, bak: info.bak || "", url: info.url || "", notitie: "", afspraak: "", vragen: [] };
        gesprek.kaarten.push(kaart);
      }
      kaart.titel = info.titel; kaart.bak = info.bak || kaart.bak; kaart.url = info.url || kaart.url;
      return kaart;
    },
    zoekKaart: function (gesprek, slug) { return gesprek.kaarten.filter(function (k) { return k.slug === slug; })[0] || null; },
    /* The entry of one prompt of a card, kept in the card's order. */
    vraag: function (kaart, nr, tekst) {
      var vraag = kaart.vragen.filter(function (v) { return v.nr === nr; })[0];
      if (!vraag) {
        vraag = { nr: nr, tekst: tekst, doorvragen: [], notitie: "", besproken: false };
        kaart.vragen.push(vraag);
        kaart.vragen.sort(function (a, b) { return a.nr - b.nr; });
      }
      vraag.tekst = tekst;
      return vraag;
    },
    zoekVraag: function (kaart, nr) { return kaart ? kaart.vragen.filter(function (v) { return v.nr === nr; })[0] || null : null; },
    besprokenVragen: function (kaart) { return kaart.vragen.filter(vraagHeeftIets); },
    /* The cards a report shows: those with a prompt discussed, a note or an agreement. */
    inVerslag: function (gesprek) { return gesprek.kaarten.filter(kaartHeeftIets); },
    isLeeg: function (gesprek) {
      return !api.inVerslag(gesprek).length && !(gesprek.meenemen || "").trim();
    },
    /* Whether this browser keeps anything at all (storage may be switched off or full). */
    bewaart: function () {
      try { localStorage.setItem("kaartenbak.proef", "1"); localStorage.removeItem("kaartenbak.proef"); return true; } catch (fout) { return false; }
    },
    nieuw: function () {
      var data = lees(), gesprek = nieuwGesprek();
      data.lijst = data.lijst.filter(function (g) { return !api.isLeeg(opgeruimd(g)) || g.student || g.context; });
      data.lijst.push(gesprek);
      data.huidig = gesprek.id;
      return bewaar(data);
    },
    kies: function (id) {
      var data = lees();
      if (data.lijst.some(function (g) { return g.id === id; })) { data.huidig = id; bewaar(data); }
    },
    verwijder: function (id) {
      var data = lees();
      data.lijst = data.lijst.filter(function (g) { return g.id !== id; });
      if (data.huidig === id) data.huidig = null;
      return bewaar(data);
    },
  };
  window.KaartenbakGesprekken = api;
})();
