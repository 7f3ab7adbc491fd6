/**
 * The report's only script: navigation comfort, nothing the page needs to be read. It holds no
 * story data (the page is complete without it), so the CSP can pin it by hash.
 * - A link to a quote inside a collapsed article opens the article first, then jumps.
 * - "Expand all" / "Collapse all" for the articles.
 * - Printing opens every collapsed part, and closes them again afterwards.
 */
export const REPORT_JS = `
(function () {
  "use strict";
  function openAround(el) {
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }
  function closePopovers() {
    document.querySelectorAll("[popover]").forEach(function (p) {
      if (p.matches(":popover-open")) p.hidePopover();
    });
  }
  function targetOf(href) {
    if (!href || href.charAt(0) !== "#") return null;
    return document.getElementById(href.slice(1));
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    var target = link ? targetOf(link.getAttribute("href")) : null;
    if (!target) return;
    closePopovers();
    openAround(target);
  });
  var initial = targetOf(location.hash);
  if (initial) {
    openAround(initial);
    initial.scrollIntoView();
  }
  document.querySelectorAll("button[data-articles]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("data-articles") === "open";
      document.querySelectorAll("details.article").forEach(function (d) { d.open = open; });
    });
  });
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
`;
