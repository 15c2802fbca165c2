/*
 * Warns a researcher creating an entry that entries with a similar name exist.
 *
 * The <div class="similar-names" data-similar="/search/similar/" data-kind="group">
 * on the new-entry form fills, as the name and the aliases are typed, with links to
 * the existing entries whose names resemble them. Saving without this script gives the
 * same warning from the server before anything is created.
 */
(function () {
  "use strict";

  var DELAY_MS = 300;
  var box = document.querySelector(".similar-names[data-similar]");
  if (!box) {
    return;
  }
  var form = box.closest("form");
  var timer = null;
  var ticket = 0;

  function names() {
    var inputs = form.querySelectorAll("input[name=name], input[name^=aliases-][name$=-name]");
    return Array.prototype.map.call(inputs, function (input) { return input.value.trim(); })
      .filter(function (value) { return value.length >= 2; });
  }

  function show(results) {
    if (!results.length) {
      box.replaceChildren();
      box.classList.remove("notice");
      return;
    }
    var intro = document.createElement("p");
    intro.textContent = "A similar " + box.dataset.noun + " already exists. " +
      "Check it is not the one you mean before you create another:";
    var list = document.createElement("ul");
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.name;
      item.append(link);
      if (result.alias) {
        item.append(" (also “" + result.alias + "”)");
      }
      var why = document.createElement("span");
      why.className = "muted";
      why.textContent = " — like “" + result.similar_to + "”";
      item.append(why);
      list.append(item);
    });
    box.replaceChildren(intro, list);
    box.classList.add("notice");
  }

  function check() {
    var wanted = names();
    ticket += 1;
    var mine = ticket;
    if (!wanted.length) {
      show([]);
      return;
    }
    var url = new URL(box.dataset.similar, window.location.origin);
    url.searchParams.set("kind", box.dataset.kind);
    wanted.forEach(function (name) { url.searchParams.append("name", name); });
    window.fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        if (mine === ticket) {
          show(data.results || []);
        }
      })
      .catch(function () { show([]); });
  }

  form.addEventListener("input", function (event) {
    var name = event.target.name || "";
    if (name === "name" || /^aliases-\d+-name$/.test(name)) {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, DELAY_MS);
    }
  });
})();
