// Progress pages: poll the paper's JSON status and reload when the background work is done.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");
  var waitFor = box.getAttribute("data-wait-for") || "analysis";
  function done(s) {
    if (waitFor === "preview") return s.preview !== "running";
    return s.state !== "uploaded" && s.state !== "analysing";
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && done(s)) { window.location.reload(); } else { window.setTimeout(poll, 1500); }
      })
      .catch(function () { window.setTimeout(poll, 4000); });
  }
  window.setTimeout(poll, 1000);
})();
