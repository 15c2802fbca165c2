/*
 * The filter panel of the browse pages (templates/kb/browse.html).
 *
 * Leaves blank fields out of the address the form submits, so that it is the short,
 * shareable one the server would redirect to anyway; and folds the panel away on a
 * narrow screen, where it stands above the list, unless a filter needs correcting.
 * Without this script the server drops the blanks (one redirect) and the panel stays
 * open.
 */
(function () {
  "use strict";

  var STACKED = "(max-width: 55.99rem)"; // keep in step with .browse in site.css

  document.querySelectorAll("form[data-browse-filters]").forEach(function (form) {
    form.addEventListener("formdata", function (event) {
      var data = event.formData;
      var entries = [];
      data.forEach(function (value, name) { entries.push([name, value]); });
      entries.forEach(function (entry) { data.delete(entry[0]); });
      entries.forEach(function (entry) {
        if (typeof entry[1] !== "string" || entry[1].trim() !== "") {
          data.append(entry[0], entry[1]);
        }
      });
    });
  });

  var panel = document.querySelector("details[data-filter-panel]");
  if (panel && !panel.hasAttribute("data-has-errors") && window.matchMedia(STACKED).matches) {
    panel.open = false;
  }
}());
