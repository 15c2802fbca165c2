/*
 * Suggestions under a search box, as the reader types.
 *
 * Each <input data-suggest="/search/suggest/"> becomes a combobox (the WAI-ARIA
 * pattern): the best name matches appear in a list below it; the arrow keys move
 * through them, Enter opens the chosen entry, Escape closes the list. Without this
 * script, or when a suggestion is not wanted, the input is an ordinary search form.
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_LENGTH = 2;
  var counter = 0;

  function attach(input) {
    counter += 1;
    var list = document.createElement("ul");
    list.id = "search-suggestions-" + counter;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.parentElement.classList.add("has-suggestions");

    var timer = null;
    var ticket = 0;
    var active = -1;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var all = options();
      if (!all.length) {
        return;
      }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function show(results) {
      if (!results.length) {
        close();
        return;
      }
      list.replaceChildren.apply(list, results.map(function (result, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = result.url;
        var name = document.createElement("span");
        name.className = "suggestion-name";
        name.textContent = result.name;
        var kind = document.createElement("span");
        kind.className = "kind-label";
        kind.textContent = result.kind_label;
        item.append(name, " ", kind);
        if (result.alias) {
          var alias = document.createElement("span");
          alias.className = "suggestion-alias";
          alias.textContent = "also " + result.alias;
          item.append(" ", alias);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the input until we leave
          window.location.assign(result.url);
        });
        return item;
      }));
      active = -1;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function suggest() {
      var term = input.value.trim();
      ticket += 1;
      var mine = ticket;
      if (term.length < MIN_LENGTH) {
        close();
        return;
      }
      var url = new URL(input.dataset.suggest, window.location.origin);
      url.searchParams.set("q", term);
      window.fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (mine === ticket) { // an older answer must not replace a newer one
            show(data.results || []);
          }
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Escape") {
        close();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.url);
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
