/* Kaartenbak: what JavaScript adds to pages that work without it —
   keyboard shortcuts, timers, notes kept in this browser, the projector view and sharing. */
(function () {
  "use strict";

  var VERSLAG = "kaartenbak.verslag";
  var BESPROKEN = "kaartenbak.besproken";
  var OVERSLAAN = "kaartenbak.overslaan";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* localStorage may be off or full: the page keeps working, notes are just not kept. */
  function load(key, fallback) {
    try { var value = JSON.parse(localStorage.getItem(key)); return value === null ? fallback : value; }
    catch (error) { return fallback; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* not kept */ }
  }

  /* Stepping to the next card or prompt loads a new page: move focus to what changed, so a
     screen reader says where you are ("vraag 2 van 10") instead of starting at the top. */
  function volgtOpZichzelf() {
    try { return new URL(document.referrer).pathname === location.pathname; } catch (error) { return false; }
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /* ---- the tag list comes folded, so on a phone the cards come first; unfold it beside the cards,
     where it moves nothing (unfolding it above them would make the page jump), or when a tag is in use ---- */
  var tagBlok = $("details.facet-blok");
  if (tagBlok && (window.matchMedia("(min-width: 56rem)").matches || new URLSearchParams(location.search).has("tag"))) {
    tagBlok.open = true;
  }

  /* ---- copy a shared link ---- */
  $$("[data-kopieer]").forEach(function (button) {
    var field = document.getElementById(button.dataset.kopieer);
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () { button.textContent = "Gekopieerd"; });
    });
  });

  /* ---- offline: keep the deck on this device, and say so when the connection is gone ---- */
  var melding = $("[data-offline]");
  function toonVerbinding() { if (melding) melding.hidden = navigator.onLine; }
  window.addEventListener("online", toonVerbinding);
  window.addEventListener("offline", toonVerbinding);
  toonVerbinding();
  var script = document.currentScript || $("script[data-service-worker]");
  if ("serviceWorker" in navigator && script && script.dataset.serviceWorker && location.protocol !== "file:") {
    navigator.serviceWorker.register(script.dataset.serviceWorker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (navigator.onLine && registration.active) registration.active.postMessage("ververs");
    }).catch(function () { /* no offline copy; the site works as before */ });
  }

  /* ---- print buttons ---- */
  $$("[data-afdrukken]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  /* ---- the report: per card its title, ticked prompts and a note ---- */
  function verslag() { return load(VERSLAG, { kaarten: {} }); }
  function kaartVerslag(data, slug, titel, url) {
    var kaart = data.kaarten[slug] || (data.kaarten[slug] = { titel: titel, url: url, notitie: "", vragen: {} });
    kaart.titel = titel; kaart.url = url;
    return kaart;
  }
  function bewaarKaart(slug, titel, url, change) {
    var data = verslag();
    change(kaartVerslag(data, slug, titel, url));
    var kaart = data.kaarten[slug];
    if (!kaart.notitie && !Object.keys(kaart.vragen).length) delete data.kaarten[slug];
    save(VERSLAG, data);
  }

  $$("[data-notities]").forEach(function (section) {
    var slug = section.dataset.notities, titel = section.dataset.titel, url = section.dataset.url;
    var field = $("textarea", section);
    var kaart = verslag().kaarten[slug] || { notitie: "", vragen: {} };
    section.hidden = false;
    field.value = kaart.notitie || "";
    field.addEventListener("input", function () {
      bewaarKaart(slug, titel, url, function (k) { k.notitie = field.value; });
    });

    function vinkje(index, tekst, label) {
      var input = element("input");
      input.type = "checkbox";
      input.checked = Boolean(kaart.vragen[index]);
      input.addEventListener("change", function () {
        bewaarKaart(slug, titel, url, function (k) {
          if (input.checked) k.vragen[index] = tekst; else delete k.vragen[index];
        });
      });
      label.prepend(input);
      return input;
    }
    /* card view: a tick box after every prompt */
    $$('[data-slug="' + slug + '"] ol.vragen > li').forEach(function (item, position) {
      var tekst = item.firstChild ? item.firstChild.textContent.trim() : item.textContent.trim();
      var label = element("label", " besproken", "vink");
      vinkje(String(position + 1), tekst, label);
      var doorvragen = $("ul", item);
      item.insertBefore(label, doorvragen);
    });
    /* discussion mode: one tick box for the prompt on screen */
    var gesprek = $("[data-gesprek]"), blok = $("[data-vraag-besproken]");
    if (gesprek && blok) {
      blok.hidden = false;
      var input = $("[data-vink]", blok);
      input.checked = Boolean(kaart.vragen[gesprek.dataset.vraag]);
      input.addEventListener("change", function () {
        var tekst = $("#vraag").textContent.trim();
        bewaarKaart(slug, titel, url, function (k) {
          if (input.checked) k.vragen[gesprek.dataset.vraag] = tekst; else delete k.vragen[gesprek.dataset.vraag];
        });
      });
    }
  });

  function vandaag() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }
  function gesorteerdeVragen(kaart) {
    return Object.keys(kaart.vragen).sort(function (a, b) { return a - b; }).map(function (key) { return kaart.vragen[key]; });
  }
  function alsMarkdown(data) {
    var lines = ["# Gespreksverslag " + vandaag(), ""];
    Object.keys(data.kaarten).forEach(function (slug) {
      var kaart = data.kaarten[slug];
      lines.push("## " + kaart.titel, "");
      var vragen = gesorteerdeVragen(kaart);
      if (vragen.length) { lines.push("Besproken vragen:", ""); vragen.forEach(function (v) { lines.push("- " + v); }); lines.push(""); }
      if (kaart.notitie.trim()) { lines.push("Notitie:", "", kaart.notitie.trim(), ""); }
    });
    return lines.join("\n");
  }

  var verslagPagina = $("[data-verslag]");
  if (verslagPagina) {
    var inhoud = $("[data-verslag-inhoud]"), status = $("[data-verslag-status]"), knoppen = $("[data-verslag-knoppen]");
    var toon = function () {
      var data = verslag(), slugs = Object.keys(data.kaarten);
      inhoud.textContent = "";
      knoppen.hidden = slugs.length === 0;
      status.textContent = slugs.length ? slugs.length + (slugs.length === 1 ? " kaart" : " kaarten") + " in dit verslag."
        : "Nog niets besproken. Vink vragen af of schrijf een notitie op een kaart of in de gespreksmodus.";
      slugs.forEach(function (slug) {
        var kaart = data.kaarten[slug], blok = element("section", null, "verslag-kaart");
        var kop = element("h2"), link = element("a", kaart.titel);
        link.href = kaart.url; kop.appendChild(link); blok.appendChild(kop);
        var vragen = gesorteerdeVragen(kaart);
        if (vragen.length) {
          blok.appendChild(element("h3", "Besproken vragen"));
          var lijst = element("ul");
          vragen.forEach(function (v) { lijst.appendChild(element("li", v)); });
          blok.appendChild(lijst);
        }
        if (kaart.notitie.trim()) { blok.appendChild(element("h3", "Notitie")); blok.appendChild(element("p", kaart.notitie, "notitie-tekst")); }
        inhoud.appendChild(blok);
      });
    };
    toon();
    $("[data-download]").addEventListener("click", function () {
      var blob = new Blob([alsMarkdown(verslag())], { type: "text/markdown;charset=utf-8" });
      var link = element("a");
      link.href = URL.createObjectURL(blob);
      link.download = "gespreksverslag-" + vandaag() + ".md";
      document.body.appendChild(link); link.click(); link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
    $("[data-print]").addEventListener("click", function () { window.print(); });
    var wis = $("[data-wis-alles]"), zeker = false;
    wis.addEventListener("click", function () {
      if (!zeker) { zeker = true; wis.textContent = "Zeker weten? Klik nogmaals om alles te wissen"; return; }
      save(VERSLAG, { kaarten: {} }); zeker = false; wis.textContent = "Wis alles"; toon();
      status.textContent = "Alles is gewist.";
    });
  }

  var positie = $("[data-trek] [data-positie]");
  if (positie && volgtOpZichzelf()) positie.focus();

  /* ---- the draw: mark cards as discussed, and optionally skip them ---- */
  var besproken = $("[data-besproken]");
  if (besproken) {
    var slug = besproken.dataset.besproken, trek = $("[data-trek]");
    var markeer = $("[data-markeer]", besproken), overslaan = $("[data-overslaan]", besproken);
    var gemarkeerd = function () { return load(BESPROKEN, []).indexOf(slug) !== -1; };
    var toonMarkering = function () {
      markeer.setAttribute("aria-pressed", String(gemarkeerd()));
      markeer.textContent = gemarkeerd() ? "Besproken ✓" : "Markeer als besproken";
    };
    besproken.hidden = false;
    overslaan.checked = load(OVERSLAAN, false);
    if (overslaan.checked && gemarkeerd() && trek.dataset.volgende) { location.replace(trek.dataset.volgende); return; }
    toonMarkering();
    markeer.addEventListener("click", function () {
      var lijst = load(BESPROKEN, []).filter(function (s) { return s !== slug; });
      if (!gemarkeerd()) lijst.push(slug);
      save(BESPROKEN, lijst); toonMarkering();
    });
    overslaan.addEventListener("change", function () { save(OVERSLAAN, overslaan.checked); });
    $("[data-wis-besproken]", besproken).addEventListener("click", function () { save(BESPROKEN, []); toonMarkering(); });
  }

  /* ---- timers: a quiet visual signal at zero, no sound ---- */
  $$("[data-timer]").forEach(function (timer) {
    var tijd = $("[data-timer-tijd]", timer), melding = $("[data-timer-melding]", timer), klok = null;
    timer.hidden = false;
    function toonTijd(seconden) {
      tijd.textContent = Math.floor(seconden / 60) + ":" + String(seconden % 60).padStart(2, "0");
    }
    function stop() { clearInterval(klok); klok = null; timer.classList.remove("loopt"); }
    function start(seconden) {
      stop();
      var einde = Date.now() + seconden * 1000;
      timer.classList.remove("klaar"); timer.classList.add("loopt");
      melding.textContent = "Timer loopt: " + Math.round(seconden / 60) + " minuten.";
      toonTijd(seconden);
      klok = setInterval(function () {
        var over = Math.max(0, Math.round((einde - Date.now()) / 1000));
        toonTijd(over);
        if (over === 60 && seconden > 60 && melding.textContent.indexOf("Nog") !== 0) melding.textContent = "Nog 1 minuut.";
        if (over === 0) { stop(); timer.classList.add("klaar"); melding.textContent = "De tijd is om."; }
      }, 250);
    }
    $$("[data-seconden]", timer).forEach(function (button) {
      button.addEventListener("click", function () { start(Number(button.dataset.seconden)); });
    });
    $("[data-timer-stop]", timer).addEventListener("click", function () { stop(); tijd.textContent = "—"; melding.textContent = "Timer gestopt."; });
    timer.toggle = function () { if (klok) $("[data-timer-stop]", timer).click(); else $("[data-seconden]", timer).click(); };
  });

  /* ---- discussion mode: keys, and a projector window that follows the mentor ---- */
  var gesprek = $("[data-gesprek]");
  if (gesprek) {
    var kanaal = "BroadcastChannel" in window ? new BroadcastChannel("kaartenbak-gesprek") : null;
    var doorvragen = $("[data-doorvragen]");
    var scherm = gesprek.dataset.weergave === "scherm";
    var toetsen = $("[data-toetsen]");
    if (toetsen) toetsen.hidden = false;

    var stand = function () {
      return { slug: gesprek.dataset.gesprek, vraag: gesprek.dataset.vraag, scherm: gesprek.dataset.scherm, doorvragen: Boolean(doorvragen && doorvragen.open) };
    };
    var meld = function () { if (kanaal && !scherm) kanaal.postMessage(stand()); };
    if (kanaal) {
      kanaal.onmessage = function (event) {
        var bericht = event.data || {};
        if (bericht.vraagStand && !scherm) { meld(); return; }
        if (!scherm || !bericht.slug) return;
        if (bericht.slug !== gesprek.dataset.gesprek || bericht.vraag !== gesprek.dataset.vraag) {
          location.replace(bericht.scherm);
        } else if (doorvragen) {
          doorvragen.open = bericht.doorvragen;
        }
      };
      if (scherm) kanaal.postMessage({ vraagStand: true }); else meld();
    }
    if (doorvragen) doorvragen.addEventListener("toggle", meld);

    var open = $("[data-scherm-openen]");
    if (open) open.addEventListener("click", function (event) {
      event.preventDefault();
      window.open(open.href, "kaartenbak-scherm", "popup");
    });

    var ga = function (url) { if (url) location.href = url; };
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var key = event.key.toLowerCase();
      if (event.target.closest("input, textarea, select")) {  /* typing: keys are text, Esc leaves the field */
        if (key === "escape") event.target.blur();
        return;
      }
      if (key === " " && event.target.closest("button, summary, a")) return;  /* space activates the control */
      if (key === "arrowright" || key === " ") { event.preventDefault(); if (!scherm) ga(gesprek.dataset.volgende); }
      else if (key === "arrowleft") { event.preventDefault(); if (!scherm) ga(gesprek.dataset.vorige); }
      else if (key === "d" && doorvragen) { doorvragen.open = !doorvragen.open; }
      else if (key === "t") { var timer = $("[data-timer]"); if (timer && timer.toggle) timer.toggle(); }
      else if (key === "f") {
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(function () {});
      }
      else if (key === "escape" && !document.fullscreenElement && !scherm) { ga(gesprek.dataset.terug); }
    });
    var vraag = $("#vraag");
    if (vraag && volgtOpZichzelf()) vraag.focus();
  }
})();
