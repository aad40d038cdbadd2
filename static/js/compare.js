// The comparison page: hovering or focusing a claim lights up its counterpart in the other article and
// scrolls it into view; j/k (or the arrow keys on a row) move between the rows of links.
(function () {
  "use strict";

  function byIds(list) {
    return (list || "").split(/\s+/).filter(Boolean)
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
  }

  function clear() {
    document.querySelectorAll(".is-active, .is-partner").forEach(function (el) {
      el.classList.remove("is-active", "is-partner");
    });
  }

  function reveal(el) {
    // Scroll inside the article column only, so the page itself does not jump, and bring the claim into
    // the part of the column that is on screen (the page may be scrolled down to the list of links).
    var column = el.closest(".article-body");
    if (!column) { return; }
    var box = column.getBoundingClientRect();
    var shownTop = Math.max(box.top, 0);
    var shownBottom = Math.min(box.bottom, window.innerHeight);
    if (shownBottom - shownTop < 40) { shownTop = box.top; shownBottom = box.bottom; }
    var top = el.offsetTop - column.offsetTop - (shownTop - box.top) - (shownBottom - shownTop) / 3;
    column.scrollTo({ top: Math.max(top, 0), behavior: "smooth" });
  }

  function light(claim) {
    clear();
    claim.classList.add("is-active");
    reveal(claim);
    byIds(claim.dataset.partners).forEach(function (partner) {
      partner.classList.add("is-partner");
      reveal(partner);
    });
  }

  function lightRow(row) {
    clear();
    row.classList.add("is-active");
    byIds(row.dataset.claims).forEach(function (claim) {
      claim.classList.add("is-partner");
      reveal(claim);
    });
  }

  function onEnter(event) {
    var claim = event.target.closest && event.target.closest("mark.claim");
    if (claim) { light(claim); return; }
    var ref = event.target.closest && event.target.closest(".claim-ref");
    if (ref) {
      var row = ref.closest(".link-row");
      if (row) { lightRow(row); }
      return;
    }
    var linkRow = event.target.closest && event.target.closest(".link-row");
    if (linkRow && event.type === "focusin") { lightRow(linkRow); }
  }

  function moveRow(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".link-row"));
    if (!rows.length) { return; }
    var current = document.activeElement && document.activeElement.closest(".link-row");
    var index = rows.indexOf(current);
    var next = rows[Math.min(Math.max(index + step, 0), rows.length - 1)];
    if (index < 0) { next = rows[step > 0 ? 0 : rows.length - 1]; }
    next.focus();
    next.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") { return; }
    var onRow = event.target.classList && event.target.classList.contains("link-row");
    if (event.key === "j" || (onRow && event.key === "ArrowDown")) { moveRow(1); event.preventDefault(); }
    if (event.key === "k" || (onRow && event.key === "ArrowUp")) { moveRow(-1); event.preventDefault(); }
    if (event.key === "Escape") { clear(); }
  }

  document.addEventListener("mouseover", onEnter);
  document.addEventListener("focusin", onEnter);
  document.addEventListener("keydown", onKey);
})();
