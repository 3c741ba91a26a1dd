// Quick exit: the "Leave now" link, and Shift pressed three times while not typing.
// The page is blanked and retitled first, then replaced (not pushed) by the exit address,
// which signs out on the server and moves on to a neutral site.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var leaving = false;
  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    document.title = "\u200b";
    document.documentElement.classList.add("leaving");
    if (document.body) { document.body.innerHTML = ""; }
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  function typing(target) {
    var el = target || document.activeElement;
    if (!el) { return false; }
    var tag = (el.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable === true;
  }
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || typing(event.target) || typing(document.activeElement)) {
      presses = [];
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) { leave(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = []; }
  });
})();
