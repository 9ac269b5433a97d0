// Progress pages: poll the paper's JSON status, say each stage in the live status line (screen readers
// announce it), and reload when the background work is done.
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box) return;
  var url = box.getAttribute("data-status-url");
  var waitFor = box.getAttribute("data-wait-for") || "analysis";
  var status = box.querySelector("[role=status]");
  var started = Date.now(), lastStage = null, lastTold = 0;
  var STAGES = {
    analysis: {
      uploaded: "Uploaded. Waiting for the analysis to start.",
      analysing: "Analysing: reading the text, finding Part 2, its dates and the personal data.",
      ready: "The analysis is done. Opening the review.",
      failed: "The analysis stopped. Opening the reason."
    },
    publish: {
      running: "Publishing: redacting the paper and checking every output.",
      done: "Published. Opening the paper's page.",
      asked: "The files are ready for approval. Opening the preview.",
      failed: "The publication stopped. Opening the reason."
    },
    preview: {
      running: "Redacting the paper and checking the outputs.",
      ready: "The preview is ready. Opening it.",
      failed: "The preview stopped. Opening the reason."
    }
  };
  function stageOf(s) { return waitFor === "analysis" ? s.state : s[waitFor]; }
  function done(s) {
    if (waitFor === "preview" || waitFor === "publish") return s[waitFor] !== "running";
    return s.state !== "uploaded" && s.state !== "analysing";
  }
  function say(text) { if (status && status.textContent !== text) status.textContent = text; }
  function tell(s) {
    var stage = stageOf(s), words = STAGES[waitFor][stage] || ("Stage: " + stage + ".");
    var seconds = Math.round((Date.now() - started) / 1000);
    if (stage !== lastStage) {
      lastStage = stage; lastTold = seconds; say(words);
    } else if (seconds - lastTold >= 20) {  // a long stage: say it is still going, now and then
      lastTold = seconds; say(words + " Still working after " + seconds + " seconds.");
    }
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s) tell(s);
        if (s && done(s)) { window.setTimeout(function () { window.location.reload(); }, 700); }
        else { window.setTimeout(poll, 1500); }
      })
      .catch(function () { window.setTimeout(poll, 4000); });
  }
  window.setTimeout(poll, 1000);
})();
