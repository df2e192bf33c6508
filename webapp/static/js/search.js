/* Stadtsuche: progressive enhancement of the search page. Everything works without it. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Sort order and page size take effect at once instead of waiting for a button.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () {
      var form = select.form;
      var page = form.querySelector("input[name=page]");
      if (page) { page.remove(); }
      form.submit();
    });
  });

  var input = document.getElementById("suchfeld");
  var list = document.getElementById("vorschlaege");
  if (!input || !list) { return; }

  var url = input.getAttribute("data-suggest-url");
  var active = -1;
  var timer = null;
  var lastAsked = "";

  function options() { return list.querySelectorAll("[role=option]"); }

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var items = options();
    if (!items.length) { return; }
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", items[active].id);
  }

  function choose(text) {
    input.value = text;
    close();
    input.form.submit();
  }

  function show(suggestions) {
    list.innerHTML = "";
    suggestions.forEach(function (text, i) {
      var item = document.createElement("li");
      item.id = "vorschlag-" + i;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = text;  // never HTML: titles come from the index
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(text);
      });
      list.appendChild(item);
    });
    active = -1;
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function ask() {
    var text = input.value.trim();
    if (text.length < 2) { close(); return; }
    if (text === lastAsked) { return; }
    lastAsked = text;
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) {
        if (input.value.trim() === text) { show(data.suggestions || []); }
      })
      .catch(function () { close(); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });

  input.addEventListener("keydown", function (event) {
    var open = !list.hidden;
    if (event.key === "ArrowDown") {
      if (!open) { lastAsked = ""; ask(); return; }
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      choose(options()[active].textContent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", function () { setTimeout(close, 100); });
}());
