/* Kaartenbak service worker: after one visit the deck keeps working without a connection.
   Pages: network first (so edits show at once), the kept copy when offline.
   Static files: the kept copy first, refreshed in the background. */
"use strict";

var CACHE = "kaartenbak";
var VERSIE = "versie-van-de-kaarten";

/* Keep every page and file on the server's list, unless this exact list is kept already. */
function bewaarAlles() {
  return fetch("offline.json", { cache: "no-store" })
    .then(function (response) { return response.json(); })
    .then(function (lijst) {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(VERSIE).then(function (bekend) {
          return bekend ? bekend.text() : "";
        }).then(function (versie) {
          if (versie === lijst.versie) return null;
          return cache.addAll(lijst.urls).then(function () {
            return cache.put(VERSIE, new Response(lijst.versie));
          });
        });
      });
    });
}

self.addEventListener("install", function (event) {
  event.waitUntil(bewaarAlles().then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  if (event.data === "ververs") event.waitUntil(bewaarAlles().catch(function () { /* offline: keep what we have */ }));
});

function bewaar(request, response) {
  if (response.ok && response.type === "basic") {
    var kopie = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, kopie); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(function (response) { return bewaar(request, response); }).catch(function () {
        return caches.match(request, { ignoreVary: true }).then(function (kept) {
          return kept || caches.match("offline");
        });
      })
    );
    return;
  }
  event.respondWith(
    caches.match(request).then(function (kept) {
      var vers = fetch(request).then(function (response) { return bewaar(request, response); });
      if (kept) { vers.catch(function () { /* offline: the kept copy is enough */ }); return kept; }
      return vers;
    })
  );
});
