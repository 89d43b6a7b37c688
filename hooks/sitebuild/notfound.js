// This page is served for every address the site lacks, at any depth, under whatever path the
// site is published. Its links are relative to the site's root; find that root (the nearest
// folder above this address that holds this very file, 404.html) and make it the page's base
// before the links below it load. Opened from disk, the page's own folder is the root.
(function () {
  var folders = location.pathname.split("/").slice(0, -1);
  for (; folders.length; folders.pop()) {
    var root = folders.join("/") + "/";
    var probe = new XMLHttpRequest();
    try {
      probe.open("HEAD", root + "404.html", false);
      probe.send();
    } catch (error) {
      return;
    }
    if (probe.status === 200) {
      var base = document.createElement("base");
      base.href = root;
      document.head.appendChild(base);
      return;
    }
  }
})();
