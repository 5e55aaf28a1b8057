// Enhancement only: everything works without this file.
// Adds a "Read this to me" button that uses the browser's own speech.
(function () {
  "use strict";
  if (!("speechSynthesis" in window)) return;
  var main = document.getElementById("main");
  var heading = main && main.querySelector("h1");
  if (!heading) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button button-secondary read-aloud";
  button.textContent = document.documentElement.getAttribute("data-read-aloud") || "Read this to me";
  button.addEventListener("click", function () {
    window.speechSynthesis.cancel();
    // Everything the page says, in its order, each piece once: an error, the answers on
    // the check page and the words of a message page too.
    var words = [];
    var picked = [];
    main.querySelectorAll("h1, h2, p, li, label, dt, dd").forEach(function (el) {
      if (el.closest(".read-aloud, [hidden]")) return;
      for (var i = 0; i < picked.length; i++) if (picked[i].contains(el)) return;
      picked.push(el);
      var text = el.textContent.replace(/\s+/g, " ").trim();
      if (text) words.push(text);
    });
    var speech = new SpeechSynthesisUtterance(words.join(". "));
    speech.lang = document.documentElement.lang;
    window.speechSynthesis.speak(speech);
  });
  // On a question page the heading is the form's legend or label: the button goes before
  // the form, so it does not become part of the question's name.
  var form = heading.closest("form");
  if (form) form.insertAdjacentElement("beforebegin", button);
  else heading.insertAdjacentElement("afterend", button);
})();
