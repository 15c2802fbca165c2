/*
 * "Add a row" without a round trip to the server.
 *
 * Each collection of the editor (aliases, relations, citations ...) is a Django formset
 * with a <template data-empty-row="prefix"> holding its empty form. Pressing the add
 * button clones that form, numbers it and raises the formset's TOTAL_FORMS. Without
 * JavaScript the same button submits the form and the server adds the row.
 */
(function () {
  "use strict";

  var NUMBERED = ["name", "id", "for", "aria-describedby", "aria-labelledby"];

  function renumber(root, index) {
    root.querySelectorAll("*").forEach(function (element) {
      NUMBERED.forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && value.indexOf("__prefix__") >= 0) {
          element.setAttribute(attribute, value.split("__prefix__").join(String(index)));
        }
      });
    });
  }

  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    var prefix = button.dataset.addRow;
    var template = document.querySelector('template[data-empty-row="' + prefix + '"]');
    var list = document.querySelector('[data-row-list="' + prefix + '"]');
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!template || !list || !total) {
      return;
    }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var index = parseInt(total.value, 10) || 0;
      var fragment = template.content.cloneNode(true);
      renumber(fragment, index);
      var row = fragment.firstElementChild;
      list.appendChild(fragment);
      total.value = String(index + 1);
      row.dispatchEvent(new CustomEvent("kb:rows-added", { bubbles: true }));
      var first = row.querySelector("input, select, textarea");
      if (first) {
        first.focus();
      }
    });
  });
}());
