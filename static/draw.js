/* Kaartenbak: the seeded draw of kaartenbak/draw.py, step for step, so a shared link draws the
   same card in the browser as on the server: FNV-1a 32 over the seed's UTF-8 bytes seeds
   mulberry32, which drives a partial Fisher-Yates over the items sorted by key (code point order,
   as Python sorts strings). tests/test_export.py holds both to the same orders. */
(function (root) {
  "use strict";

  function fnv1a(text) {
    var value = 0x811c9dc5;
    new TextEncoder().encode(text).forEach(function (byte) {
      value = Math.imul(value ^ byte, 0x01000193) >>> 0;
    });
    return value;
  }

  function mulberry32(state) {
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      t = ((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* Compare by code point, as Python compares str; JavaScript's own order is by UTF-16 unit. */
  function compare(a, b) {
    var left = Array.from(a), right = Array.from(b);
    for (var i = 0; i < Math.min(left.length, right.length); i++) {
      var x = left[i].codePointAt(0), y = right[i].codePointAt(0);
      if (x !== y) return x - y;
    }
    return left.length - right.length;
  }

  function bySlug(item) { return item.slug; }

  /* The first `count` items (all by default) of the seeded shuffle of `items`. */
  function shuffled(items, seed, key, count) {
    key = key || bySlug;
    var pile = items.slice().sort(function (a, b) { return compare(key(a), key(b)); });
    count = count === undefined || count === null ? pile.length : Math.min(count, pile.length);
    var random = mulberry32(fnv1a(seed));
    for (var index = 0; index < count; index++) {
      var other = index + Math.floor(random() * (pile.length - index));
      var swap = pile[index]; pile[index] = pile[other]; pile[other] = swap;
    }
    return pile.slice(0, count);
  }

  /* The n-th (1-based) item of the seeded shuffle, or null past the end. */
  function nth(items, seed, n, key) {
    if (n < 1) return null;
    var drawn = shuffled(items, seed, key, n);
    return drawn.length >= n ? drawn[n - 1] : null;
  }

  var SEED = /^[a-z0-9]{1,16}$/;
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  function validSeed(seed) { return SEED.test(seed); }

  function newSeed() {
    var bytes = new Uint8Array(6), seed = "";
    crypto.getRandomValues(bytes);
    bytes.forEach(function (byte) { seed += ALPHABET[byte % ALPHABET.length]; });
    return seed;
  }

  var api = { fnv1a: fnv1a, compare: compare, shuffled: shuffled, nth: nth, validSeed: validSeed, newSeed: newSeed };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KaartenbakDraw = api;
})(this);
