// The article pickers on the home page: Enter in a picker's search field searches at once, instead of
// sending the compare form. (An hx-trigger filter would need eval, which the Content-Security-Policy forbids.)
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !(field instanceof HTMLInputElement) || !field.matches(".picker-search")) {
      return;
    }
    event.preventDefault();
    htmx.trigger(field, "search");
  });
})();
