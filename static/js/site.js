/* Progressive enhancement only: every page works without this file. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // "Copy text" buttons: shown only when the clipboard API is there.
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var target = document.getElementById(button.getAttribute("data-copy-target"));
        if (!target || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        var status = button.parentNode.querySelector(".copy-status");
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(target.textContent.trim()).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-copied-label");
                }
            });
        });
    });
})();

/* Search suggestions while typing: fills the input's <datalist> from the JSON endpoint. */
(function () {
    "use strict";
    document.querySelectorAll("input[data-autocomplete-url]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        if (!list || !window.fetch) {
            return;
        }
        var timer = null;
        var lastQuery = "";
        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var query = input.value.trim();
                if (query.length < 2 || query === lastQuery) {
                    return;
                }
                lastQuery = query;
                var url = input.getAttribute("data-autocomplete-url") + "?q=" + encodeURIComponent(query);
                fetch(url, { headers: { Accept: "application/json" } })
                    .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                    .then(function (data) {
                        list.textContent = "";
                        data.results.forEach(function (item) {
                            var option = document.createElement("option");
                            option.value = item.title;
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* suggestions are optional */ });
            }, 200);
        });
    });
})();
