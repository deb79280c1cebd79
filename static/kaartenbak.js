/* Kaartenbak: what JavaScript adds to every page that works without it —
   timers, sharing, offline use and print buttons. The conversation's notes and discussion mode
   are in gesprekken.js and gesprek.js, the report in verslag.js. */
(function () {
  "use strict";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  /* Storage may be off or full: the page keeps working, a timer is just not kept. */
  function load(key, fallback, storage) {
    try { var value = JSON.parse(window[storage || "localStorage"].getItem(key)); return value === null ? fallback : value; }
    catch (error) { return fallback; }
  }

  /* Stepping to the next card loads a new page: move focus to what changed, so a
     screen reader says where you are instead of starting at the top. */
  function volgtOpZichzelf() {
    try { return new URL(document.referrer).pathname === location.pathname; } catch (error) { return false; }
  }

  /* ---- the filters come folded, so on a phone the cards come first; unfold them beside the cards,
     where they move nothing (unfolding them above the cards would make the page jump) ---- */
  var tagBlok = $("details.facet-blok");
  if (tagBlok && window.matchMedia("(min-width: 56rem)").matches) {
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

  /* After "Volgende kaart" the new card is the news: start reading at the pile's position. */
  var positie = $("[data-trek] [data-positie]");
  if (positie && volgtOpZichzelf()) positie.focus();

  /* ---- timers: a quiet visual signal at zero, no sound. A timer marked data-timer-bewaar keeps running
     across pages in this tab (the next prompt, the next card), and tells the page when it changes. ---- */
  var TIMER = "kaartenbak.timer";
  $$("[data-timer]").forEach(function (timer) {
    var tijd = $("[data-timer-tijd]", timer), melding = $("[data-timer-melding]", timer), klok = null;
    var rust = tijd.textContent, bewaren = timer.hasAttribute("data-timer-bewaar");
    timer.hidden = false;
    function toonTijd(seconden) {
      tijd.textContent = Math.floor(seconden / 60) + ":" + String(seconden % 60).padStart(2, "0");
    }
    function onthoud(stand) {
      if (!bewaren) return;
      try { if (stand) sessionStorage.setItem(TIMER, JSON.stringify(stand)); else sessionStorage.removeItem(TIMER); } catch (error) { /* not kept */ }
    }
    function meld(einde) {
      timer.dataset.eindtijd = String(einde || 0);
      timer.dispatchEvent(new CustomEvent("timer"));
    }
    function stop() { clearInterval(klok); klok = null; timer.classList.remove("loopt"); }
    function loop(einde, seconden) {
      stop();
      timer.classList.remove("klaar"); timer.classList.add("loopt");
      var tik = function () {
        var over = Math.max(0, Math.round((einde - Date.now()) / 1000));
        toonTijd(over);
        if (over === 60 && seconden > 60 && melding.textContent.indexOf("Nog") !== 0) melding.textContent = "Nog 1 minuut.";
        if (over === 0) { stop(); onthoud(null); timer.classList.add("klaar"); melding.textContent = "De tijd is om."; }
      };
      tik();
      if (klok === null && timer.classList.contains("loopt")) klok = setInterval(tik, 250);
      meld(einde);
    }
    function start(seconden) {
      var einde = Date.now() + seconden * 1000;
      melding.textContent = "Timer loopt: " + Math.round(seconden / 60) + " minuten.";
      onthoud({ einde: einde, seconden: seconden });
      loop(einde, seconden);
    }
    $$("[data-seconden]", timer).forEach(function (button) {
      button.addEventListener("click", function () { start(Number(button.dataset.seconden)); });
    });
    $("[data-timer-stop]", timer).addEventListener("click", function () {
      stop(); onthoud(null); tijd.textContent = rust; melding.textContent = "Timer gestopt."; meld(0);
    });
    timer.toggle = function () { if (klok) $("[data-timer-stop]", timer).click(); else $("[data-seconden]", timer).click(); };
    var lopend = bewaren ? load(TIMER, null, "sessionStorage") : null;
    if (lopend && lopend.einde > Date.now()) loop(lopend.einde, lopend.seconden);
  });
})();
