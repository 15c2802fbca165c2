/*
 * Suggestions for the editor's reference inputs (groups, people, sources, places).
 *
 * Each <input data-autocomplete="/autocomplete/?type=group"> gets a <datalist> filled
 * from that JSON endpoint as the researcher types. The option's value is the slug, which
 * is what the form expects; without this script the input still takes a slug or a name.
 * Inputs marked data-multiple hold comma-separated values: only the last one is
 * completed, and the options carry the values typed before it.
 */
(function () {
  "use strict";

  var DELAY_MS = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function attach(input) {
    if (input.dataset.autocompleteReady) {
      return;
    }
    input.dataset.autocompleteReady = "1";
    counter += 1;
    var list = document.createElement("datalist");
    list.id = "autocomplete-list-" + counter;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);

    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        latest += 1;
        suggest(input, list, latest, function () { return latest; });
      }, DELAY_MS);
    });
  }

  function split(input) {
    var value = input.value;
    if (input.dataset.multiple !== "1") {
      return { before: "", term: value.trim() };
    }
    var cut = value.lastIndexOf(",");
    if (cut < 0) {
      return { before: "", term: value.trim() };
    }
    return { before: value.slice(0, cut + 1) + " ", term: value.slice(cut + 1).trim() };
  }

  function suggest(input, list, ticket, current) {
    var parts = split(input);
    if (parts.term.length < MIN_LENGTH) {
      list.replaceChildren();
      return;
    }
    var url = new URL(input.dataset.autocomplete, window.location.origin);
    url.searchParams.set("q", parts.term);
    window.fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        if (ticket !== current()) {
          return; // a newer request is on its way; keep its answer, not this one
        }
        list.replaceChildren.apply(list, (data.results || []).map(function (result) {
          var option = document.createElement("option");
          option.value = parts.before + result.value;
          option.label = result.label;
          option.textContent = result.label;
          return option;
        }));
      })
      .catch(function () { list.replaceChildren(); });
  }

  function init(root) {
    root.querySelectorAll("input[data-autocomplete]").forEach(attach);
  }

  init(document);
  document.addEventListener("kb:rows-added", function (event) { init(event.target); });
}());
