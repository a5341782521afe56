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

/* @mentions: typing @ and a few letters in a comment or topic text suggests members.
 *
 * The ARIA 1.2 combobox pattern with a listbox popup: the textarea keeps the focus and
 * becomes the combobox (aria-expanded, aria-controls, aria-activedescendant); Up and Down
 * choose a member, Enter or Tab inserts their handle, Escape closes the list; a status
 * message tells screen reader users how many members were found. Without this script a
 * member types the handle themselves; the server finds the member either way.
 */
(function () {
    "use strict";
    // "@" and the start of a handle or name (letters of any script) just before the caret.
    var BEFORE_CARET = /(^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}_.\-]{1,40})$/u;

    document.querySelectorAll("textarea[data-mention-url]").forEach(function (textarea) {
        if (!window.fetch || !textarea.id) {
            return;
        }
        var listId = textarea.id + "-mentions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "mention-list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", textarea.getAttribute("data-mention-label") || "");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        textarea.insertAdjacentElement("afterend", status);
        textarea.insertAdjacentElement("afterend", list);
        textarea.setAttribute("role", "combobox");
        textarea.setAttribute("aria-autocomplete", "list");
        textarea.setAttribute("aria-expanded", "false");
        textarea.setAttribute("aria-controls", listId);

        var timer = null;
        var results = [];
        var active = -1;
        var mention = null; // {start, end} of "@query" in the text

        function close() {
            list.hidden = true;
            list.textContent = "";
            results = [];
            active = -1;
            mention = null;
            textarea.setAttribute("aria-expanded", "false");
            textarea.removeAttribute("aria-activedescendant");
        }

        function setActive(index) {
            var options = list.querySelectorAll("[role=option]");
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0 && options[index]) {
                textarea.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                textarea.removeAttribute("aria-activedescendant");
            }
        }

        function insert(index) {
            var member = results[index];
            if (!member || !mention) {
                return;
            }
            var text = textarea.value;
            var inserted = "@" + member.handle + " ";
            textarea.value = text.slice(0, mention.start) + inserted + text.slice(mention.end);
            var caret = mention.start + inserted.length;
            textarea.setSelectionRange(caret, caret);
            close();
            status.textContent = (textarea.getAttribute("data-mention-inserted") || "").replace("{name}", member.name);
        }

        function show(found) {
            results = found;
            list.textContent = "";
            found.forEach(function (member, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = member.name + " ";
                var handle = document.createElement("span");
                handle.className = "mention-list__handle";
                handle.textContent = "@" + member.handle;
                option.appendChild(handle);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep the focus in the textarea
                    insert(i);
                });
                list.appendChild(option);
            });
            if (found.length) {
                list.hidden = false;
                textarea.setAttribute("aria-expanded", "true");
                setActive(-1);
                status.textContent = (textarea.getAttribute("data-mention-found") || "").replace("{count}", found.length);
            } else {
                list.hidden = true;
                textarea.setAttribute("aria-expanded", "false");
                status.textContent = textarea.getAttribute("data-mention-none") || "";
            }
        }

        textarea.addEventListener("input", function () {
            clearTimeout(timer);
            var caret = textarea.selectionStart;
            var match = BEFORE_CARET.exec(textarea.value.slice(0, caret));
            if (!match) {
                close();
                return;
            }
            var query = match[2];
            var start = caret - query.length - 1;
            timer = setTimeout(function () {
                var url = textarea.getAttribute("data-mention-url") + "?q=" + encodeURIComponent(query);
                fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
                    .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                    .then(function (data) {
                        // The member may have typed on meanwhile; only the latest query counts.
                        if (textarea.value.slice(start, textarea.selectionStart) !== "@" + query) {
                            return;
                        }
                        mention = { start: start, end: start + query.length + 1 };
                        show(data.results || []);
                    })
                    .catch(function () { close(); });
            }, 150);
        });

        textarea.addEventListener("keydown", function (event) {
            if (list.hidden || !results.length) {
                return;
            }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive(active + 1 >= results.length ? 0 : active + 1);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive(active <= 0 ? results.length - 1 : active - 1);
            } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
                event.preventDefault();
                insert(active);
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });

        textarea.addEventListener("blur", function () {
            close();
        });
    });
})();
