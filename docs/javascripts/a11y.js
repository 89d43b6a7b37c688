// Keyboard users must be able to scroll anything that scrolls (WCAG 2.1.1): give every region
// that actually overflows a tab stop. Tables get their scroll wrapper from Material at runtime,
// so this runs after Material has rendered each page, and only once the browser is idle: reading
// scroll sizes before the first layout would force that layout inside Material's own start-up.
document$.subscribe(function () {
  var selector = ".md-typeset__scrollwrap, .md-typeset .math, .md-typeset figure, .highlight-ipynb, .highlight-ipynb pre";
  var later = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
  later(function () {
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
        el.tabIndex = 0;
      }
    });
  }, {timeout: 2000});
});
