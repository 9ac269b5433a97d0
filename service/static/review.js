// Review page: choices update the boxes at once; one choice per person covers every mention; bulk
// actions; undo of the last change; boxes drawn with the mouse or the keyboard; the Part 2 line moved with
// the keyboard or by choosing a line of text. Everything also works without this script (the form posts
// the same fields), and nothing here saves: the officer's Save buttons do.
(function () {
  "use strict";
  var form = document.getElementById("decisions");
  if (!form) return;
  var SVGNS = "http://www.w3.org/2000/svg";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  each(document.querySelectorAll(".js-only"), function (el) { el.hidden = false; });
  var live = document.getElementById("page-status");
  var unsaved = document.getElementById("unsaved");
  var undoButton = document.getElementById("undo");
  var history = [];  // each entry undoes one change: {label, undo: function}
  var dirty = false;

  function say(text) { if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 30); } }
  function changed(label, undo) {
    if (undo) history.push({ label: label, undo: undo });
    dirty = true;
    if (unsaved) unsaved.textContent = "You have changes that are not saved.";
    if (undoButton) { undoButton.disabled = history.length === 0; undoButton.textContent = history.length ? "Undo: " + history[history.length - 1].label : "Undo the last change"; }
  }
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (ev) { if (dirty) { ev.preventDefault(); ev.returnValue = ""; } });

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // 1. Choices: restyle the finding and its boxes; a group's choice sets every mention.
  function radio(name, value) { return form.querySelector('input[type=radio][name="' + cssEscape(name) + '"][value="' + value + '"]'); }
  function checkedValue(name) { var r = form.querySelector('input[type=radio][name="' + cssEscape(name) + '"]:checked'); return r ? r.value : null; }
  function paint(id, value) {
    var row = document.getElementById("finding-" + id);
    if (row) { row.classList.remove("keep", "redact"); row.classList.add(value); }
    each(document.querySelectorAll('rect.finding[data-item="' + cssEscape(id) + '"]'),
      function (r) { r.classList.remove("keep", "redact"); r.classList.add(value); });
  }
  function groupOf(el) { return el.closest("[data-group]"); }
  function paintGroup(g) {
    var values = {};
    each(g.querySelectorAll('input[type=radio][name^="item-"]:checked'), function (r) { values[r.value] = 1; });
    var keys = Object.keys(values), final = keys.length === 1 ? keys[0] : "mixed";
    g.classList.remove("keep", "redact", "mixed"); g.classList.add(final);
  }
  function setItem(name, value) { var r = radio(name, value); if (r && !r.checked) { r.checked = true; paint(name.slice(5), value); } }
  // The choices as they were after the last change: undo restores them (several at once for a group).
  var state = {};
  function record() { state = {}; each(form.querySelectorAll("input[type=radio]:checked"), function (r) { state[r.name] = r.value; }); }
  function snapshot() {
    var saved = Object.assign({}, state);
    return function () {
      Object.keys(saved).forEach(function (name) {
        var r = radio(name, saved[name]);
        if (r) { r.checked = true; if (name.indexOf("item-") === 0) paint(name.slice(5), saved[name]); }
      });
      each(form.querySelectorAll("[data-group]"), paintGroup);
      record();
    };
  }
  record();
  form.addEventListener("change", function (ev) {
    var input = ev.target;
    if (input.type !== "radio") { if (input.name && input.name !== "part2_line") changed(null, null); return; }
    var g = groupOf(input);
    var undo = snapshot();
    if (input.name.indexOf("group-") === 0 && g) {
      if (input.value === "keep" || input.value === "redact") {
        each(g.querySelectorAll('input[type=radio][name^="item-"][value="' + input.value + '"]'), function (r) { setItem(r.name, input.value); });
      } else { var d = g.querySelector("details"); if (d) d.open = true; }
      paintGroup(g);
      changed(input.value === "each" ? "decide " + words(g) + " mention by mention" : input.value + " " + words(g), undo);
    } else if (input.name.indexOf("item-") === 0) {
      paint(input.name.slice(5), input.value);
      if (g) {
        var choice = radio("group-" + g.getAttribute("data-group"), "each");
        if (choice) choice.checked = true;
        paintGroup(g);
      }
      changed(input.value + " " + words(g), undo);
    } else {
      changed("the Part 2 choice", undo);
    }
    record();
  });
  function words(g) { var t = g && g.querySelector(".found-text"); return t ? "‘" + t.textContent + "’" : "the choice"; }

  // 2. Bulk actions: every finding of a type, at once (the button saves when there is no script).
  each(document.querySelectorAll("button[data-bulk]"), function (b) {
    b.addEventListener("click", function (ev) {
      ev.preventDefault();
      var value = b.getAttribute("data-bulk"), type = b.getAttribute("data-type");
      var undo = snapshot(), n = 0;
      each(document.querySelectorAll('[data-group][data-type="' + cssEscape(type) + '"]'), function (g) {
        var choice = radio("group-" + g.getAttribute("data-group"), value);
        if (choice) choice.checked = true;
        each(g.querySelectorAll('input[type=radio][name^="item-"]'), function (r) { if (r.value === value) { setItem(r.name, value); n++; } });
        paintGroup(g);
      });
      var label = b.textContent.replace(/^(Redact|Keep) all/, function (m, v) { return v.toLowerCase() + " all"; });
      record();
      changed(label, undo);
      say(b.textContent + ": done. Not saved yet.");
    });
  });

  // 3. Undo of the last change.
  if (undoButton) undoButton.addEventListener("click", function () {
    var last = history.pop();
    if (!last) return;
    last.undo();
    changed(null, null);
    say("Undone: " + last.label + ".");
  });

  // 4. Clicking a box shows its finding in the list.
  document.addEventListener("click", function (ev) {
    var rect = ev.target.closest && ev.target.closest("rect.finding");
    if (!rect) return;
    var row = document.getElementById("finding-" + rect.getAttribute("data-item"));
    if (!row) return;
    var d = row.closest("details"); if (d) d.open = true;
    row.scrollIntoView({ block: "center" });
    row.classList.add("highlight");
    window.setTimeout(function () { row.classList.remove("highlight"); }, 1500);
  });

  // 5. Boxes: drag with the mouse, or B and the arrow keys on a focused page. A box becomes a hidden
  //    "add_box" field "page,x0,y0,x1,y1" in PDF points (y up from the bottom).
  each(document.querySelectorAll("figure.page"), function (fig) {
    var frame = fig.querySelector(".page-frame");
    var svg = fig.querySelector("svg.overlay");
    var page = fig.getAttribute("data-page");
    var width = parseFloat(fig.getAttribute("data-width")), height = parseFloat(fig.getAttribute("data-height"));
    var start = null, rect = null, keyBox = null, keyLine = null;
    frame.tabIndex = 0;
    frame.setAttribute("aria-describedby", "keys-help");
    svg.classList.add("drawing");
    function point(ev) {
      var pt = svg.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    }
    svg.addEventListener("pointerdown", function (ev) {
      if (ev.target.closest("rect.finding")) return;
      start = point(ev); svg.setPointerCapture(ev.pointerId);
      rect = document.createElementNS(SVGNS, "rect"); rect.setAttribute("class", "drawn");
      svg.appendChild(rect); ev.preventDefault();
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!start) return;
      var p = point(ev);
      rect.setAttribute("x", Math.min(start.x, p.x)); rect.setAttribute("y", Math.min(start.y, p.y));
      rect.setAttribute("width", Math.abs(p.x - start.x)); rect.setAttribute("height", Math.abs(p.y - start.y));
    });
    svg.addEventListener("pointerup", function (ev) {
      if (!start) return;
      var p = point(ev), s = start; start = null;
      var x0 = Math.min(s.x, p.x), x1 = Math.max(s.x, p.x);
      var top = Math.min(s.y, p.y), bottom = Math.max(s.y, p.y);
      if (x1 - x0 < 3 || bottom - top < 3) { svg.removeChild(rect); return; }
      addBox(page, [x0, height - bottom, x1, height - top], rect);
    });

    function describeBox(b) {
      return "Box on page " + page + ": " + Math.round(b.w) + " by " + Math.round(b.h) + " points, " +
        Math.round(b.x) + " from the left and " + Math.round(height - b.y - b.h) + " from the bottom.";
    }
    function drawKeyBox() {
      keyBox.rect.setAttribute("x", keyBox.x); keyBox.rect.setAttribute("y", keyBox.y);
      keyBox.rect.setAttribute("width", keyBox.w); keyBox.rect.setAttribute("height", keyBox.h);
    }
    function lineEl() { return svg.querySelector("line.part2-line"); }
    // An added box taken back to be moved or sized with the keys (its "Change" button).
    frame.editBox = function (r) {
      r.setAttribute("class", "drawn active");
      keyBox = { rect: r, x: parseFloat(r.getAttribute("x")), y: parseFloat(r.getAttribute("y")),
                 w: parseFloat(r.getAttribute("width")), h: parseFloat(r.getAttribute("height")) };
      frame.focus();
      say("Changing the box. " + describeBox(keyBox) + " Arrow keys move it, Shift and arrow keys size it, Enter keeps it, Escape removes it.");
    };
    frame.addEventListener("keydown", function (ev) {
      var step = ev.altKey ? 1 : 10, key = ev.key;
      if (keyBox) {
        var b = keyBox;
        if (key.indexOf("Arrow") === 0) {
          var dx = key === "ArrowLeft" ? -step : key === "ArrowRight" ? step : 0;
          var dy = key === "ArrowUp" ? -step : key === "ArrowDown" ? step : 0;
          if (ev.shiftKey) { b.w = Math.max(4, b.w + dx); b.h = Math.max(4, b.h + dy); }
          else { b.x = clamp(b.x + dx, 0, width - b.w); b.y = clamp(b.y + dy, 0, height - b.h); }
          drawKeyBox(); say(describeBox(b)); ev.preventDefault();
        } else if (key === "Enter") {
          addBox(page, [b.x, height - b.y - b.h, b.x + b.w, height - b.y], b.rect);
          keyBox = null; say("Box added on page " + page + ". Not saved yet."); ev.preventDefault();
        } else if (key === "Escape") {
          svg.removeChild(b.rect); keyBox = null; say("Box cancelled."); ev.preventDefault();
        }
        return;
      }
      if (keyLine) {
        if (key === "ArrowUp" || key === "ArrowDown") {
          keyLine.y = clamp(keyLine.y + (key === "ArrowUp" ? -step : step), 0, height);
          keyLine.el.setAttribute("y1", keyLine.y); keyLine.el.setAttribute("y2", keyLine.y);
          say("Part 2 line " + Math.round(height - keyLine.y) + " points from the bottom of page " + page + ".");
          ev.preventDefault();
        } else if (key === "Enter") {
          setPart2(page, height - keyLine.y, null, keyLine.undo);
          keyLine = null; ev.preventDefault();
        } else if (key === "Escape") {
          keyLine.undo(); keyLine = null; say("Part 2 line not moved."); ev.preventDefault();
        }
        return;
      }
      if (key === "b" || key === "B") {
        var r = document.createElementNS(SVGNS, "rect"); r.setAttribute("class", "drawn active");
        svg.appendChild(r);
        keyBox = { rect: r, x: width / 2 - 60, y: height / 2 - 10, w: 120, h: 20 };
        drawKeyBox(); say("New box. " + describeBox(keyBox) + " Arrow keys move it, Shift and arrow keys size it, Enter adds it, Escape cancels.");
        ev.preventDefault();
      } else if (key === "l" || key === "L") {
        var undo = movePart2Line(page, null);
        keyLine = { el: lineEl(), y: parseFloat(lineEl().getAttribute("y1")), undo: undo };
        say("Part 2 line on page " + page + ", " + Math.round(height - keyLine.y) + " points from the bottom. Arrow keys up and down move it, Enter sets it, Escape cancels.");
        ev.preventDefault();
      }
    });
  });

  function addBox(page, box, rect) {
    var list = document.getElementById("new-boxes");
    var item = document.createElement("p");
    item.className = "new-box";
    var value = [page].concat(box.map(function (v) { return v.toFixed(1); })).join(",");
    var input = document.createElement("input");
    input.type = "hidden"; input.name = "add_box"; input.value = value;
    var text = document.createTextNode("New box on page " + page + " (saved when you save the decisions) ");
    var remove = document.createElement("button");
    remove.type = "button"; remove.className = "link"; remove.textContent = "Remove the new box on page " + page;
    function drop() { if (item.parentNode) list.removeChild(item); if (rect.parentNode) rect.parentNode.removeChild(rect); }
    remove.addEventListener("click", function () { drop(); changed(null, null); say("Box removed."); });
    var edit = document.createElement("button");
    edit.type = "button"; edit.className = "link"; edit.textContent = "Move or resize it with the keyboard";
    edit.addEventListener("click", function () {
      if (item.parentNode) list.removeChild(item);
      document.querySelector('figure.page[data-page="' + page + '"] .page-frame').editBox(rect);
    });
    rect.setAttribute("class", "drawn");
    item.appendChild(input); item.appendChild(text); item.appendChild(remove); item.appendChild(document.createTextNode(" · ")); item.appendChild(edit);
    list.appendChild(item);
    var empty = document.getElementById("box-list-empty"); if (empty) empty.hidden = true;
    changed("the new box on page " + page, drop);
  }

  // 6. The Part 2 line: moved with the keyboard (above), or by choosing a line of text.
  function movePart2Line(page, yFromBottom) {
    var fig = document.getElementById("page-" + page);
    var svg = fig.querySelector("svg.overlay"), height = parseFloat(fig.getAttribute("data-height"));
    var old = document.querySelector("line.part2-line"), oldParent = old && old.parentNode, oldY = old && old.getAttribute("y1");
    var line = old || document.createElementNS(SVGNS, "line");
    line.setAttribute("class", "part2-line");
    line.setAttribute("x1", 0); line.setAttribute("x2", fig.getAttribute("data-width"));
    var y = yFromBottom === null ? (old && oldParent === svg ? parseFloat(oldY) : height / 2) : height - yFromBottom;
    line.setAttribute("y1", y); line.setAttribute("y2", y);
    svg.appendChild(line);
    return function () {
      if (oldParent) { oldParent.appendChild(line); line.setAttribute("y1", oldY); line.setAttribute("y2", oldY); }
      else if (line.parentNode) line.parentNode.removeChild(line);
    };
  }
  var fields = { mode: form.querySelector('input[name="part2_mode"][value="custom"]'), page: document.getElementById("part2_page"),
                 y: document.getElementById("part2_y"), x: document.getElementById("part2_x"), line: document.getElementById("part2_line") };
  function setPart2(page, y, x, undoLine) {
    var previous = { mode: checkedValue("part2_mode"), page: fields.page.value, y: fields.y.value, x: fields.x.value,
                     line: fields.line ? fields.line.value : "" };
    fields.mode.checked = true; record(); fields.page.value = page; fields.y.value = y.toFixed(1);
    fields.x.value = x === null ? "" : x;
    if (fields.line && x === null) fields.line.value = "";
    changed("the Part 2 start", function () {
      var r = radio("part2_mode", previous.mode); if (r) r.checked = true; record();
      fields.page.value = previous.page; fields.y.value = previous.y; fields.x.value = previous.x;
      if (fields.line) fields.line.value = previous.line;
      undoLine();
    });
    say("Part 2 now starts on page " + page + ", " + Math.round(y) + " points from the bottom. Not saved yet.");
  }
  // Typing a page or position means "It starts at" that place: the radio follows, and a line chosen
  // earlier is let go (the form reads a chosen line first, which would silently replace what was typed).
  each([fields.page, fields.y, fields.x], function (input) {
    if (!input) return;
    input.addEventListener("input", function () {
      if (fields.line && fields.line.value) fields.line.value = "";
      if (fields.mode && !fields.mode.checked) { fields.mode.checked = true; record(); }
    });
  });
  // A line chosen with the mouse applies at once. With the keyboard, arrows only move through the list
  // (each would otherwise set Part 2 and add an undo step): Enter, or leaving the list, applies the line.
  if (fields.line) {
    var browsing = false, applied = fields.line.value;
    var applyLine = function () {
      browsing = false;
      if (fields.line.value === applied) return;
      applied = fields.line.value;
      var parts = applied.split("|");
      if (parts.length !== 3) return;
      var undo = movePart2Line(parts[0], parseFloat(parts[1]));
      setPart2(parts[0], parseFloat(parts[1]), parts[2], undo);
    };
    fields.line.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); applyLine(); }
      else if (/^(Arrow|Page|Home|End)/.test(e.key) || e.key.length === 1) browsing = true;
    });
    fields.line.addEventListener("change", function () { if (!browsing) applyLine(); });
    fields.line.addEventListener("blur", function () { if (browsing) applyLine(); });
  }

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"'); }
})();
