// The urge timer: counts down without inline script (CSP: script-src 'self').
(function () {
  "use strict";
  function start(box, button) {
    var minutes = parseInt(box.getAttribute("data-minutes"), 10) || 15;
    var end = Date.now() + minutes * 60000;
    var clock = document.getElementById("urge-clock");
    var status = document.getElementById("urge-status");
    button.hidden = true;
    status.textContent = "Breathe slowly. Read your reasons. The feeling will pass.";
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      if (left === 0) {
        status.textContent = "You waited it out. How strong is the urge now? You can start again if you need to.";
        button.hidden = false;
        box.setAttribute("data-done", "yes");
        return;
      }
      window.setTimeout(tick, 250);
    }
    box.setAttribute("data-running", "yes");
    tick();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("urge-timer");
    var button = document.getElementById("urge-start");
    if (!box || !button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { start(box, button); });
  });
})();
