// Quick exit: the "Leave now" link, and Shift pressed three times while not typing.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.title = "\u200b";
    document.documentElement.classList.add("leaving");
    if (document.body) { document.body.innerHTML = ""; }
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  function typing(target) {
    if (!target) { return false; }
    var tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || typing(event.target)) { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1200; });
    presses.push(now);
    if (presses.length >= 3) { leave(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = []; }
  });
})();
