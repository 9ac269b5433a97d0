// Review page: keep/redact toggles update the boxes at once; drag on a page image to add a box.
// Everything also works without this script (the form posts the same fields).
(function () {
  "use strict";
  var form = document.getElementById("decisions");
  if (!form) return;
  var SVGNS = "http://www.w3.org/2000/svg";
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (el) { el.hidden = false; });

  // 1. Toggles: restyle the finding's row and its boxes.
  form.addEventListener("change", function (ev) {
    var input = ev.target;
    if (!input.name || input.name.indexOf("item-") !== 0) return;
    var id = input.name.slice(5);
    var row = document.getElementById("finding-" + id);
    if (row) { row.classList.remove("keep", "redact"); row.classList.add(input.value); }
    Array.prototype.forEach.call(document.querySelectorAll('rect.finding[data-item="' + cssEscape(id) + '"]'),
      function (r) { r.classList.remove("keep", "redact"); r.classList.add(input.value); });
  });

  // 2. Clicking a box shows its finding in the list.
  document.addEventListener("click", function (ev) {
    var rect = ev.target.closest && ev.target.closest("rect.finding");
    if (!rect) return;
    var row = document.getElementById("finding-" + rect.getAttribute("data-item"));
    if (row) {
      row.scrollIntoView({ block: "center" });
      row.classList.add("highlight");
      window.setTimeout(function () { row.classList.remove("highlight"); }, 1500);
    }
  });

  // 3. Drawing: a drag on a page adds a hidden "add_box" field "page,x0,y0,x1,y1" in PDF points.
  Array.prototype.forEach.call(document.querySelectorAll("figure.page"), function (fig) {
    var svg = fig.querySelector("svg.overlay");
    var page = fig.getAttribute("data-page");
    var height = parseFloat(fig.getAttribute("data-height"));
    var start = null, rect = null;
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
  });

  function addBox(page, box, rect) {
    var list = document.getElementById("new-boxes");
    var item = document.createElement("p");
    var value = [page].concat(box.map(function (v) { return v.toFixed(1); })).join(",");
    var input = document.createElement("input");
    input.type = "hidden"; input.name = "add_box"; input.value = value;
    var text = document.createTextNode("New box on page " + page + " (saved when you save the decisions) ");
    var remove = document.createElement("button");
    remove.type = "button"; remove.className = "link"; remove.textContent = "Remove";
    remove.addEventListener("click", function () { list.removeChild(item); rect.parentNode.removeChild(rect); });
    item.appendChild(input); item.appendChild(text); item.appendChild(remove);
    list.appendChild(item);
    var empty = document.getElementById("box-list-empty"); if (empty) empty.hidden = true;
  }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/"/g, '\\"'); }
})();
