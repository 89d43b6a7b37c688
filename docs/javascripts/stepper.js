// The step-through figure of part 1 (hooks/sitebuild/stepper.py writes its markup). It computes
// the dense layer for the x the reader types, with the lecture's W and b from the data
// attributes: Z = X @ W + B, A_out = g(Z) with g = 0.5 * (1 + tanh(z / 2)), a sigmoid that
// cannot overflow. Steps: units 1..j one at a time, then Z at once, then A_out.
// The sums it shows add up: x is shown as entered (up to PLACES decimals), and since W and B
// are whole numbers, z is exact to that many decimals too.
(function () {
  "use strict";
  var LIMIT = 1e6, PLACES = 6;
  var MINUS = "\u2212";

  function sigmoid(z) { return 0.5 * (1 + Math.tanh(z / 2)); }

  function places(v) {  // how many decimals v needs: 0.123 -> 3 (up to PLACES + 1)
    var text = v.toFixed(PLACES + 1).replace(/0+$/, "");
    return text.length - text.indexOf(".") - 1;
  }
  function number(v, decimals) {  // to `decimals` places (default: as many as v needs)
    var text = v.toFixed(decimals === undefined ? places(v) : decimals);
    if (/^-0(\.0+)?$/.test(text)) text = text.slice(1);
    return text.replace("-", MINUS);
  }
  function activation(v) { return v.toFixed(2); }  // a sigmoid: in [0, 1], two decimals
  function term(v) { return v < 0 ? "(" + number(v) + ")" : number(v); }
  function list(values, format) { return "[" + values.map(format).join(", ") + "]"; }

  function layer(x, W, b) {
    var z = b.map(function (bias, j) {
      return W.reduce(function (sum, row, i) { return sum + x[i] * row[j]; }, 0) + bias;
    });
    return {z: z, a: z.map(sigmoid)};
  }

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var W = JSON.parse(root.dataset.w), b = JSON.parse(root.dataset.b);
    var units = b.length, last = units + 1, step = 0;
    var inputs = Array.prototype.slice.call(root.querySelectorAll("input[data-x]"));
    var prev = root.querySelector("[data-prev]"), next = root.querySelector("[data-next]");
    var status = root.querySelector("[role=status]");
    var x = inputs.map(function (input) { return input.valueAsNumber; });
    function all(sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

    function exact(v) { return number(v, Math.max.apply(null, x.map(places))); }
    function describe(out) {
      if (step < units) {
        var j = step, k = j + 1;
        var sum = x.map(function (xi, i) { return number(xi) + "\u00d7" + term(W[i][j]); }).join(" + ");
        return "Unit " + k + ": z" + k + " = w" + k + " \u00b7 x + b" + k + " = " + sum + " + " +
          term(b[j]) + " = " + exact(out.z[j]) + "; a" + k + " = g(z" + k + ") = " +
          activation(out.a[j]);
      }
      if (step === units) return "All units at once: Z = X @ W + B = " + list(out.z, exact);
      return "A_out = g(Z) = " + list(out.a, activation);
    }

    function render() {
      var out = layer(x, W, b);
      all("[data-xv]").forEach(function (c) {
        c.textContent = number(x[+c.dataset.xv]);
        c.classList.toggle("is-lit", step <= units);
      });
      all("[data-w]").forEach(function (c) {
        var rc = c.dataset.w.split(",");
        c.textContent = number(W[+rc[0]][+rc[1]]);
        c.classList.toggle("is-lit", step < units ? +rc[1] === step : step === units);
      });
      all("[data-b]").forEach(function (c) {
        c.textContent = number(b[+c.dataset.b]);
        c.classList.toggle("is-lit", step < units ? +c.dataset.b === step : step === units);
      });
      all("[data-z]").forEach(function (c) {
        var j = +c.dataset.z, shown = step >= units || j <= step;
        c.textContent = shown ? exact(out.z[j]) : "";
        c.classList.toggle("is-lit", step < units ? j === step : step === units);
      });
      all("[data-a]").forEach(function (c) {
        var j = +c.dataset.a, shown = step < units ? j <= step : step === last;
        c.textContent = shown ? activation(out.a[j]) : "";
        c.classList.toggle("is-lit", step < units ? j === step : step === last);
      });
      prev.disabled = step === 0;
      next.disabled = step === last;
      status.textContent = describe(out);
    }

    function read(input) {  // a finite number of sensible size, or an inline message
      var error = root.querySelector("#" + input.id + "-error");
      var v = input.valueAsNumber, name = "x" + (+input.dataset.x + 1);
      var problem = input.value.trim() === "" ? "Enter a number for " + name + "." :
        !isFinite(v) ? name + " must be a number, such as 200." :
        Math.abs(v) > LIMIT ? name + " must be between \u22121,000,000 and 1,000,000." :
        places(v) > PLACES ? name + " may have at most " + PLACES + " decimals." : "";
      error.textContent = problem;
      input.setAttribute("aria-invalid", problem ? "true" : "false");
      if (!problem) { x[+input.dataset.x] = v; render(); }
    }

    inputs.forEach(function (input) { input.addEventListener("input", function () { read(input); }); });
    prev.addEventListener("click", function () { if (step > 0) { step -= 1; render(); } });
    next.addEventListener("click", function () { if (step < last) { step += 1; render(); } });
    root.hidden = false;
    render();
  }

  function start() { document.querySelectorAll("[data-stepper]").forEach(init); }
  if (typeof document$ !== "undefined") document$.subscribe(start);  // Material's page event
  else document.addEventListener("DOMContentLoaded", start);
})();
