// The workbench, live: as the trainer types, the server checks and renders the form (it stores nothing)
// and this script puts its answer in place. Without this script the form posts and the page does the same.
(() => {
  const form = document.querySelector("[data-werkplaats]");
  if (!form) return;
  const WAIT = 400; // ms after the last key before checking: one request per pause, not per letter
  const LIMIT = 64 * 1024; // the server's limit on what it accepts
  const uitslag = document.querySelector("[data-werkplaats-uitslag]");
  const status = form.querySelector("[data-werkplaats-status]");
  const bestand = form.querySelector("[data-bestand]");
  const kopieer = form.querySelector("[data-kopieer]");
  let timer = null;
  let running = null;
  let latest = { bestand: bestand.value };

  const say = (text) => { status.textContent = text; };

  function showDeck() {
    const chosen = form.elements.bak.value;
    form.querySelectorAll("[data-tags-bak]").forEach((fieldset) => {
      const shown = fieldset.dataset.tagsBak === chosen;
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  }

  // A link in the preview opens in a new tab: following it here would lose what the trainer typed.
  function keepHere() {
    uitslag.querySelectorAll("a[href]:not([href^='#'])").forEach((link) => {
      link.target = "_blank";
      link.rel = "noopener";
    });
  }

  function show(answer) {
    latest = answer;
    uitslag.innerHTML = answer.voorbeeld; // rendered and sanitised by the server, as on the card page
    keepHere();
    Object.entries(answer.velden).forEach(([veld, html]) => {
      const box = form.querySelector(`[data-meldingen="${veld}"]`);
      if (box) box.innerHTML = html;
    });
    form.querySelectorAll("[aria-invalid]").forEach((control) => control.removeAttribute("aria-invalid"));
    answer.ongeldig.forEach((veld) => {
      const control = document.getElementById(veld === "tags" ? "veld-andere-tags" : `veld-${veld}`);
      if (control) control.setAttribute("aria-invalid", "true");
    });
    bestand.value = answer.bestand;
    const stand = uitslag.querySelector("[data-stand]");
    say(stand ? stand.dataset.stand : "");
  }

  async function check() {
    const body = new URLSearchParams(new FormData(form));
    if (body.toString().length > LIMIT) {
      say("De kaart is groter dan 64 kB; zo veel tekst past op geen kaart. Maak hem korter.");
      return;
    }
    if (running) running.abort();
    const mine = new AbortController();
    running = mine;
    try {
      const response = await fetch(form.dataset.controleUrl, { method: "POST", body, signal: mine.signal });
      if (!response.ok) {
        say(response.status === 413 ? "De kaart is groter dan 64 kB; maak hem korter." : "Controleren lukte niet; probeer het opnieuw met de knop Controleren.");
        return;
      }
      const answer = await response.json();
      if (running === mine) show(answer);
    } catch (error) {
      if (error.name !== "AbortError") say("Controleren lukte niet: is de verbinding weg? Je tekst staat er nog.");
    }
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, WAIT);
  }

  // "Tekst, regel 9" in the list of problems puts the cursor at the start of that line of the text.
  uitslag.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-regel]");
    if (!link) return;
    const tekst = form.elements.tekst;
    const lines = tekst.value.split("\n").slice(0, Number(link.dataset.regel) - 1);
    const start = lines.reduce((length, line) => length + line.length + 1, 0);
    event.preventDefault();
    tekst.focus();
    tekst.setSelectionRange(start, start);
  });
  keepHere();
  form.addEventListener("input", soon);
  form.elements.bak.addEventListener("change", () => { showDeck(); soon(); });
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "controleren") {
      event.preventDefault();
      clearTimeout(timer);
      check();
    }
  });
  kopieer.hidden = !navigator.clipboard;
  kopieer.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(latest.bestand);
      say("De tekst van het bestand staat op het klembord. Plak hem in een leeg tekstbestand en bewaar dat als " + (latest.bestandsnaam || "kaart.md") + ".");
    } catch {
      say("Kopiëren lukte niet. Open 'Het bestand bekijken' en kopieer de tekst daar.");
    }
  });
})();
