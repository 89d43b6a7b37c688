// Run Material's script and ours once the page has been painted, not while it is being drawn.
// The scripts wait in a <template> (main.html); the lesson's text shows first, then search,
// the palette toggle, the copy buttons and the step-through wake up. Material starts on
// DOMContentLoaded, so the event is sent again if it has already passed.
(function () {
  var waiting = document.getElementById("__scripts").content.querySelectorAll("script");

  function run() {
    var left = waiting.length;
    waiting.forEach(function (inert) {
      var script = document.createElement("script");
      for (var i = 0; i < inert.attributes.length; i++) {
        script.setAttribute(inert.attributes[i].name, inert.attributes[i].value);
      }
      script.async = false;  // run in the order they are listed: Material's bundle first
      script.onload = script.onerror = function () {
        if (--left === 0 && document.readyState !== "loading") {
          document.dispatchEvent(new Event("DOMContentLoaded"));
        }
      };
      document.body.appendChild(script);
    });
  }

  // The first contentful paint is reported once it is on screen. A browser that cannot report
  // it starts at once; a page that never paints (a tab opened in the background) waits 3 s.
  var started = false;
  function start() {  // then after the frame being drawn, not inside it
    if (!started) { started = true; requestAnimationFrame(function () { setTimeout(run, 0); }); }
  }
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (!types || types.indexOf("paint") < 0) {
    start();
    return;
  }
  setTimeout(start, 3000);
  new PerformanceObserver(function (list, observer) {
    if (list.getEntriesByName("first-contentful-paint").length) {
      observer.disconnect();
      start();
    }
  }).observe({ type: "paint", buffered: true });
})();
