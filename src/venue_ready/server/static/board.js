// venue_ready's boards: poll the board's version every few seconds and, when a mark changed
// it, fetch the live part again (or reload a team's page when nobody is typing in it).
// Hand-written, no library, no build step; served by the app itself.
(function () {
  "use strict";
  var PERIOD = 3000;

  function poll(root) {
    var url = root.getAttribute("data-poll");
    var source = root.getAttribute("data-src");
    if (!url) { return; }
    function tick() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || data.version === root.getAttribute("data-version")) { return null; }
          if (!source) {
            // a team's page: reload unless a form is being filled in
            var active = document.activeElement;
            if (!active || active.tagName !== "INPUT") { window.location.reload(); }
            return null;
          }
          return fetch(source, { credentials: "same-origin" })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (html === null) { return; }
              root.innerHTML = html;
              root.setAttribute("data-version", data.version);
              root.dispatchEvent(new CustomEvent("board-updated", { bubbles: true }));
            });
        })
        .catch(function () { /* the server is away for a moment: try again later */ })
        .then(function () { window.setTimeout(tick, PERIOD); });
    }
    window.setTimeout(tick, PERIOD);
  }

  document.addEventListener("DOMContentLoaded", function () {
    ["board", "team"].forEach(function (id) {
      var root = document.getElementById(id);
      if (root) { poll(root); }
    });
  });
}());
